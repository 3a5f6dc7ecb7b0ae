import { createHash, randomBytes } from 'node:crypto';

/** Opaque random tokens; only their SHA-256 is stored, so a database leak yields no usable token. */
export function newToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
