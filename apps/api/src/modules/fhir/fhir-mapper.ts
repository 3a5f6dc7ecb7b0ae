/**
 * A FHIR R4 batch/transaction Bundle → records of the ingest data sets, and
 * for every entry what became of it. Pure: no I/O, no clock.
 *
 *   Patient                         → persons
 *   Encounter (+ its Conditions)    → encounters (diagnoses)
 *   Observation / DiagnosticReport  → lab-reports
 *   MedicationRequest               → prescriptions
 *   Immunization                    → immunizations
 *
 * See README.md in this folder for the field-by-field mapping.
 */
import { INGEST_MAX_RECORDS } from '@rhip/contracts';
import { BundleIndex, type IndexedEntry } from './bundle-index';
import { notMapped, type EntryNote, type ResourceMapping } from './clinical-context';
import { mapEncounter, encounterDiagnosisRefs, type DiagnosisSource } from './encounter-mapper';
import { asArray, asObject, asString, codeOf } from './fhir-elements';
import type { EntryIssue, FhirJson } from './fhir-types';
import { mapImmunization } from './immunization-mapper';
import { mapDiagnosticReport, mapObservation } from './lab-report-mapper';
import { entryExpression, issue, sourceIdOf, type MappedRecord } from './mapped-record';
import { mapPatient } from './patient-mapper';
import { mapMedicationRequest } from './prescription-mapper';

export const SUPPORTED_RESOURCE_TYPES = ['Patient', 'Encounter', 'Condition', 'Observation', 'DiagnosticReport', 'MedicationRequest', 'Immunization'] as const;

export type BundleType = 'batch' | 'transaction';

/** What became of one Bundle entry. */
export type EntryMapping =
  /** The entry's resource is records[record]. */
  | { kind: 'record'; record: number; notes: EntryIssue[] }
  /** The entry was folded into records[...] (a Condition as a diagnosis, an Observation as a result). */
  | { kind: 'part'; records: number[]; notes: EntryIssue[] }
  /** The entry is answered without a record: invalid, unresolved, not supported or not stored. */
  | { kind: 'failed'; status: 400 | 422; issues: EntryIssue[] };

export interface BundleMapping {
  type: BundleType;
  records: MappedRecord[];
  entries: EntryMapping[];
}

export type BundleCheck =
  | { ok: true; type: BundleType; entries: unknown[] }
  | { ok: false; rule: string; message: string; messageZh: string; expression: string };

/** Whole-request problems: not a Bundle, not batch/transaction, no entries, too many entries. */
export function checkBundle(body: unknown): BundleCheck {
  const bundle = asObject(body);
  const fail = (rule: string, message: string, messageZh: string, expression: string) => ({ ok: false as const, rule, message, messageZh, expression });
  if (!bundle) return fail('FHIR.INVALID_BUNDLE', 'The body is not a FHIR resource (a JSON object)', '请求体不是FHIR资源（JSON对象）', 'Bundle');
  if (bundle.resourceType !== 'Bundle') {
    const got = typeof bundle.resourceType === 'string' ? bundle.resourceType : 'no resourceType';
    return fail('FHIR.INVALID_BUNDLE', `Expected a Bundle, got ${got}`, `应为Bundle，实际为${got}`, 'Bundle.resourceType');
  }
  if (bundle.type !== 'batch' && bundle.type !== 'transaction') {
    const got = typeof bundle.type === 'string' ? `"${bundle.type}"` : 'missing';
    return fail('FHIR.INVALID_BUNDLE', `Bundle.type must be "batch" or "transaction" (${got})`, `Bundle.type 须为 batch 或 transaction（实际：${got}）`, 'Bundle.type');
  }
  const entries = asArray(bundle.entry);
  if (entries.length === 0) return fail('FHIR.INVALID_BUNDLE', 'The Bundle has no entries', 'Bundle中没有条目', 'Bundle.entry');
  if (entries.length > INGEST_MAX_RECORDS) {
    return fail('FHIR.TOO_MANY_ENTRIES', `At most ${INGEST_MAX_RECORDS} entries per Bundle (${entries.length} sent)`, `每个Bundle最多${INGEST_MAX_RECORDS}个条目（实际${entries.length}个）`, 'Bundle.entry');
  }
  return { ok: true, type: bundle.type, entries };
}

