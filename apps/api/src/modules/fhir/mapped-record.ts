/** What the per-resource mappers produce: ingest records that remember which FHIR elements they came from. */
import type { Dataset } from '@rhip/contracts';
import type { IndexedEntry } from './bundle-index';
import { asString, integerVersion, lastUpdated, put } from './fhir-elements';
import type { EntryIssue, FhirJson, IssueType } from './fhir-types';

/** Record elements under `path` came from `expression` (relative to the resource) of bundle entry `entry`. */
export interface RecordLocation {
  /** Record path prefix: '' (the whole record), 'patient', 'diagnoses[1]', 'startAt'… */
  path: string;
  entry: number;
  /** FHIRPath below the resource: '' for the resource itself, 'period.start', 'identifier[2]'… */
  expression: string;
}

export interface MappedRecord {
  dataset: Dataset;
  record: FhirJson;
  /** The entry whose resource the record is. */
  entry: number;
  /** Entries folded into this record: Conditions as diagnoses, Observations as results. */
  parts: number[];
  locations: RecordLocation[];
}

/** `Bundle.entry[i].resource(.expr)`. */
export function entryExpression(entry: number, expression = ''): string {
  return `Bundle.entry[${entry}].resource${expression ? `.${expression}` : ''}`;
}

export function issue(
  severity: EntryIssue['severity'],
  type: IssueType,
  rule: string,
  message: string,
  messageZh: string | undefined,
  expression: string[],
): EntryIssue {
  return { severity, type, rule, message, ...(messageZh ? { messageZh } : {}), expression };
}

/**
 * The FHIRPath of a record path (from an ingest error or finding): the
 * longest declared prefix wins, e.g. 'diagnoses[1].code' → the Condition of
 * the second diagnosis, its `code`.
 */
export function locate(rec: MappedRecord, recordPath: string): string {
  let best: RecordLocation | undefined;
  for (const loc of rec.locations) {
    const matches =
      loc.path === '' ||
      recordPath === loc.path ||
      recordPath.startsWith(`${loc.path}.`) ||
      recordPath.startsWith(`${loc.path}[`);
    if (matches && (!best || loc.path.length > best.path.length)) best = loc;
  }
  return best ? entryExpression(best.entry, best.expression) : entryExpression(rec.entry);
}

/** sourceId: the resource id, else the entry's fullUrl. */
export function sourceIdOf(entry: IndexedEntry): string | undefined {
  return asString(entry.resource.id) ?? entry.fullUrl;
}

/**
 * sourceId, version and updatedAt of a record. A record folded from several
 * resources (an Encounter and its Conditions) changes when any of them does,
 * so it is versioned by the latest meta.lastUpdated among them rather than by
 * the main resource's versionId.
 */
export function recordBase(entry: IndexedEntry, parts: readonly IndexedEntry[] = []): FhirJson {
  const base: FhirJson = {};
  put(base, 'sourceId', sourceIdOf(entry));
  const stamps = [entry, ...parts].map((e) => lastUpdated(e.resource)).filter((s): s is string => !!s && Number.isFinite(Date.parse(s)));
  const latest = stamps.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  if (parts.length === 0 || !latest) put(base, 'version', integerVersion(entry.resource));
  put(base, 'updatedAt', latest);
  return base;
}
