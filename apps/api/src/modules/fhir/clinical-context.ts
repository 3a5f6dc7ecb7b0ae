/** What every clinical resource needs from its bundle: the patient it is about and the encounter it belongs to. */
import type { BundleIndex, IndexedEntry } from './bundle-index';
import { parseTypeId } from './bundle-index';
import { asObject, asString } from './fhir-elements';
import type { EntryIssue } from './fhir-types';
import { entryExpression, issue, sourceIdOf, type MappedRecord, type RecordLocation } from './mapped-record';
import { patientIdentity } from './patient-mapper';
import type { FhirJson } from './fhir-types';

/** A mapper's answer for one resource. */
export type ResourceMapping =
  | { ok: true; record: MappedRecord; notes: EntryNote[] }
  | { ok: false; status: 400 | 422; issues: EntryIssue[] };

/** A warning or note about one entry (the record's own, or one of its parts). */
export interface EntryNote {
  entry: number;
  issue: EntryIssue;
}

export function unresolved(entry: number, element: string, reason: string, reasonZh: string): EntryIssue {
  return issue('error', 'not-found', 'FHIR.UNRESOLVED_REFERENCE', `${element}: ${reason}`, `${element}：${reasonZh}`, [entryExpression(entry, element)]);
}

/** A resource of a supported type the platform deliberately does not store (cancelled, refuted, not done…). */
export function notMapped(entry: number, message: string, messageZh: string, element = ''): EntryIssue {
  return issue('error', 'business-rule', 'FHIR.NOT_MAPPED', message, messageZh, [entryExpression(entry, element)]);
}

/** Statuses meaning "this did not happen / is void": such resources are answered, not stored. */
export function skippedStatus(entry: IndexedEntry, statuses: readonly string[]): EntryIssue | undefined {
  const status = asString(entry.resource.status);
  if (!status || !statuses.includes(status)) return undefined;
  return notMapped(
    entry.index,
    `${entry.resource.resourceType} with status "${status}" is not stored`,
    `状态为“${status}”的${entry.resource.resourceType}不入库`,
    'status',
  );
}

/**
 * The `patient` block of a clinical record from the Patient its `element`
 * (subject / patient) references inside the bundle, with the locations of
 * its elements in that Patient.
 */
export function linkPatient(
  index: BundleIndex,
  entry: IndexedEntry,
  element: string,
): { ok: true; block: FhirJson; locations: RecordLocation[] } | { ok: false; issue: EntryIssue } {
  const r = index.resolve(entry.resource[element], ['Patient']);
  if (!r.ok) return { ok: false, issue: unresolved(entry.index, element, r.reason, r.reasonZh) };
  const identity = patientIdentity(r.entry.resource);
  const locations: RecordLocation[] = [
    { path: 'patient', entry: r.entry.index, expression: '' },
    ...identity.elements.map((e) => ({ path: `patient.${e.path}`, entry: r.entry.index, expression: e.expression })),
  ];
  return { ok: true, block: identity.block, locations };
}

/**
 * The sourceId of the encounter a child record (lab report, prescription)
 * belongs to. An Encounter in the bundle gives its own sourceId; `Encounter/id`
 * outside the bundle is taken as an encounter sent before (the record is
 * parked until it is there); anything else cannot be named.
 */
export function linkEncounter(index: BundleIndex, entry: IndexedEntry, element = 'encounter'): { sourceId?: string; issue?: EntryIssue } {
  const ref = asObject(entry.resource[element]);
  if (!ref) return {};
  const found = index.resolve(ref, ['Encounter']);
  if (found.ok) return { sourceId: sourceIdOf(found.entry) };
  const target = asString(ref.reference);
  const inBundle = index.lookup(ref);
  if (target && !inBundle && !target.startsWith('urn:') && !target.includes('?')) {
    const ti = parseTypeId(target);
    if (ti?.type === 'Encounter') return { sourceId: ti.id };
  }
  return { issue: unresolved(entry.index, element, found.reason, found.reasonZh) };
}
