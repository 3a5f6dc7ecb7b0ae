/**
 * Patient → persons (个人基本信息), and the `patient` identity block every
 * clinical record carries. Identity documents (CV02.01.101):
 *   system urn:oid:2.16.156.10011.1.3 (GB 11643 居民身份证) or type NNCHN → 01
 *   type PPN, or a system naming a passport                              → 03
 *   another person-level document (NI, NNxxx, SS, DL, …)                 → 99
 * Institution-local numbers (MR, PI…) are not documents: they become
 * `patientId`, which links only within the sending institution.
 */
import type { IndexedEntry } from './bundle-index';
import { asString, CJK, codesIn, datePart, objects, put } from './fhir-elements';
import type { FhirJson } from './fhir-types';
import { recordBase, type MappedRecord, type RecordLocation } from './mapped-record';

/** WS/T 500 OID of the resident identity card number (身份证号). */
export const RESIDENT_ID_SYSTEM = 'urn:oid:2.16.156.10011.1.3';

/** v2-0203 identifier types of person-level documents, in order of preference, for idType 99. */
const OTHER_DOCUMENT_TYPES = ['NI', 'NN', 'SS', 'DL', 'CZ', 'PRC', 'BCT', 'NH', 'HC', 'JHN', 'SB', 'PEN', 'MA', 'MC', 'SR'];
/** v2-0203 types of numbers an institution issues for its own patients. */
const LOCAL_PATIENT_TYPES = ['MR', 'PI', 'PT', 'MRT'];

const GENDER: Record<string, string> = { male: '1', female: '2', other: '9', unknown: '0' };

/** v3 MaritalStatus → GB/T 2261.2. */
const MARITAL: Record<string, string> = { S: '10', U: '10', M: '20', T: '20', W: '30', D: '40', A: '40' };

export interface PatientIdentity {
  /** The `patient` block (PatientRefSchema): idType, idNumber, name, sex, birthDate, patientId, phone. */
  block: FhirJson;
  /** Block element → FHIRPath within the Patient. */
  elements: { path: string; expression: string }[];
}

interface Identifier {
  index: number;
  system?: string;
  value?: string;
  types: string[];
  old: boolean;
}

function identifiers(patient: FhirJson): Identifier[] {
  return objects(patient.identifier).map((i, index) => ({
    index,
    system: asString(i.system),
    value: asString(i.value),
    types: codesIn(i.type),
    old: i.use === 'old',
  }));
}

function isResidentId(i: Identifier): boolean {
  return i.system === RESIDENT_ID_SYSTEM || i.system === RESIDENT_ID_SYSTEM.slice('urn:oid:'.length) || i.types.includes('NNCHN');
}

function isPassport(i: Identifier): boolean {
  return i.types.includes('PPN') || /passport/i.test(i.system ?? '');
}

function otherDocumentRank(i: Identifier): number {
  let best = Number.POSITIVE_INFINITY;
  for (const t of i.types) {
    const rank = OTHER_DOCUMENT_TYPES.indexOf(t.startsWith('NN') ? 'NN' : t);
    if (rank >= 0 && rank < best) best = rank;
  }
  return best;
}

/** The identity document to link by: resident ID, else passport, else another person-level document. */
export function chooseDocument(patient: FhirJson): { idType: string; idNumber: string; index: number } | undefined {
  const usable = identifiers(patient).filter((i) => i.value && !i.old);
  const resident = usable.find(isResidentId);
  if (resident) return { idType: '01', idNumber: resident.value!, index: resident.index };
  const passport = usable.find(isPassport);
  if (passport) return { idType: '03', idNumber: passport.value!, index: passport.index };
  const other = usable
    .map((i) => ({ i, rank: otherDocumentRank(i) }))
    .filter((x) => Number.isFinite(x.rank))
    .sort((a, b) => a.rank - b.rank)[0]?.i;
  return other ? { idType: '99', idNumber: other.value!, index: other.index } : undefined;
}

function choosePatientId(patient: FhirJson): { value: string; expression: string } | undefined {
  const local = identifiers(patient).find((i) => i.value && !i.old && i.types.some((t) => LOCAL_PATIENT_TYPES.includes(t)));
  if (local) return { value: local.value!, expression: `identifier[${local.index}]` };
  const id = asString(patient.id);
  return id ? { value: id, expression: 'id' } : undefined;
}

/** Chinese names are family + given without a space; others "given family". Prefers an official name in Chinese characters. */
export function personName(patient: FhirJson): { name: string; index: number } | undefined {
  const names = objects(patient.name).map((n, index) => {
    const given = Array.isArray(n.given) ? n.given.map(asString).filter((g): g is string => !!g) : [];
    const family = asString(n.family);
    const text = asString(n.text);
    const cjk = CJK.test(`${text ?? ''}${family ?? ''}${given.join('')}`);
    const composed = cjk ? `${family ?? ''}${given.join('')}` : [...given, family].filter(Boolean).join(' ');
    const use = asString(n.use);
    return { index, name: text ?? composed, cjk, use };
  });
  const usable = names.filter((n) => n.name && n.use !== 'old' && n.use !== 'maiden');
  const rank = (n: (typeof names)[number]) => (n.use === 'official' || n.use === 'usual' || n.use === undefined ? 0 : 2) + (n.cjk ? 0 : 1);
  const best = [...usable].sort((a, b) => rank(a) - rank(b) || a.index - b.index)[0] ?? names.find((n) => n.name);
  return best ? { name: best.name, index: best.index } : undefined;
}

