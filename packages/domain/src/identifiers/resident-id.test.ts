import { describe, expect, it } from 'vitest';
import {
  birthDateFromResidentId,
  isValidResidentId,
  regionFromResidentId,
  residentIdCheckChar,
  sexFromResidentId,
  upgradeResidentId15,
  validateResidentId,
} from './resident-id';
import { generateResidentId } from './resident-id-generate';

const today = '2025-06-30';

describe('GB 11643 resident ID numbers', () => {
  it('accepts the standard examples and reads their parts', () => {
    const a = validateResidentId('11010519491231002X', { today });
    expect(a).toMatchObject({ valid: true, regionCode: '110105', birthDate: '1949-12-31', sex: '2', checkChar: 'X' });
    const b = validateResidentId('440524188001010014', { today });
    expect(b).toMatchObject({ valid: true, regionCode: '440524', birthDate: '1880-01-01', sex: '1' });
  });

  it('accepts a lower-case x and returns it upper-case', () => {
    const r = validateResidentId('11010519491231002x', { today });
    expect(r.valid && r.idNumber).toBe('11010519491231002X');
  });

  it('computes the check character', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(() => residentIdCheckChar('1234')).toThrow(RangeError);
  });

  it('rejects an ID number whose check character is wrong', () => {
    expect(validateResidentId('110105194912310021', { today }).issues).toEqual(['checksum']);
  });

  it('rejects malformed numbers with a format reason and stops there', () => {
    expect(validateResidentId('11010519491231002', { today }).issues).toEqual(['format']);
    expect(validateResidentId('1101051949123100XX', { today }).issues).toEqual(['format']);
    expect(validateResidentId('', { today }).issues).toEqual(['format']);
  });

  it('rejects an unknown province prefix', () => {
    const first17 = '99010519491231002';
    const r = validateResidentId(first17 + residentIdCheckChar(first17), { today });
    expect(r.issues).toEqual(['region']);
  });

  it('rejects a birth date that is not a real day', () => {
    const first17 = '11010519490230002';
    expect(validateResidentId(first17 + residentIdCheckChar(first17), { today }).issues).toEqual(['birth_date']);
  });

  it('rejects a birth date after today', () => {
    const id = generateResidentId({ regionCode: '511002', birthDate: '2025-07-01', sequence: 1 });
    expect(validateResidentId(id, { today }).issues).toEqual(['birth_future']);
    expect(validateResidentId(id, { today: '2025-07-01' }).valid).toBe(true);
  });

  it('reports several problems at once', () => {
    expect(validateResidentId('990105194902300021', { today }).issues).toEqual(['region', 'birth_date', 'checksum']);
  });

  it('upgrades a 15-digit number to 18 digits', () => {
    // 110105491231002 → 110105 19 491231 002 + X
    expect(upgradeResidentId15('110105491231002')).toBe('11010519491231002X');
    expect(upgradeResidentId15('110105490231002')).toBeNull();
    expect(upgradeResidentId15('11010549123100')).toBeNull();
  });

  it('extracts birth date, sex and region from 18- and 15-digit numbers', () => {
    expect(birthDateFromResidentId('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateFromResidentId('110105491231002')).toBe('1949-12-31');
    expect(sexFromResidentId('440524188001010014')).toBe('1');
    expect(sexFromResidentId('110105491231002')).toBe('2');
    expect(regionFromResidentId('440524188001010014')).toBe('440524');
    expect(birthDateFromResidentId('abc')).toBeNull();
  });
});

describe('generateResidentId', () => {
  it('generates valid numbers for a region, birth date and sequence', () => {
    const id = generateResidentId({ regionCode: '511025', birthDate: '1985-03-12', sequence: 123 });
    expect(id.slice(0, 17)).toBe('51102519850312123');
    expect(isValidResidentId(id, { today })).toBe(true);
  });

  it('encodes the requested sex in the 17th digit', () => {
    for (let n = 0; n < 20; n++) {
      const m = generateResidentId({ regionCode: '511002', birthDate: '2000-02-29', sequence: n, sex: '1' });
      const f = generateResidentId({ regionCode: '511002', birthDate: '2000-02-29', sequence: n, sex: '2' });
      expect(sexFromResidentId(m)).toBe('1');
      expect(sexFromResidentId(f)).toBe('2');
      expect(m).not.toBe(f);
      expect(isValidResidentId(m, { today }) && isValidResidentId(f, { today })).toBe(true);
    }
  });

  it('refuses impossible input', () => {
    expect(() => generateResidentId({ regionCode: '5110', birthDate: '2000-01-01', sequence: 1 })).toThrow(RangeError);
    expect(() => generateResidentId({ regionCode: '511002', birthDate: '2001-02-29', sequence: 1 })).toThrow(RangeError);
    expect(() => generateResidentId({ regionCode: '511002', birthDate: '2000-01-01', sequence: 500, sex: '2' })).toThrow(RangeError);
  });
});
