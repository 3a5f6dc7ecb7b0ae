/**
 * Per-record shape validation and the mapping of zod issues to the API's
 * `{ index, sourceId, path, code, message }` errors. Pure: the api uses it to
 * answer the 202, the worker to re-check records (e.g. when replaying).
 */
import type { z } from 'zod';
import type { Dataset } from '../institutions/institutions';
import type { RecordError } from './api';
import { LOOSE_DATE_TIME, LOOSE_MONTH } from './fields';
import { IngestRecordSchemas, type IngestRecord } from './records';

/**
 * Stable codes of shape errors. SHAPE_REQUIRED counts against completeness
 * (完整性); the others against consistency (一致性).
 */
export const SHAPE_ERROR_CODES = {
  /** A required element is missing, null, blank or an empty list. */
  required: 'SHAPE_REQUIRED',
  /** Wrong JSON type (a number where a string is expected, a record that is not an object…). */
  type: 'SHAPE_TYPE',
  /** A string not in the expected (loose) format: dates, timestamps, months. */
  format: 'SHAPE_FORMAT',
  tooLong: 'SHAPE_TOO_LONG',
  tooShort: 'SHAPE_TOO_SHORT',
  /** A number outside its range, or not an integer where one is expected. */
  outOfRange: 'SHAPE_OUT_OF_RANGE',
  tooMany: 'SHAPE_TOO_MANY_ITEMS',
  /** A value outside a closed set the API itself defines (e.g. encounter type). */
  invalidValue: 'SHAPE_INVALID_VALUE',
  invalid: 'SHAPE_INVALID',
} as const;
export type ShapeErrorCode = (typeof SHAPE_ERROR_CODES)[keyof typeof SHAPE_ERROR_CODES];

type Issue = z.core.$ZodIssue;

/** ['diagnoses', 0, 'code'] → 'diagnoses[0].code'; [] → ''. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = record;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function isAbsent(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The record's sourceId as sent (for error reports), or null. */
export function sourceIdOf(record: unknown): string | null {
  if (record === null || typeof record !== 'object') return null;
  const id = (record as { sourceId?: unknown }).sourceId;
  if (typeof id === 'string') return id.slice(0, 128);
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}

const TYPE_NAMES_ZH: Record<string, string> = {
  string: '字符串', number: '数值', int: '整数', boolean: '布尔值', object: '对象', array: '数组',
};

const FORMAT_HINTS = new Map<string, { en: string; zh: string }>([
  [String(LOOSE_DATE_TIME), { en: 'a date or date-time such as 2025-05-06 or 2025-05-06T09:30:00+08:00', zh: '日期或日期时间，如 2025-05-06 或 2025-05-06T09:30:00+08:00' }],
  [String(LOOSE_MONTH), { en: 'a month such as 2025-05', zh: '年月，如 2025-05' }],
]);

interface Described {
  code: ShapeErrorCode;
  message: string;
  messageZh: string;
}