function phone(patient: FhirJson): { value: string; index: number } | undefined {
  const phones = objects(patient.telecom)
    .map((t, index) => ({ index, system: asString(t.system), use: asString(t.use), value: asString(t.value) }))
    .filter((t) => (t.system === 'phone' || t.system === 'sms') && t.value && t.use !== 'old');
  const order = ['mobile', 'home', 'work'];
  const rank = (use: string | undefined) => (use && order.includes(use) ? order.indexOf(use) : order.length);
  const best = phones.sort((a, b) => rank(a.use) - rank(b.use) || a.index - b.index)[0];
  return best ? { value: best.value!, index: best.index } : undefined;
}

function address(patient: FhirJson): { value: string; index: number } | undefined {
  const all = objects(patient.address).map((a, index) => ({ a, index })).filter(({ a }) => a.use !== 'old');
  const pick = all.find(({ a }) => a.use === 'home') ?? all[0];
  if (!pick) return undefined;
  const { a } = pick;
  const text = asString(a.text);
  if (text) return { value: text, index: pick.index };
  const lines = Array.isArray(a.line) ? a.line.map(asString).filter((l): l is string => !!l) : [];
  const [state, city, district, postalCode, country] = [a.state, a.city, a.district, a.postalCode, a.country].map(asString);
  const cjk = CJK.test(`${state ?? ''}${city ?? ''}${district ?? ''}${lines.join('')}`);
  const value = cjk
    ? [state, city, district, ...lines].filter(Boolean).join('')
    : [...lines, city, district, [state, postalCode].filter(Boolean).join(' '), country].filter(Boolean).join(', ');
  return value ? { value, index: pick.index } : undefined;
}

function maritalStatus(patient: FhirJson): string | undefined {
  const codes = codesIn(patient.maritalStatus);
  const gb = codes.find((c) => /^(10|2[0-3]|30|40|90)$/.test(c));
  if (gb) return gb;
  const v3 = codes[0];
  return v3 ? (MARITAL[v3] ?? '90') : undefined;
}

/** The identity a Patient gives the records that reference it. Missing elements stay missing: the ingest checks name them. */
export function patientIdentity(patient: FhirJson): PatientIdentity {
  const block: FhirJson = {};
  const elements: PatientIdentity['elements'] = [];
  const doc = chooseDocument(patient);
  if (doc) {
    block.idType = doc.idType;
    block.idNumber = doc.idNumber;
  }
  elements.push({ path: 'idType', expression: doc ? `identifier[${doc.index}].type` : 'identifier' });
  elements.push({ path: 'idNumber', expression: doc ? `identifier[${doc.index}].value` : 'identifier' });
  const name = personName(patient);
  put(block, 'name', name?.name);
  elements.push({ path: 'name', expression: name ? `name[${name.index}]` : 'name' });
  put(block, 'sex', typeof patient.gender === 'string' ? (GENDER[patient.gender] ?? patient.gender) : undefined);
  elements.push({ path: 'sex', expression: 'gender' });
  put(block, 'birthDate', asString(patient.birthDate));
  elements.push({ path: 'birthDate', expression: 'birthDate' });
  const pid = choosePatientId(patient);
  put(block, 'patientId', pid?.value);
  elements.push({ path: 'patientId', expression: pid?.expression ?? 'id' });
  const tel = phone(patient);
  put(block, 'phone', tel?.value);
  elements.push({ path: 'phone', expression: tel ? `telecom[${tel.index}]` : 'telecom' });
  return { block, elements };
}

/** Patient → one persons record. */
export function mapPatient(entry: IndexedEntry): MappedRecord {
  const patient = entry.resource;
  const identity = patientIdentity(patient);
  const record: FhirJson = { ...recordBase(entry), ...identity.block };
  const locations: RecordLocation[] = [
    { path: '', entry: entry.index, expression: '' },
    { path: 'sourceId', entry: entry.index, expression: 'id' },
    { path: 'version', entry: entry.index, expression: 'meta.versionId' },
    { path: 'updatedAt', entry: entry.index, expression: 'meta.lastUpdated' },
    ...identity.elements.map((e) => ({ path: e.path, entry: entry.index, expression: e.expression })),
  ];
  const addr = address(patient);
  put(record, 'address', addr?.value);
  if (addr) locations.push({ path: 'address', entry: entry.index, expression: `address[${addr.index}]` });
  put(record, 'maritalStatus', maritalStatus(patient));
  locations.push({ path: 'maritalStatus', entry: entry.index, expression: 'maritalStatus' });
  put(record, 'deathDate', datePart(patient.deceasedDateTime));
  locations.push({ path: 'deathDate', entry: entry.index, expression: 'deceasedDateTime' });
  return { dataset: 'persons', record, entry: entry.index, parts: [], locations };
}