function invalid(index: number, message: string, messageZh: string, expression: string): EntryMapping {
  return { kind: 'failed', status: 400, issues: [issue('error', 'structure', 'FHIR.INVALID_RESOURCE', message, messageZh, [expression])] };
}

/** Structural problems of one entry (400), before any mapping. */
function entryProblem(raw: unknown, index: number, indexed: IndexedEntry | undefined): EntryMapping | undefined {
  const at = `Bundle.entry[${index}]`;
  const e = asObject(raw);
  if (!e) return invalid(index, 'The entry is not an object', '条目不是对象', at);
  if (!asObject(e.resource)) return invalid(index, 'The entry has no resource', '条目中没有resource', `${at}.resource`);
  if (!indexed) return invalid(index, 'The resource has no resourceType', '资源缺少resourceType', `${at}.resource.resourceType`);
  const method = asString(asObject(e.request)?.method);
  if (method && method !== 'POST' && method !== 'PUT') {
    return {
      kind: 'failed',
      status: 422,
      issues: [issue('error', 'not-supported', 'FHIR.UNSUPPORTED_INTERACTION', `Only POST and PUT entries are accepted (request.method ${method})`, `仅接受POST和PUT条目（request.method 为 ${method}）`, [`${at}.request.method`])],
    };
  }
  if (!sourceIdOf(indexed)) return invalid(index, 'The resource has neither id nor fullUrl; one is needed as the record identifier (sourceId)', '资源既无id也无fullUrl，无法作为记录标识(sourceId)', `${at}.resource.id`);
  return undefined;
}

function unsupported(entry: IndexedEntry): EntryMapping {
  const type = entry.resource.resourceType;
  return {
    kind: 'failed',
    status: 422,
    issues: [
      issue(
        'error',
        'not-supported',
        'FHIR.UNSUPPORTED_RESOURCE',
        `${type} is not supported: the platform maps ${SUPPORTED_RESOURCE_TYPES.join(', ')}; the entry was skipped`,
        `不支持的资源类型${type}（平台映射 ${SUPPORTED_RESOURCE_TYPES.join('、')}），该条目已跳过`,
        [entryExpression(entry.index)],
      ),
    ],
  };
}

/** A Condition that is not a diagnosis: refuted or entered in error. */
function voidCondition(entry: IndexedEntry): EntryIssue | undefined {
  const status = codeOf(entry.resource.verificationStatus);
  if (status !== 'refuted' && status !== 'entered-in-error') return undefined;
  return notMapped(entry.index, `A Condition with verificationStatus "${status}" is not a diagnosis and is not stored`, `核实状态为“${status}”的Condition不是诊断，不入库`, 'verificationStatus');
}

