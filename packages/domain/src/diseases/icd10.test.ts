import { describe, expect, it } from 'vitest';
import { expandIcd10Range, icd10HasPrefix, isIcd10Format, normalizeIcd10 } from './icd10';

describe('ICD-10 codes', () => {
  it('normalises case, spaces and the missing dot', () => {
    expect(normalizeIcd10(' b18.101 ')).toBe('B18.101');
    expect(normalizeIcd10('B18101')).toBe('B18.101');
    expect(normalizeIcd10('j09.x00x003')).toBe('J09.X00X003');
    expect(normalizeIcd10('A01')).toBe('A01');
  });

  it('checks the shape of WHO and national clinical codes', () => {
    expect(isIcd10Format('B18.101')).toBe(true);
    expect(isIcd10Format('U07.1')).toBe(true);
    expect(isIcd10Format('J09.x00x003')).toBe(true);
    expect(isIcd10Format('38341003')).toBe(false); // a SNOMED CT code
    expect(isIcd10Format('B1')).toBe(false);
    expect(isIcd10Format('')).toBe(false);
  });

  it('matches national extensions by prefix', () => {
    expect(icd10HasPrefix('B18.101', 'B18.1')).toBe(true);
    expect(icd10HasPrefix('B18.101', 'B18')).toBe(true);
    expect(icd10HasPrefix('B18.201', 'B18.1')).toBe(false);
    expect(icd10HasPrefix('A010', 'A01')).toBe(true);
    expect(icd10HasPrefix('A10', 'A01')).toBe(false);
  });

  it('expands category ranges', () => {
    expect(expandIcd10Range('B20', 'B24')).toEqual(['B20', 'B21', 'B22', 'B23', 'B24']);
    expect(() => expandIcd10Range('A50', 'B53')).toThrow(RangeError);
  });
});
