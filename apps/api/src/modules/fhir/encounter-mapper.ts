/**
 * Encounter (+ the Conditions of that encounter in the same bundle) →
 * encounters (门急诊就诊/住院) with its diagnoses.
 *
 * Diagnoses are ICD-10 on the platform. A Condition coded in ICD-10 (any
 * ICD-10 system, or a code without system in ICD-10 shape) becomes a
 * diagnosis. One coded otherwise (Synthea: SNOMED CT) is kept unchanged —
 * system, code and name — in `nonIcd10Diagnoses` (an extension element, stored
 * in the row's `extra`) and answered with the warning FHIR.CODE_NOT_ICD10.
 */
import { isIcd10Format } from '@rhip/domain';
import type { BundleIndex, IndexedEntry } from './bundle-index';
import { linkPatient, skippedStatus, type EntryNote, type ResourceMapping } from './clinical-context';
import { asArray, asNumber, asObject, asString, codeOf, codings, conceptText, objects, preferredCoding, put, type Coding } from './fhir-elements';
import type { FhirJson } from './fhir-types';
import { entryExpression, issue, recordBase, sourceIdOf, type RecordLocation } from './mapped-record';

/** Code systems that are ICD-10 (WHO, national clinical editions, ICD-10-CM) by URI or OID. */
const ICD10_SYSTEMS = [
  'http://hl7.org/fhir/sid/icd-10',
  'http://hl7.org/fhir/sid/icd-10-cn',
  'http://hl7.org/fhir/sid/icd-10-cm',
  'urn:oid:2.16.156.10011.2.3.3.11',
  'urn:oid:2.16.840.1.113883.6.3',
  'urn:oid:2.16.840.1.113883.6.90',
];

export function isIcd10System(system: string | undefined): boolean {
  return !!system && (ICD10_SYSTEMS.includes(system) || /icd-?10/i.test(system));
}

/** v3 ActCode encounter class → encounter type. */
const ENCOUNTER_CLASS: Record<string, 'outpatient' | 'emergency' | 'inpatient'> = {
  AMB: 'outpatient',
  VR: 'outpatient',
  HH: 'outpatient',
  FLD: 'outpatient',
  PRENC: 'outpatient',
  EMER: 'emergency',
  OBSENC: 'emergency',
  IMP: 'inpatient',
  ACUTE: 'inpatient',
  NONAC: 'inpatient',
  SS: 'inpatient',
};

/** hospitalization.admitSource → 入院途径 (1 急诊, 2 门诊, 3 其他医疗机构转入, 9 其他). */
const ADMIT_SOURCE: Record<string, string> = { emd: '1', outp: '2', 'hosp-trans': '3', mp: '9', nursing: '3', psych: '3', rehab: '3', born: '9', gp: '2', other: '9' };
/** hospitalization.dischargeDisposition → 离院方式 (1 医嘱离院, 2 转院, 3 转社区, 4 非医嘱离院, 5 死亡, 9 其他). */
const DISCHARGE: Record<string, string> = { home: '1', alt_home: '1', 'other-hcf': '2', hosp: '2', snf: '3', rehab: '3', long: '3', psy: '2', aadvice: '4', exp: '5', oth: '9' };

/** A Condition to attach to an encounter, with what Encounter.diagnosis said about it. */
export interface DiagnosisSource {
  entry: IndexedEntry;
  rank?: number;
  /** Encounter.diagnosis.use (a CodeableConcept: AD admission, DD discharge…). */
  use?: unknown;
}

type Diagnosis = { icd10: true; value: FhirJson } | { icd10: false; value: FhirJson; coding?: Coding };

/** One Condition as a diagnosis: ICD-10 if it has an ICD-10 coding, else kept as coded. */
export function conditionDiagnosis(source: DiagnosisSource): Diagnosis {
  const cond = source.entry.resource;
  const all = codings(cond.code).filter((c) => c.code);
  const icd = all.find((c) => isIcd10System(c.system)) ?? all.find((c) => !c.system && isIcd10Format(c.code!));
  const name = conceptText(cond.code) ?? icd?.display ?? all[0]?.display ?? icd?.code ?? all[0]?.code;
  const value: FhirJson = {};
  const useCode = codeOf(source.use);
  const kind = useCode === 'AD' ? 'admission' : useCode === 'DD' ? 'discharge' : undefined;
  if (icd) {
    put(value, 'code', icd.code);
    put(value, 'name', name);
    if (source.rank === 1) value.primary = true;
    put(value, 'kind', kind);
    return { icd10: true, value };
  }
  const coding = preferredCoding(cond.code);
  put(value, 'system', coding?.system);
  put(value, 'code', coding?.code);
  put(value, 'name', name);
  if (source.rank === 1) value.primary = true;
  put(value, 'kind', kind);
  put(value, 'conditionId', sourceIdOf(source.entry));
  return { icd10: false, value, coding };
}

/** The Conditions Encounter.diagnosis names, in rank order, as entry index → rank/use. */
export function encounterDiagnosisRefs(index: BundleIndex, encounter: IndexedEntry): { entry: number; rank?: number; use?: unknown }[] {
  return objects(encounter.resource.diagnosis)
    .map((d, i) => ({ target: index.lookup(d.condition), rank: asNumber(d.rank), use: d.use, i }))
    .filter((d): d is typeof d & { target: IndexedEntry } => d.target?.resource.resourceType === 'Condition')
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map((d) => ({ entry: d.target.index, rank: d.rank, use: d.use }));
}

