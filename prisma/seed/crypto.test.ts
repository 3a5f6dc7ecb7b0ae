import { createPiiCipher } from '@rhip/pii';
import { describe, expect, it } from 'vitest';
import { createSeedCipher } from './crypto';

const keys = { encryptionKey: Buffer.alloc(32, 7).toString('base64'), keyId: 'k1', blindIndexKey: 'b'.repeat(32) };

describe('the seed cipher', () => {
  it('seals in @rhip/pii format, so the platform decrypts what the seed wrote', () => {
    const seed = createSeedCipher(keys);
    const pii = createPiiCipher(keys);
    const values = Array.from({ length: 5000 }, (_, i) => `51102519800101${String(i).padStart(4, '0')}`);
    const sealed = values.map((v) => seed.encrypt(v));
    expect(sealed.every((s) => s.startsWith('k1:'))).toBe(true);
    expect(new Set(sealed).size).toBe(sealed.length);
    sealed.forEach((s, i) => expect(pii.decrypt(s)).toBe(values[i]));
    expect(seed.encrypt('张三')).not.toContain('张三');
  });

  it('uses the platform blind index unchanged', () => {
    const seed = createSeedCipher(keys);
    const pii = createPiiCipher(keys);
    expect(seed.blindIndex('11010519491231002X')).toBe(pii.blindIndex('11010519491231002X'));
    expect(seed.blindIndex('E1234', 'doc03')).toBe(pii.blindIndex('E1234', 'doc03'));
  });
});
