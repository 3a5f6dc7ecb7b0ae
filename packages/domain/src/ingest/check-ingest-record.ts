/**
 * The whole per-record check of the ingest pipeline, pure and deterministic
 * so the API (to answer the 202) and the worker (to store findings and
 * cleansed values) reach the same verdict:
 *   1. cleansing (full-width → half-width, synonyms → codes, 15 → 18-digit
 *      IDs, timestamps → ISO +08:00), every change recorded;
 *   2. shape (the zod schema of the data set, @rhip/contracts);
 *   3. the domain rules (completeness, value sets, checksums, cross-field
 *      agreement, time logic, disease classification, timeliness).
 * Issues carry the rule code, severity, dimension, path and both languages.
 */
import { INGEST_DATASET_META, sourceIdOf, validateIngestRecord, type Dataset } from '@rhip/contracts';
import { chinaDateOf } from '../common/dates';
import type { CleansingChange } from '../cleansing/change';
import { cleanseRecord } from '../cleansing/record';
import { datasetSpec } from '../datasets/datasets';
import { valuesAtPath } from '../datasets/paths';
import { checkRecord } from '../quality/check-record';
import type { QualityDimension, Severity } from '../quality/dimensions';
import { extraFields } from './extra-fields';

export interface IngestIssue {
  readonly path: string;
  readonly code: string;
  readonly severity: Severity;
  readonly dimension: QualityDimension;
  readonly message: string;
  readonly messageZh: string;
}

/** The patient identity a record carries, after cleansing. */
export interface IngestPatient {
  readonly idType: string;
  readonly idNumber: string | null;
  readonly name: string;
  readonly sex: string;
  readonly birthDate: string | null;
  readonly phone: string | null;
  readonly regionCode: string | null;
  readonly patientId: string | null;
}

export interface CheckedRecord {
  /** The record exactly as sent. */
  readonly raw: unknown;
  readonly sourceId: string | null;
  /** `version`, else `updatedAt` as epoch seconds, else 0: a later re-send must carry a higher one to update. */
  readonly version: number;
  readonly sourceUpdatedAt: string | null;
  /** Cleansed record when its shape is valid, else null. disease-reports get `diseaseCode` from the notifiable-disease list. */
  readonly record: Record<string, unknown> | null;
  /** Fields the platform does not map to columns, kept in the row's `extra`. */
  readonly extra: Record<string, unknown> | null;
  readonly patient: IngestPatient | null;
  /** The clinical event time (ISO) and its delay to arrival, for timeliness. */
  readonly eventTime: string | null;
  readonly delaySeconds: number | null;
  readonly issues: IngestIssue[];
  readonly changes: CleansingChange[];
  /** An error-severity issue: the record is rejected. */
  readonly rejected: boolean;
  /** 完整性: every required element present. */
  readonly complete: boolean;
  /** 一致性: elements checked and how many failed. */
  readonly elementsChecked: number;
  readonly elementsFailed: number;
  /** 及时性: within the agreed delay; null when there is no event time. */
  readonly onTime: boolean | null;
}

export interface CheckIngestOptions {
  readonly receivedAt: Date;
  readonly timelinessHours?: number;
}

const SHAPE_DIMENSION: Record<string, QualityDimension> = { SHAPE_REQUIRED: 'completeness' };

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function versionOf(record: Record<string, unknown>): { version: number; sourceUpdatedAt: string | null } {
  const updatedAt = str(record.updatedAt);
  if (typeof record.version === 'number' && Number.isInteger(record.version)) return { version: record.version, sourceUpdatedAt: updatedAt };
  if (updatedAt) {
    const t = Date.parse(updatedAt);
    // Seconds fit the int column until 2038; a newer timestamp is a newer version.
    if (Number.isFinite(t)) return { version: Math.floor(t / 1000), sourceUpdatedAt: new Date(t).toISOString() };
  }
  return { version: 0, sourceUpdatedAt: null };
}

