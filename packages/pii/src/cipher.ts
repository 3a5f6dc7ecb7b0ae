import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * Personal identifiers at rest (居民身份证号 etc.):
 * - `encrypt`/`decrypt`: AES-256-GCM, random 96-bit IV, serialised as
 *   `<keyId>:<base64(iv | tag | ciphertext)>` so keys can be rotated — old rows
 *   name the key that sealed them.
 * - `blindIndex`: keyed HMAC-SHA256 of the normalised value, truncated to 128
 *   bits, for equality lookup without decrypting. The `scope` (e.g. the
 *   identifier type) keeps equal strings of different kinds apart.
 */
export interface PiiKeys {
  /** 32 bytes, base64 or hex. */
  encryptionKey: string;
  keyId: string;
  /** Older keys still able to decrypt, by key id. */
  previousKeys?: Record<string, string>;
  blindIndexKey: string;
}

export function decodeKey(material: string): Buffer {
  const hex = /^[0-9a-fA-F]{64}$/.test(material) ? Buffer.from(material, 'hex') : null;
  const buf = hex ?? Buffer.from(material, 'base64');
  if (buf.length !== 32) throw new Error('PII encryption key must be 32 bytes (base64 or hex)');
  return buf;
}

export function createPiiCipher(keys: PiiKeys) {
  if (keys.keyId.includes(':')) throw new Error('key id must not contain ":"');
  // KeyObjects are made once: building the key on every call costs more than the encryption itself.
  const current = createSecretKey(decodeKey(keys.encryptionKey));
  const byId = new Map<string, KeyObject>([[keys.keyId, current]]);
  for (const [id, material] of Object.entries(keys.previousKeys ?? {})) byId.set(id, createSecretKey(decodeKey(material)));
  const hmacKey = createSecretKey(Buffer.from(keys.blindIndexKey, 'utf8'));

  function encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', current, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${keys.keyId}:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
  }

  function decrypt(sealed: string): string {
    const sep = sealed.indexOf(':');
    if (sep < 0) throw new Error('not a sealed value');
    const key = byId.get(sealed.slice(0, sep));
    if (!key) throw new Error(`unknown PII key id ${sealed.slice(0, sep)}`);
    const raw = Buffer.from(sealed.slice(sep + 1), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  function blindIndex(value: string, scope = 'id'): string {
    return createHmac('sha256', hmacKey).update(scope).update('\u0000').update(value.trim().toUpperCase()).digest('hex').slice(0, 32);
  }

  return { keyId: keys.keyId, encrypt, decrypt, blindIndex };
}

export type PiiCipher = ReturnType<typeof createPiiCipher>;