function period(resource: FhirJson): { start?: string; end?: string } {
  const p = asObject(resource.period);
  return { start: asString(p?.start), end: asString(p?.end) };
}

function classCode(resource: FhirJson): string | undefined {
  // R4: a Coding; R5 (and some senders): a list of CodeableConcepts.
  const c = resource.class;
  return Array.isArray(c) ? codeOf(c[0]) : codeOf(c);
}

function attendingDoctor(resource: FhirJson): string | undefined {
  const participants = objects(resource.participant);
  const typed = (code: string) => participants.find((p) => asArray(p.type).some((t) => codeOf(t) === code));
  const p = typed('ATND') ?? typed('PPRF') ?? participants[0];
  return asString(asObject(p?.individual)?.display);
}

export function mapEncounter(index: BundleIndex, entry: IndexedEntry, conditions: DiagnosisSource[]): ResourceMapping {
  const skipped = skippedStatus(entry, ['planned', 'cancelled', 'entered-in-error']);
  if (skipped) return { ok: false, status: 422, issues: [skipped] };
  const patient = linkPatient(index, entry, 'subject');
  if (!patient.ok) return { ok: false, status: 422, issues: [patient.issue] };

  const enc = entry.resource;
  const at = (expression: string) => entryExpression(entry.index, expression);
  const record: FhirJson = { ...recordBase(entry, conditions.map((c) => c.entry)), patient: patient.block };
  const locations: RecordLocation[] = [
    { path: '', entry: entry.index, expression: '' },
    ...patient.locations,
    { path: 'sourceId', entry: entry.index, expression: 'id' },
    { path: 'type', entry: entry.index, expression: 'class' },
    { path: 'startAt', entry: entry.index, expression: 'period.start' },
    { path: 'endAt', entry: entry.index, expression: 'period.end' },
    { path: 'diagnoses', entry: entry.index, expression: 'diagnosis' },
  ];
  const cls = classCode(enc);
  put(record, 'type', cls ? (ENCOUNTER_CLASS[cls] ?? cls) : undefined);
  if (cls && !['AMB', 'EMER', 'IMP'].includes(cls)) record.fhirClass = cls;
  const { start, end } = period(enc);
  put(record, 'startAt', start);
  put(record, 'endAt', end);
  put(record, 'visitNo', asString(objects(enc.identifier).find((i) => i.use === 'official')?.value) ?? asString(objects(enc.identifier)[0]?.value));
  const serviceType = enc.serviceType;
  put(record, 'department', conceptText(serviceType));
  put(record, 'departmentCode', codeOf(serviceType));
  put(record, 'attendingDoctor', attendingDoctor(enc));
  const hosp = asObject(enc.hospitalization);
  const admit = codeOf(hosp?.admitSource);
  const discharge = codeOf(hosp?.dischargeDisposition);
  put(record, 'admissionWay', admit ? (ADMIT_SOURCE[admit] ?? '9') : undefined);
  put(record, 'dischargeWay', discharge ? (DISCHARGE[discharge] ?? '9') : undefined);
  put(record, 'reason', objects(enc.reasonCode).map(conceptText).filter(Boolean).join('; ') || undefined);

  const notes: EntryNote[] = [];
  const diagnoses: FhirJson[] = [];
  const others: FhirJson[] = [];
  for (const source of conditions) {
    const d = conditionDiagnosis(source);
    if (d.icd10) {
      locations.push({ path: `diagnoses[${diagnoses.length}]`, entry: source.entry.index, expression: 'code' });
      diagnoses.push(d.value);
      continue;
    }
    others.push(d.value);
    const shown = [d.coding?.system, d.coding?.code, d.value.name ? `"${String(d.value.name)}"` : undefined].filter(Boolean).join(' ');
    const warning = issue(
      'warning',
      'code-invalid',
      'FHIR.CODE_NOT_ICD10',
      `Condition.code has no ICD-10 coding (${shown || 'no coding'}); the code is kept as sent in nonIcd10Diagnoses and left out of the ICD-10 diagnoses`,
      `Condition.code 中没有ICD-10编码（${shown || '无编码'}），原编码保存在 nonIcd10Diagnoses，不计入ICD-10诊断`,
      [entryExpression(source.entry.index, 'code')],
    );
    notes.push({ entry: source.entry.index, issue: warning }, { entry: entry.index, issue: warning });
  }
  if (diagnoses.length > 0) record.diagnoses = diagnoses;
  if (others.length > 0) record.nonIcd10Diagnoses = others;
  for (const source of conditions) {
    notes.push({
      entry: source.entry.index,
      issue: issue(
        'information',
        'informational',
        'FHIR.MAPPED_AS_PART',
        `Mapped as a diagnosis of the encounter in entry ${entry.index}`,
        `作为第${entry.index}项就诊的诊断入库`,
        [at('')],
      ),
    });
  }
  return { ok: true, record: { dataset: 'encounters', record, entry: entry.index, parts: conditions.map((c) => c.entry.index), locations }, notes };
}
