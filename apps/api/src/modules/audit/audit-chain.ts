import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers (everything but id and hash). */
export interface AuditEntryBody {
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  masterPersonId: string | null;
  purpose: string | null;
  ip: string | null;
  details: unknown;
  prevHash: string | null;
}

/** Stable JSON: keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** hash = SHA-256(prevHash ‖ canonical(entry)): editing or deleting an entry breaks every later link. */
export function auditHash(entry: AuditEntryBody): string {
  return createHash('sha256').update(entry.prevHash ?? '').update('\n').update(canonicalJson(entry)).digest('hex');
}