function patientOf(dataset: Dataset, record: Record<string, unknown>): IngestPatient | null {
  const where = INGEST_DATASET_META[dataset].personPath;
  if (where === null) return null;
  const p = (where === '' ? record : record[where]) as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object') return null;
  return {
    idType: str(p.idType) ?? '01',
    idNumber: str(p.idNumber),
    name: String(p.name ?? ''),
    sex: String(p.sex ?? ''),
    birthDate: str(p.birthDate),
    phone: str(p.phone),
    regionCode: str(p.regionCode) ?? (where === '' ? null : str(record.regionCode)),
    patientId: str(p.patientId),
  };
}

function eventTimeOf(dataset: Dataset, record: Record<string, unknown>): string | null {
  const meta = INGEST_DATASET_META[dataset];
  if (!meta.eventTimePath) return null;
  const v = str(valuesAtPath(record, meta.eventTimePath)[0]?.value);
  if (!v) return null;
  // A reported month counts from its last day (a monthly report is due after the month ends).
  if (meta.eventTimeKind === 'month' && /^\d{4}-\d{2}$/.test(v)) {
    const [y, m] = v.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 1) - 8 * 3600_000 - 1000).toISOString();
  }
  return v;
}

export function checkIngestRecord(dataset: Dataset, raw: unknown, options: CheckIngestOptions): CheckedRecord {
  const sourceId = sourceIdOf(raw);
  const spec = datasetSpec(dataset);
  const isObject = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  const cleansed = isObject ? cleanseRecord(spec, raw as Record<string, unknown>) : { value: raw, changes: [] as CleansingChange[] };
  const shape = validateIngestRecord(dataset, cleansed.value);
  const rules = isObject ? checkRecord(dataset, cleansed.value, { receivedAt: options.receivedAt, timelinessHours: options.timelinessHours }) : null;

  const issues: IngestIssue[] = (rules?.findings ?? []).map((f) => ({
    path: f.path,
    code: f.rule,
    severity: f.severity,
    dimension: f.dimension,
    message: f.message.en,
    messageZh: f.message.zh,
  }));
  if (!shape.ok) {
    // Shape problems the rules did not already name at the same element.
    const named = new Set(issues.map((i) => i.path));
    for (const e of shape.errors) {
      if (named.has(e.path)) continue;
      issues.push({
        path: e.path,
        code: e.code,
        severity: 'error',
        dimension: SHAPE_DIMENSION[e.code] ?? 'consistency',
        message: e.message,
        messageZh: e.messageZh ?? e.message,
      });
    }
  }
  const rejected = !shape.ok || issues.some((i) => i.severity === 'error');
  const record = shape.ok ? ({ ...(shape.record as Record<string, unknown>) } as Record<string, unknown>) : null;
  if (record && dataset === 'disease-reports' && rules && 'disease' in rules && rules.disease) record.diseaseCode = rules.disease.code;
  const eventTime = record ? eventTimeOf(dataset, record) : null;
  const eventMs = eventTime ? Date.parse(eventTime.length === 10 ? `${eventTime}T00:00:00+08:00` : eventTime) : Number.NaN;
  const { version, sourceUpdatedAt } = record ? versionOf(record) : { version: 0, sourceUpdatedAt: null };

  return {
    raw,
    sourceId,
    version,
    sourceUpdatedAt,
    record,
    extra: record ? extraFields(dataset, record) : null,
    patient: record ? patientOf(dataset, record) : null,
    eventTime: Number.isFinite(eventMs) ? new Date(eventMs).toISOString() : null,
    delaySeconds: Number.isFinite(eventMs) ? Math.round((options.receivedAt.getTime() - eventMs) / 1000) : null,
    issues,
    changes: cleansed.changes,
    rejected,
    complete: !issues.some((i) => i.dimension === 'completeness' && i.severity === 'error'),
    elementsChecked: rules?.elementsChecked ?? 0,
    elementsFailed: rules?.elementsFailed ?? (shape.ok ? 0 : 1),
    onTime: rules?.onTime ?? null,
  };
}

/** The China-local day an ISO instant falls on (rollups and reports count by it). */
export function eventDay(iso: string): string | null {
  return chinaDateOf(iso) ?? null;
}
