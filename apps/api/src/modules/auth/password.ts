import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to Argon2id; parameters follow OWASP's minimum
// (19 MiB, 2 iterations) so a login stays well under 100 ms on 2 cores.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Password policy: at least 10 characters from at least three of lower case,
 * upper case, digits and symbols (等保 level 3 asks for complexity). Returns the
 * problems found, empty when the password is acceptable.
 */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('at least 10 characters');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('at least three of: lower case, upper case, digits, symbols');
  return problems;
}
