/**
 * Observation and DiagnosticReport → lab-reports (检验报告).
 * - A DiagnosticReport is one report; its `result` Observations (in the bundle
 *   or contained) are its results.
 * - An Observation no DiagnosticReport in the bundle names is a report of its own with one result
 *   (or one per component, e.g. a blood-pressure panel).
 */
import type { BundleIndex, IndexedEntry } from './bundle-index';
import { containedResource } from './bundle-index';
import { linkEncounter, linkPatient, skippedStatus, unresolved, type EntryNote, type ResourceMapping } from './clinical-context';
import { asArray, asNumber, asObject, asString, codeOf, conceptText, objects, preferredCoding, put } from './fhir-elements';
import type { EntryIssue, FhirJson } from './fhir-types';
import { entryExpression, issue, recordBase, type RecordLocation } from './mapped-record';

const LOINC = 'http://loinc.org';
const VOID_STATUSES = ['cancelled', 'entered-in-error'];

/** v3 ObservationInterpretation → 异常标志 (N | H | L | HH | LL | A). */
const INTERPRETATION: Record<string, string> = { N: 'N', H: 'H', L: 'L', HH: 'HH', LL: 'LL', A: 'A', AA: 'A', HU: 'HH', LU: 'LL', POS: 'A', NEG: 'N', DET: 'A', ND: 'N' };

function rangeText(range: FhirJson | undefined): string | undefined {
  if (!range) return undefined;
  const text = asString(range.text);
  if (text) return text;
  const low = asNumber(asObject(range.low)?.value);
  const high = asNumber(asObject(range.high)?.value);
  if (low !== undefined && high !== undefined) return `${low}-${high}`;
  if (low !== undefined) return `>=${low}`;
  if (high !== undefined) return `<=${high}`;
  return undefined;
}

/** value[x] as the platform's result value (number or text) and unit. */
function valueOf(o: FhirJson): { value?: string | number; unit?: string } {
  const q = asObject(o.valueQuantity);
  if (q) {
    const n = asNumber(q.value);
    const unit = asString(q.unit) ?? asString(q.code);
    const comparator = asString(q.comparator);
    return { value: n === undefined ? undefined : comparator ? `${comparator}${n}` : n, unit };
  }
  if (o.valueCodeableConcept !== undefined) return { value: conceptText(o.valueCodeableConcept) ?? codeOf(o.valueCodeableConcept) };
  if (typeof o.valueString === 'string') return { value: o.valueString.slice(0, 200) };
  if (typeof o.valueBoolean === 'boolean') return { value: String(o.valueBoolean) };
  if (typeof o.valueInteger === 'number') return { value: o.valueInteger };
  const range = asObject(o.valueRange);
  if (range) return { value: rangeText(range) };
  const ratio = asObject(o.valueRatio);
  if (ratio) {
    const n = asNumber(asObject(ratio.numerator)?.value);
    const d = asNumber(asObject(ratio.denominator)?.value);
    return { value: n !== undefined && d !== undefined ? `${n}/${d}` : undefined };
  }
  for (const k of ['valueDateTime', 'valueTime']) if (typeof o[k] === 'string') return { value: o[k] };
  return {};
}

function result(o: FhirJson, interpretation: unknown, referenceRange: unknown): FhirJson {
  const r: FhirJson = {};
  const coding = preferredCoding(o.code, [LOINC]);
  put(r, 'itemCode', coding?.code);
  put(r, 'itemName', conceptText(o.code) ?? coding?.display);
  const v = valueOf(o);
  put(r, 'value', v.value);
  put(r, 'unit', v.unit);
  put(r, 'referenceRange', rangeText(objects(referenceRange)[0]));
  const flag = codeOf(asArray(interpretation)[0]);
  put(r, 'abnormalFlag', flag ? INTERPRETATION[flag] : undefined);
  if (coding?.system && coding.system !== LOINC) r.itemCodeSystem = coding.system;
  return r;
}

/** The results of one Observation: its own value, then one per component. */
export function observationResults(obs: FhirJson): { result: FhirJson; expression: string }[] {
  const out: { result: FhirJson; expression: string }[] = [];
  const components = objects(obs.component);
  const hasValue = Object.keys(obs).some((k) => k.startsWith('value'));
  if (hasValue || components.length === 0) out.push({ result: result(obs, obs.interpretation, obs.referenceRange), expression: '' });
  components.forEach((c, i) => out.push({ result: result(c, c.interpretation, c.referenceRange), expression: `component[${i}]` }));
  return out;
}

function effective(resource: FhirJson): string | undefined {
  return asString(resource.effectiveDateTime) ?? asString(asObject(resource.effectivePeriod)?.start) ?? asString(resource.effectiveInstant);
}

