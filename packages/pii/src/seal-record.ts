import type { PiiCipher } from './cipher';

/** Marks a sealed value inside a stored payload. */
export const SEALED_PREFIX = '$pii:';

/** The elements of an ingest record that carry an identity document number. */
const HOLDERS = ['', 'patient'] as const;
const FIELDS = ['idNumber'] as const;

function transform(record: unknown, fn: (v: string) => string): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const holder of HOLDERS) {
    const target = holder === '' ? out : out[holder];
    if (target === null || typeof target !== 'object' || Array.isArray(target)) continue;
    const copy: Record<string, unknown> = holder === '' ? out : { ...(target as Record<string, unknown>) };
    for (const f of FIELDS) if (typeof copy[f] === 'string') copy[f] = fn(copy[f] as string);
    if (holder !== '') out[holder] = copy;
  }
  return out;
}

/**
 * Seals the document numbers of a raw ingest record before it is stored (the
 * durable inbox, parked records), so no resident ID number rests in clear even
 * in raw payloads. The rest of the record stays readable for support.
 */
export function sealRecordIdentifiers(record: unknown, cipher: PiiCipher): unknown {
  return transform(record, (v) => (v.startsWith(SEALED_PREFIX) ? v : SEALED_PREFIX + cipher.encrypt(v)));
}

/** The inverse, applied by the worker when it reads the inbox. */
export function unsealRecordIdentifiers(record: unknown, cipher: PiiCipher): unknown {
  return transform(record, (v) => (v.startsWith(SEALED_PREFIX) ? cipher.decrypt(v.slice(SEALED_PREFIX.length)) : v));
}