export function mapBundle(bundle: FhirJson, type: BundleType): BundleMapping {
  const raw = asArray(bundle.entry);
  const index = new BundleIndex(raw);
  const entries: (EntryMapping | undefined)[] = raw.map((r, i) => entryProblem(r, i, index.entries[i]));
  const valid = index.entries.filter((e): e is IndexedEntry => !!e && !entries[e.index]);
  const ofType = (t: string) => valid.filter((e) => e.resource.resourceType === t);

  // Conditions of each Encounter: named by Encounter.diagnosis, or naming the encounter in Condition.encounter.
  const conditionsOf = new Map<number, DiagnosisSource[]>();
  const encountersOf = new Map<number, number[]>();
  const usable = new Set(ofType('Condition').filter((c) => !voidCondition(c)).map((c) => c.index));
  const namingEncounter = new Map<number, IndexedEntry[]>();
  for (const cond of ofType('Condition')) {
    const target = usable.has(cond.index) ? index.lookup(cond.resource.encounter) : undefined;
    if (target) namingEncounter.set(target.index, [...(namingEncounter.get(target.index) ?? []), cond]);
  }
  for (const enc of ofType('Encounter')) {
    const sources: DiagnosisSource[] = [];
    for (const d of encounterDiagnosisRefs(index, enc)) {
      const cond = index.entries[d.entry];
      if (cond && usable.has(d.entry) && !sources.some((s) => s.entry.index === d.entry)) sources.push({ entry: cond, rank: d.rank, use: d.use });
    }
    for (const cond of namingEncounter.get(enc.index) ?? []) {
      if (!sources.some((s) => s.entry.index === cond.index)) sources.push({ entry: cond });
    }
    conditionsOf.set(enc.index, sources);
    for (const s of sources) encountersOf.set(s.entry.index, [...(encountersOf.get(s.entry.index) ?? []), enc.index]);
  }
  // Observations named as results by a DiagnosticReport in the bundle.
  const reportsOf = new Map<number, number[]>();
  for (const report of ofType('DiagnosticReport')) {
    for (const ref of asArray(report.resource.result)) {
      const obs = index.lookup(ref);
      if (obs?.resource.resourceType === 'Observation') reportsOf.set(obs.index, [...(reportsOf.get(obs.index) ?? []), report.index]);
    }
  }

  const records: MappedRecord[] = [];
  const recordOfEntry = new Map<number, number>();
  const notes = new Map<number, EntryIssue[]>();
  const note = (n: EntryNote) => notes.set(n.entry, [...(notes.get(n.entry) ?? []), n.issue]);
  const accept = (entry: IndexedEntry, m: ResourceMapping) => {
    if (!m.ok) {
      entries[entry.index] = { kind: 'failed', status: m.status, issues: m.issues };
      return;
    }
    recordOfEntry.set(entry.index, records.length);
    entries[entry.index] = { kind: 'record', record: records.length, notes: [] };
    records.push(m.record);
    m.notes.forEach(note);
  };

  for (const entry of valid) {
    switch (entry.resource.resourceType) {
      case 'Patient':
        accept(entry, { ok: true, record: mapPatient(entry), notes: [] });
        break;
      case 'Encounter':
        accept(entry, mapEncounter(index, entry, conditionsOf.get(entry.index) ?? []));
        break;
      case 'Observation':
        if (!reportsOf.has(entry.index)) accept(entry, mapObservation(index, entry));
        break;
      case 'DiagnosticReport':
        accept(entry, mapDiagnosticReport(index, entry));
        break;
      case 'MedicationRequest':
        accept(entry, mapMedicationRequest(index, entry));
        break;
      case 'Immunization':
        accept(entry, mapImmunization(index, entry));
        break;
      case 'Condition':
        break;
      default:
        entries[entry.index] = unsupported(entry);
    }
  }

  // Parts answer with the records they were folded into.
  for (const entry of valid) {
    const t = entry.resource.resourceType;
    if (t !== 'Condition' && !(t === 'Observation' && reportsOf.has(entry.index))) continue;
    const parents = t === 'Condition' ? (encountersOf.get(entry.index) ?? []) : (reportsOf.get(entry.index) ?? []);
    const mapped = parents.flatMap((p) => {
      const r = recordOfEntry.get(p);
      return r === undefined ? [] : [r];
    });
    if (mapped.length > 0) {
      entries[entry.index] = { kind: 'part', records: mapped, notes: [] };
      continue;
    }
    const voided = t === 'Condition' ? voidCondition(entry) : undefined;
    if (voided) entries[entry.index] = { kind: 'failed', status: 422, issues: [voided] };
    else if (parents.length > 0) {
      const what = t === 'Condition' ? 'encounter' : 'report';
      const whatZh = t === 'Condition' ? '就诊' : '检验报告';
      entries[entry.index] = {
        kind: 'failed',
        status: 422,
        issues: [
          notMapped(entry.index, `Not stored: the ${what} it belongs to (entry ${parents.join(', ')}) could not be mapped`, `未入库：所属${whatZh}（第${parents.join('、')}项）未能映射`),
        ],
      };
    } else {
      entries[entry.index] = {
        kind: 'failed',
        status: 422,
        issues: [
          notMapped(
            entry.index,
            'A Condition is stored only as a diagnosis of an Encounter in the same bundle (Condition.encounter or Encounter.diagnosis); send it with its Encounter',
            'Condition仅作为同一Bundle中就诊（Encounter）的诊断入库（通过Condition.encounter或Encounter.diagnosis关联），请与其就诊一并发送',
            'encounter',
          ),
        ],
      };
    }
  }

  return {
    type,
    records,
    entries: entries.map((e, i) => {
      const m = e ?? unsupported(index.entries[i]!);
      const extra = notes.get(i) ?? [];
      return m.kind === 'failed' ? m : { ...m, notes: [...m.notes, ...extra] };
    }),
  };
}