function describeIssue(issue: Issue, path: string, record: unknown): Described {
  const at = path === '' ? 'record' : `"${path}"`;
  const atZh = path === '' ? '记录' : `“${path}”`;

  if (path !== '' && isAbsent(valueAt(record, issue.path))) {
    return {
      code: SHAPE_ERROR_CODES.required,
      message: `Required element ${at} is missing`,
      messageZh: `缺少必填数据元${atZh}`,
    };
  }

  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int') {
        return { code: SHAPE_ERROR_CODES.outOfRange, message: `${at} must be an integer`, messageZh: `${atZh}应为整数` };
      }
      const expected = path === '' ? 'object' : issue.expected;
      return {
        code: SHAPE_ERROR_CODES.type,
        message: path === '' ? 'A record must be a JSON object' : `${at} must be a ${expected}`,
        messageZh: path === '' ? '记录应为 JSON 对象' : `${atZh}类型错误，应为${TYPE_NAMES_ZH[expected] ?? expected}`,
      };
    }
    case 'invalid_union':
      return { code: SHAPE_ERROR_CODES.type, message: `${at} has the wrong type`, messageZh: `${atZh}类型错误` };
    case 'invalid_format': {
      const hint = issue.format === 'regex' && 'pattern' in issue ? FORMAT_HINTS.get(String(issue.pattern)) : undefined;
      return {
        code: SHAPE_ERROR_CODES.format,
        message: hint ? `${at} must be ${hint.en}` : `${at} is not in the expected format`,
        messageZh: hint ? `${atZh}格式错误，应为${hint.zh}` : `${atZh}格式错误`,
      };
    }
    case 'too_big':
      if (issue.origin === 'string') {
        return { code: SHAPE_ERROR_CODES.tooLong, message: `${at} is longer than ${issue.maximum} characters`, messageZh: `${atZh}超过最大长度 ${issue.maximum}` };
      }
      if (issue.origin === 'array') {
        return { code: SHAPE_ERROR_CODES.tooMany, message: `${at} has more than ${issue.maximum} items`, messageZh: `${atZh}条目数超过 ${issue.maximum}` };
      }
      return { code: SHAPE_ERROR_CODES.outOfRange, message: `${at} must be at most ${issue.maximum}`, messageZh: `${atZh}不应大于 ${issue.maximum}` };
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') {
        return { code: SHAPE_ERROR_CODES.tooShort, message: `${at} must have at least ${issue.minimum} ${issue.origin === 'string' ? 'characters' : 'items'}`, messageZh: `${atZh}长度不应小于 ${issue.minimum}` };
      }
      return { code: SHAPE_ERROR_CODES.outOfRange, message: `${at} must be at least ${issue.minimum}`, messageZh: `${atZh}不应小于 ${issue.minimum}` };
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return {
        code: SHAPE_ERROR_CODES.invalidValue,
        message: `${at} must be one of: ${allowed.join(', ')}`,
        messageZh: `${atZh}取值应为：${allowed.join('、')}`,
      };
    }
    default:
      return { code: SHAPE_ERROR_CODES.invalid, message: `${at}: ${issue.message}`, messageZh: `${atZh}无效：${issue.message}` };
  }
}

export interface RecordErrorOptions {
  /** At most this many errors per record (a garbage record must not flood the answer). Default 20. */
  readonly maxPerRecord?: number;
}

/** Maps zod issues of one record to API errors, one per path and code, in issue order. */
export function toRecordErrors(
  index: number,
  record: unknown,
  issues: readonly Issue[],
  options: RecordErrorOptions = {},
): RecordError[] {
  const max = options.maxPerRecord ?? 20;
  const sourceId = sourceIdOf(record);
  const seen = new Set<string>();
  const errors: RecordError[] = [];
  for (const issue of issues) {
    const path = formatIssuePath(issue.path);
    const described = describeIssue(issue, path, record);
    const key = `${path}\u0000${described.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ index, sourceId, path, ...described, severity: 'error' });
    if (errors.length >= max) break;
  }
  return errors;
}

export type IngestRecordValidation<D extends Dataset = Dataset> =
  | { readonly ok: true; readonly record: IngestRecord<D> }
  | { readonly ok: false; readonly errors: RecordError[] };

/** Checks one record's shape against its data set's schema. */
export function validateIngestRecord<D extends Dataset>(
  dataset: D,
  record: unknown,
  index = 0,
  options: RecordErrorOptions = {},
): IngestRecordValidation<D> {
  const schema: z.ZodType = IngestRecordSchemas[dataset];
  const result = schema.safeParse(record);
  if (result.success) return { ok: true, record: result.data as IngestRecord<D> };
  return { ok: false, errors: toRecordErrors(index, record, result.error.issues, options) };
}

export interface IngestBatchValidation<D extends Dataset = Dataset> {
  /** Records that passed, with their index in the request. */
  readonly accepted: { readonly index: number; readonly record: IngestRecord<D> }[];
  /** Indexes of rejected records, ascending. */
  readonly rejected: number[];
  readonly errors: RecordError[];
}

/** Checks every record on its own: one bad record never rejects the others. */
export function validateIngestRecords<D extends Dataset>(
  dataset: D,
  records: readonly unknown[],
  options: RecordErrorOptions = {},
): IngestBatchValidation<D> {
  const accepted: { index: number; record: IngestRecord<D> }[] = [];
  const rejected: number[] = [];
  const errors: RecordError[] = [];
  records.forEach((raw, index) => {
    const result = validateIngestRecord(dataset, raw, index, options);
    if (result.ok) accepted.push({ index, record: result.record });
    else {
      rejected.push(index);
      errors.push(...result.errors);
    }
  });
  return { accepted, rejected, errors };
}
