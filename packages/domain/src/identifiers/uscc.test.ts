import { describe, expect, it } from 'vitest';
import { generateUscc, isValidUscc, organisationCodeCheckChar, usccCheckChar, validateUscc } from './uscc';

describe('GB 32100 unified social credit codes', () => {
  it('accepts the standard examples', () => {
    expect(validateUscc('91350100M000100Y43')).toMatchObject({ valid: true, errors: [], warnings: [], regionCode: '350100' });
    expect(validateUscc('91110000600037341L')).toMatchObject({ valid: true, warnings: [], organisationCode: '600037341' });
    expect(isValidUscc('91110000600037341l')).toBe(true);
  });

  it('computes the check character', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });

  it('treats a checksum failure as a warning, not an error', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(['checksum']);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });

  it('rejects characters outside the charset and wrong lengths as format errors', () => {
    expect(validateUscc('91350100M000100YI3').errors).toEqual(['format']); // I is not used
    expect(validateUscc('91350100M000100Y4').errors).toEqual(['format']);
    expect(validateUscc('913501O0M000100Y43').errors).toEqual(['format']); // region must be digits
  });

  it('warns about an unknown province prefix but allows the central-government 100000', () => {
    const first17 = '12990000000000011';
    expect(validateUscc(first17 + usccCheckChar(first17)).warnings).toEqual(['region']);
    const central = '11100000000000011';
    expect(validateUscc(central + usccCheckChar(central)).warnings).toEqual([]);
  });

  it('computes GB 11714 organisation code check characters', () => {
    expect(organisationCodeCheckChar('60003734')).toBe('1');
    expect(organisationCodeCheckChar('M000100Y')).toBe('4');
  });

  it('generates valid codes in the given region', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = generateUscc({ regionCode: '511002', sequence: 45_000_000 + i });
      expect(isValidUscc(code)).toBe(true);
      expect(code.slice(0, 8)).toBe('12511002');
      seen.add(code);
    }
    expect(seen.size).toBeGreaterThan(150);
    expect(generateUscc({ regionCode: '511083', sequence: 7, prefix: '52' }).startsWith('52511083')).toBe(true);
  });
});
