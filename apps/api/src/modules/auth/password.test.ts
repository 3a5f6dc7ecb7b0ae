import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('Correct-Horse-9');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Correct-Horse-9')).toBe(true);
    expect(await verifyPassword(h, 'correct-horse-9')).toBe(false);
  });

  it('treats a malformed stored hash as a failed verification', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('enforces length and character classes', () => {
    expect(passwordProblems('Short1!')).toContain('at least 10 characters');
    expect(passwordProblems('alllowercaseletters')).toHaveLength(1);
    expect(passwordProblems('Admin@12345')).toEqual([]);
  });
});
