/**
 * Cleanses a whole record against its data set's field specs: each element is
 * normalised by its kind, and every change is returned with its concrete path.
 * Elements not in the spec are left alone. Runs before the validation rules.
 */
import type { DatasetSpec, FieldSpec } from '../datasets/dataset';
import { setAtPath, valuesAtPath } from '../datasets/paths';
import { normalizeIcd10 } from '../diseases/icd10';
import { RESIDENT_ID_DOCUMENT_TYPE } from '../value-sets/id-document-type';
import { valueSetById } from '../value-sets/registry';
import { pipe, type Cleansed, type CleansingChange } from './change';
import { normalizeDate, normalizeDateTime, normalizeMonth } from './datetime';
import { normalizeIdNumber } from './id-number';
import { normalizePhone } from './phone';
import { normalizeSex } from './sex';
import { cleanPersonName, cleanText, collapseWhitespace, halfWidth } from './text';

/** Codes of a table whose codes are all two digits get a dropped leading zero back (1 → 01). */
function cleanCode(value: unknown, field: FieldSpec, path: string): Cleansed<unknown> {
  if (typeof value !== 'string' && typeof value !== 'number') return { value, changes: [] };
  const vs = field.valueSet ? valueSetById(field.valueSet) : undefined;
  const twoDigit = vs !== undefined && vs.entries.every((e) => /^\d{2}$/.test(e.code));
  const pad = (v: string): string => (twoDigit && /^\d$/.test(v) ? `0${v}` : v);
  if (typeof value === 'number') return pipe<unknown>(value, path, [['code_format', (v) => pad(String(v))]]);
  return pipe<unknown>(value, path, [
    ['half_width', (v) => halfWidth(String(v))],
    ['whitespace', (v) => collapseWhitespace(String(v))],
    ['code_format', (v) => pad(String(v))],
  ]);
}

/** The document type that applies to an idNumber path (root or under patient). */
function idTypeFor(record: unknown, idNumberPath: string): unknown {
  const typePath = idNumberPath.replace(/idNumber$/, 'idType');
  return valuesAtPath(record, typePath)[0]?.value;
}

function cleanValue(record: unknown, field: FieldSpec, path: string, value: unknown): Cleansed<unknown> {
  if (field.kind === 'sex') return normalizeSex(value, path);
  if (field.kind === 'code') return cleanCode(value, field, path);
  if (typeof value !== 'string') return { value, changes: [] };
  switch (field.kind) {
    case 'name':
      return cleanPersonName(value, path);
    case 'idNumber': {
      const type = idTypeFor(record, path);
      const isResidentId = type === undefined || type === null || type === '' || type === RESIDENT_ID_DOCUMENT_TYPE || type === 1;
      return isResidentId ? normalizeIdNumber(value, path) : cleanText(value, path);
    }
    case 'phone':
      return normalizePhone(value, path);
    case 'date':
      return normalizeDate(value, path);
    case 'datetime':
      return normalizeDateTime(value, path);
    case 'month':
      return normalizeMonth(value, path);
    case 'icd10':
      return pipe(value, path, [['half_width', halfWidth], ['icd10_format', normalizeIcd10]]);
    case 'integer':
    case 'number':
    case 'boolean':
      return { value, changes: [] };
    default:
      return cleanText(value, path);
  }
}

/** Document types first: the ID number's cleansing depends on them. */
const ORDERED = new WeakMap<DatasetSpec, readonly FieldSpec[]>();

function orderedFields(spec: DatasetSpec): readonly FieldSpec[] {
  let fields = ORDERED.get(spec);
  if (!fields) {
    fields = [...spec.fields].sort((a, b) => Number(b.path.endsWith('idType')) - Number(a.path.endsWith('idType')));
    ORDERED.set(spec, fields);
  }
  return fields;
}

export function cleanseRecord<T>(spec: DatasetSpec, record: T): Cleansed<T> {
  let current = record;
  const changes: CleansingChange[] = [];
  for (const field of orderedFields(spec)) {
    for (const { path, value } of valuesAtPath(current, field.path)) {
      if (value === undefined || value === null) continue;
      const r = cleanValue(current, field, path, value);
      if (r.changes.length > 0) {
        current = setAtPath(current, path, r.value);
        changes.push(...r.changes);
      }
    }
  }
  return { value: current, changes };
}
