import { describe, expect, it } from 'vitest';
import { encodeRow, encodeValue } from './writer';

describe('COPY text encoding', () => {
  it('escapes backslashes, tabs and newlines and writes NULL as \\N', () => {
    expect(encodeValue(null)).toBe('\\N');
    expect(encodeValue(undefined)).toBe('\\N');
    expect(encodeValue('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(encodeValue(true)).toBe('t');
    expect(encodeValue(12.5)).toBe('12.5');
    expect(encodeValue(Number.NaN)).toBe('\\N');
    expect(encodeValue({ k: 'x\ty' })).toBe('{"k":"x\\\\ty"}');
    expect(encodeValue('内江市')).toBe('内江市');
  });

  it('writes the columns in the table order, one line per row', () => {
    const spec = { name: 't', level: 0, columns: ['a', 'b', 'c'] };
    expect(encodeRow(spec, { c: 3, a: 'x', b: null, extra: 'ignored' })).toBe('x\t\\N\t3\n');
  });
});
