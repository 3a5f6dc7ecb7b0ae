import { describe, expect, it } from 'vitest';
import { checkLicenceNumber, isValidLicenceNumber } from './licence-number';

describe('practising-licence registration numbers', () => {
  it('accepts a 22-character number and reads its region and category', () => {
    expect(checkLicenceNumber('45089147X51100211A1001')).toEqual({
      valid: true, issues: [], regionCode: '511002', categoryCode: 'A100',
    });
    expect(isValidLicenceNumber('PDY60003151108352B1001')).toBe(true);
  });

  it('rejects wrong lengths and shapes', () => {
    expect(checkLicenceNumber('45089147X51100211A100').issues).toEqual(['format']);
    expect(checkLicenceNumber('45089147X51100211A10011').issues).toEqual(['format']);
    expect(checkLicenceNumber('45089147X5110021AA1001').issues).toEqual(['format']);
  });

  it('rejects an unknown province prefix in the region part', () => {
    expect(checkLicenceNumber('45089147X99100211A1001').issues).toEqual(['region']);
  });
});
