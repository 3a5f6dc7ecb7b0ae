import { describe, expect, it } from 'vitest';
import { createPiiCipher, maskIdNumber, maskName, maskPhone } from './index';

const keys = { encryptionKey: Buffer.alloc(32, 7).toString('base64'), keyId: 'k1', blindIndexKey: 'x'.repeat(32) };

describe('PII cipher', () => {
  it('round-trips a value and never stores it in clear', () => {
    const c = createPiiCipher(keys);
    const sealed = c.encrypt('11010519491231002X');
    expect(sealed.startsWith('k1:')).toBe(true);
    expect(sealed).not.toContain('11010519491231002X');
    expect(c.decrypt(sealed)).toBe('11010519491231002X');
  });

  it('uses a fresh IV so equal values seal differently', () => {
    const c = createPiiCipher(keys);
    expect(c.encrypt('a')).not.toBe(c.encrypt('a'));
  });

  it('decrypts values sealed with a previous key after rotation', () => {
    const old = createPiiCipher(keys);
    const sealed = old.encrypt('440524188001010014');
    const rotated = createPiiCipher({ ...keys, keyId: 'k2', encryptionKey: Buffer.alloc(32, 9).toString('base64'), previousKeys: { k1: keys.encryptionKey } });
    expect(rotated.decrypt(sealed)).toBe('440524188001010014');
    expect(rotated.encrypt('x').startsWith('k2:')).toBe(true);
  });

  it('rejects a tampered ciphertext', () => {
    const c = createPiiCipher(keys);
    const sealed = c.encrypt('secret');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => c.decrypt(`k1:${raw.toString('base64')}`)).toThrow();
  });

  it('gives a stable blind index that ignores case and surrounding space, per scope', () => {
    const c = createPiiCipher(keys);
    expect(c.blindIndex(' 11010519491231002x ')).toBe(c.blindIndex('11010519491231002X'));
    expect(c.blindIndex('E1234', 'passport')).not.toBe(c.blindIndex('E1234', 'id'));
    expect(c.blindIndex('a')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('masking', () => {
  it('masks ID numbers, names and phones', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('sealing identifiers in raw records', () => {
  it('seals the person and patient ID numbers, leaves the rest readable, and round-trips', async () => {
    const { sealRecordIdentifiers, unsealRecordIdentifiers } = await import('./index');
    const c = createPiiCipher(keys);
    const raw = { sourceId: 'E1', idNumber: '11010519491231002X', patient: { idNumber: '440524188001010014', name: '张三' }, note: 'x' };
    const sealed = sealRecordIdentifiers(raw, c) as typeof raw;
    expect(JSON.stringify(sealed)).not.toContain('11010519491231002X');
    expect(JSON.stringify(sealed)).not.toContain('440524188001010014');
    expect(sealed.patient.name).toBe('张三');
    expect(sealed.sourceId).toBe('E1');
    expect(raw.idNumber).toBe('11010519491231002X'); // the input is not mutated
    expect(sealRecordIdentifiers(sealed, c)).toEqual(sealed); // sealing twice is a no-op
    expect(unsealRecordIdentifiers(sealed, c)).toEqual(raw);
  });

  it('passes through records that are not objects', async () => {
    const { sealRecordIdentifiers } = await import('./index');
    const c = createPiiCipher(keys);
    expect(sealRecordIdentifiers('x', c)).toBe('x');
    expect(sealRecordIdentifiers(null, c)).toBeNull();
    expect(sealRecordIdentifiers([1], c)).toEqual([1]);
  });
});
