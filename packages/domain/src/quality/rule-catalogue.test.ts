import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../datasets/dataset';
import { QUALITY_DIMENSIONS } from './dimensions';
import { finding, hasError } from './finding';
import { QUALITY_RULES, ruleByCode, rulesForDataset } from './rule-catalogue';

describe('rule catalogue', () => {
  it('has unique, well-formed codes with both languages', () => {
    const codes = QUALITY_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of QUALITY_RULES) {
      expect(r.code).toMatch(/^[A-Z0-9]+\.[A-Z0-9_]+$/);
      expect(QUALITY_DIMENSIONS).toContain(r.dimension);
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.title.zh && r.title.en && r.description.zh && r.description.en).toBeTruthy();
      for (const d of r.datasets) expect(DATASET_NAMES).toContain(d);
      expect(r.scope === 'institution' ? r.datasets.length === 0 : r.datasets.length > 0).toBe(true);
    }
  });

  it('covers every dimension', () => {
    for (const d of QUALITY_DIMENSIONS) expect(QUALITY_RULES.some((r) => r.dimension === d)).toBe(true);
  });

  it('makes a USCC checksum failure a warning and an ID checksum failure an error', () => {
    expect(ruleByCode('ORG.USCC_CHECKSUM')?.severity).toBe('warning');
    expect(ruleByCode('ID.CHECKSUM')?.severity).toBe('error');
    expect(ruleByCode('TIMELINESS.LATE')).toMatchObject({ dimension: 'timeliness', severity: 'warning' });
  });

  it('selects the rules of a data set', () => {
    const codes = rulesForDataset('disease-reports').map((r) => r.code);
    expect(codes).toContain('DISEASE.UNKNOWN');
    expect(codes).toContain('ID.CHECKSUM');
    expect(codes).not.toContain('LINK.NO_PARENT');
    expect(rulesForDataset('facility-resources').map((r) => r.code)).not.toContain('ID.CHECKSUM');
  });

  it('builds findings with the catalogue severity and a message naming the element', () => {
    const f = finding('ID.CHECKSUM', 'patient.idNumber');
    expect(f).toEqual({
      rule: 'ID.CHECKSUM',
      severity: 'error',
      dimension: 'consistency',
      path: 'patient.idNumber',
      message: { zh: 'patient.idNumber：身份证号校验码错误', en: 'patient.idNumber: Resident ID check character wrong' },
    });
    expect(hasError([f])).toBe(true);
    expect(hasError([finding('FMT.PHONE', 'phone')])).toBe(false);
  });
});