function common(index: BundleIndex, entry: IndexedEntry, parts: IndexedEntry[]): { record: FhirJson; locations: RecordLocation[]; issues: EntryIssue[] } | { failed: EntryIssue[] } {
  const patient = linkPatient(index, entry, 'subject');
  const encounter = linkEncounter(index, entry);
  const failed = [...(patient.ok ? [] : [patient.issue]), ...(encounter.issue ? [encounter.issue] : [])];
  if (!patient.ok || failed.length > 0) return { failed };
  const res = entry.resource;
  const record: FhirJson = { ...recordBase(entry, parts), patient: patient.block };
  put(record, 'encounterSourceId', encounter.sourceId);
  const collectedAt = effective(res);
  put(record, 'collectedAt', collectedAt);
  put(record, 'reportedAt', asString(res.issued) ?? collectedAt);
  const locations: RecordLocation[] = [
    { path: '', entry: entry.index, expression: '' },
    ...patient.locations,
    { path: 'sourceId', entry: entry.index, expression: 'id' },
    { path: 'encounterSourceId', entry: entry.index, expression: 'encounter' },
    { path: 'collectedAt', entry: entry.index, expression: 'effective' },
    { path: 'reportedAt', entry: entry.index, expression: asString(res.issued) ? 'issued' : 'effective' },
    { path: 'results', entry: entry.index, expression: res.resourceType === 'DiagnosticReport' ? 'result' : 'value' },
  ];
  return { record, locations, issues: [] };
}

/** An Observation on its own → one lab report. */
export function mapObservation(index: BundleIndex, entry: IndexedEntry): ResourceMapping {
  const skipped = skippedStatus(entry, VOID_STATUSES);
  if (skipped) return { ok: false, status: 422, issues: [skipped] };
  const base = common(index, entry, []);
  if ('failed' in base) return { ok: false, status: 422, issues: base.failed };
  const results = observationResults(entry.resource);
  base.record.results = results.map((r) => r.result);
  results.forEach((r, i) => base.locations.push({ path: `results[${i}]`, entry: entry.index, expression: r.expression || 'value' }));
  const category = conceptText(objects(entry.resource.category)[0]);
  put(base.record, 'category', category);
  return { ok: true, record: { dataset: 'lab-reports', record: base.record, entry: entry.index, parts: [], locations: base.locations }, notes: [] };
}

/** A DiagnosticReport with its result Observations (entries `observations` of the bundle, or contained). */
export function mapDiagnosticReport(index: BundleIndex, entry: IndexedEntry): ResourceMapping {
  const skipped = skippedStatus(entry, VOID_STATUSES);
  if (skipped) return { ok: false, status: 422, issues: [skipped] };
  const report = entry.resource;
  const failures: EntryIssue[] = [];
  const observations: { obs: FhirJson; entry?: IndexedEntry; element: string }[] = [];
  objects(report.result).forEach((ref, i) => {
    const element = `result[${i}]`;
    const contained = containedResource(report, ref);
    if (contained?.resourceType === 'Observation') {
      observations.push({ obs: contained, element });
      return;
    }
    const r = index.resolve(ref, ['Observation']);
    if (r.ok) observations.push({ obs: r.entry.resource, entry: r.entry, element });
    else failures.push(unresolved(entry.index, element, r.reason, r.reasonZh));
  });
  const parts = observations.flatMap((o) => (o.entry ? [o.entry] : []));
  const base = common(index, entry, parts);
  if ('failed' in base) failures.unshift(...base.failed);
  if ('failed' in base || failures.length > 0) return { ok: false, status: 422, issues: failures };

  const results: FhirJson[] = [];
  for (const o of observations) {
    for (const r of observationResults(o.obs)) {
      base.locations.push(
        o.entry
          ? { path: `results[${results.length}]`, entry: o.entry.index, expression: r.expression || 'value' }
          : { path: `results[${results.length}]`, entry: entry.index, expression: `${o.element}` },
      );
      results.push(r.result);
    }
  }
  if (results.length > 0) base.record.results = results;
  put(base.record, 'reportNo', asString(objects(report.identifier)[0]?.value));
  put(base.record, 'specimen', asString(objects(report.specimen)[0]?.display));
  put(base.record, 'conclusion', asString(report.conclusion));
  put(base.record, 'reportCode', preferredCoding(report.code, [LOINC])?.code);
  put(base.record, 'reportName', conceptText(report.code));
  const notes: EntryNote[] = parts.map((p) => ({
    entry: p.index,
    issue: issue('information', 'informational', 'FHIR.MAPPED_AS_PART', `Mapped as a result of the report in entry ${entry.index}`, `作为第${entry.index}项检验报告的结果入库`, [
      entryExpression(entry.index),
    ]),
  }));
  return { ok: true, record: { dataset: 'lab-reports', record: base.record, entry: entry.index, parts: parts.map((p) => p.index), locations: base.locations }, notes };
}
