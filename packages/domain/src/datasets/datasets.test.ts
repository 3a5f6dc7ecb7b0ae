import { describe, expect, it } from 'vitest';
import { missingElements } from './completeness';
import { DATASET_NAMES, isDatasetName } from './dataset';
import { DATASETS, datasetSpec } from './datasets';
import { setAtPath, valuesAtPath } from './paths';
import { DATASETS as CONTRACT_DATASETS, INGEST_DATASET_META } from '@rhip/contracts';
import { valueSetById } from '../value-sets/registry';

describe('data set specs', () => {
  it('cover the eleven ingest data sets with their event time among the fields', () => {
    expect(DATASETS.map((d) => d.name)).toEqual([...DATASET_NAMES]);
    for (const d of DATASETS) {
      if (d.eventTime !== null) expect(d.fields.some((f) => f.path === d.eventTime)).toBe(true);
      for (const f of d.fields) if (f.valueSet) expect(valueSetById(f.valueSet)).toBeDefined();
    }
    expect(isDatasetName('encounters')).toBe(true);
    expect(isDatasetName('nope')).toBe(false);
  });

  it('list what a record lacks, with concrete paths into arrays', () => {
    const record = {
      sourceId: 'E1',
      patient: { idNumber: '11010519491231002X', name: '张三', sex: '1', birthDate: '' },
      type: 'outpatient',
      startAt: '2024-05-01T08:00:00+08:00',
      diagnoses: [{ code: 'I10', name: '高血压' }, { name: '糖尿病' }],
    };
    expect(missingElements(datasetSpec('encounters'), record)).toEqual([
      { path: 'patient.birthDate', requirement: 'required', labelZh: '出生日期' },
      { path: 'department', requirement: 'recommended', labelZh: '科室名称' },
      { path: 'diagnoses[1].code', requirement: 'required', labelZh: '疾病诊断编码' },
    ]);
  });

  it('treats a missing patient block as every identity element missing', () => {
    const missing = missingElements(datasetSpec('lab-reports'), { reportedAt: '2024-05-01', results: [] });
    expect(missing.map((m) => m.path)).toEqual(['patient.idNumber', 'patient.name', 'patient.sex', 'patient.birthDate', 'encounterSourceId']);
  });

  it('require exactly the elements the ingest contract requires', () => {
    for (const spec of DATASETS) {
      const meta = INGEST_DATASET_META[spec.name];
      const contract = meta.requiredPaths.filter((p) => p !== 'sourceId' && p !== 'patient' && !['results', 'items'].includes(p));
      const ours = spec.fields.filter((f) => f.requirement === 'required').map((f) => f.path);
      expect([...ours].sort(), spec.name).toEqual([...contract].sort());
      const optionalOnWire = new Set(meta.requiredAnyOf.flat());
      for (const f of spec.fields) if (optionalOnWire.has(f.path)) expect(f.requirement).toBe('optional');
      expect(spec.eventTime, spec.name).toBe(meta.eventTimePath);
      expect(spec.parentRef ?? null, spec.name).toBe(meta.parent?.sourceIdPath ?? null);
    }
    expect([...DATASET_NAMES]).toEqual([...CONTRACT_DATASETS]);
  });
});

describe('paths', () => {
  it('read and write through arrays without mutating the input', () => {
    const r = { a: [{ b: 1 }, { b: 2 }] };
    expect(valuesAtPath(r, 'a[].b')).toEqual([{ path: 'a[0].b', value: 1 }, { path: 'a[1].b', value: 2 }]);
    const w = setAtPath(r, 'a[1].b', 3);
    expect(w).toEqual({ a: [{ b: 1 }, { b: 3 }] });
    expect(r.a[1]?.b).toBe(2);
    expect(setAtPath({}, 'x.y', 1)).toEqual({ x: { y: 1 } });
  });
});
