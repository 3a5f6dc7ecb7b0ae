import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS, type Dataset } from '../institutions/institutions';
import { INGEST_DATASET_META, genericPath, isRequiredPath } from './dataset-meta';
import { INGEST_EXAMPLES } from './examples';
import { LOOSE_DATE_TIME, LOOSE_MONTH } from './fields';
import { IngestRecordSchemas } from './records';
import { validateIngestRecord } from './validate';

type Json = Record<string, unknown>;

/** Required elements as the generated JSON Schema states them, in requiredPaths notation. */
function requiredPathsOf(node: Json, prefix = ''): string[] {
  const out: string[] = [];
  for (const variant of (node.anyOf as Json[] | undefined) ?? []) out.push(...requiredPathsOf(variant, prefix));
  const properties = node.properties as Record<string, Json> | undefined;
  const required = new Set((node.required as string[] | undefined) ?? []);
  for (const [key, child] of Object.entries(properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (required.has(key)) out.push(path);
    out.push(...requiredPathsOf(child, path));
  }
  if (node.items) out.push(...requiredPathsOf(node.items as Json, `${prefix}[]`));
  return out;
}

/** Path segments of a requiredPaths entry, taking the first element of lists: 'results[].itemCode' → ['results', 0, 'itemCode']. */
function segments(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => (part.endsWith('[]') ? [part.slice(0, -2), 0] : [part]));
}

function concrete(path: string): string {
  return path.replace(/\[\]/g, '[0]');
}

function withElement(example: object, path: string, value: unknown): unknown {
  const record = structuredClone(example) as Json;
  const keys = segments(path);
  let node: Json = record;
  for (const key of keys.slice(0, -1)) node = node[key] as Json;
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return record;
}

function valueAt(example: object, path: string): unknown {
  return segments(path).reduce<unknown>((node, key) => (node as Json | undefined)?.[key], example);
}

const cases = DATASETS.flatMap((dataset) => INGEST_DATASET_META[dataset].requiredPaths.map((path) => [dataset, path] as const));

describe('ingest data set metadata', () => {
  it.each(DATASETS)('lists exactly the elements the %s schema requires', (dataset) => {
    const json = z.toJSONSchema(IngestRecordSchemas[dataset], { target: 'openapi-3.0', io: 'input' }) as Json;
    expect([...INGEST_DATASET_META[dataset].requiredPaths].sort()).toEqual(requiredPathsOf(json).sort());
  });

  it('has an example that carries every required element, so each can be removed in turn', () => {
    for (const [dataset, path] of cases) expect(valueAt(INGEST_EXAMPLES[dataset], path), `${dataset} ${path}`).toBeDefined();
  });

  it.each(cases)('%s: a missing %s is a SHAPE_REQUIRED error at that exact path', (dataset: Dataset, path: string) => {
    const result = validateIngestRecord(dataset, withElement(INGEST_EXAMPLES[dataset], path, undefined), 7);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ index: 7, path: concrete(path), code: 'SHAPE_REQUIRED', severity: 'error' }),
    ]);
    expect(result.errors[0]?.sourceId).toBe(path === 'sourceId' ? null : (INGEST_EXAMPLES[dataset] as { sourceId: string }).sourceId);
    expect(isRequiredPath(dataset, concrete(path))).toBe(true);
  });

  it.each(cases)('%s: a null or blank %s is reported as missing too', (dataset: Dataset, path: string) => {
    const blank = typeof valueAt(INGEST_EXAMPLES[dataset], path) === 'string' ? ' ' : null;
    for (const value of [null, blank]) {
      const result = validateIngestRecord(dataset, withElement(INGEST_EXAMPLES[dataset], path, value));
      expect(result).toMatchObject({ ok: false, errors: [{ path: concrete(path), code: 'SHAPE_REQUIRED' }] });
    }
  });

  it('names the groups of which one element is enough', () => {
    expect(INGEST_DATASET_META['disease-reports'].requiredAnyOf).toEqual([['disease', 'icd10']]);
    expect(isRequiredPath('disease-reports', 'icd10')).toBe(true);
    expect(isRequiredPath('encounters', 'endAt')).toBe(false);
  });

  it('pins the clinical event time of each data set', () => {
    const eventTimes = Object.fromEntries(DATASETS.map((d) => [d, INGEST_DATASET_META[d].eventTimePath]));
    expect(eventTimes).toEqual({
      persons: null,
      'health-records': 'establishedAt',
      followups: 'followupAt',
      immunizations: 'administeredAt',
      contracts: 'signedAt',
      encounters: 'startAt',
      'lab-reports': 'reportedAt',
      'exam-reports': 'reportedAt',
      prescriptions: 'prescribedAt',
      'disease-reports': 'reportedAt',
      'facility-resources': 'period',
    });
  });

  it.each(DATASETS)('%s: the event time is a required element in the format of its kind', (dataset) => {
    const meta = INGEST_DATASET_META[dataset];
    if (meta.eventTimePath === null) {
      expect(meta.eventTimeKind).toBeNull();
      return;
    }
    expect(meta.requiredPaths).toContain(meta.eventTimePath);
    const value = valueAt(INGEST_EXAMPLES[dataset], meta.eventTimePath);
    expect(value).toMatch(meta.eventTimeKind === 'month' ? LOOSE_MONTH : LOOSE_DATE_TIME);
  });

  it.each(DATASETS)('%s: person and parent paths name elements of the schema', (dataset) => {
    const meta = INGEST_DATASET_META[dataset];
    const shape = (IngestRecordSchemas[dataset] as unknown as z.ZodObject).shape;
    if (meta.personPath === 'patient') expect(shape.patient).toBeDefined();
    if (meta.personPath === '') expect(shape.idNumber).toBeDefined();
    if (meta.parent) {
      expect(shape[meta.parent.sourceIdPath]).toBeDefined();
      expect(DATASETS).toContain(meta.parent.dataset);
    }
  });

  it('writes list elements generically', () => {
    expect(genericPath('diagnoses[3].code')).toBe('diagnoses[].code');
    expect(genericPath('patient.idNumber')).toBe('patient.idNumber');
  });
});
