import type { CheckedRecord } from '@rhip/domain';

/** At most this many change entries are kept per batch (a garbage batch must not bloat the row). */
const MAX_ENTRIES = 5000;

/** Elements whose values are personal: their changes are logged without the values. */
const PERSONAL = /(^|\.)(patient|idNumber|name|phone|address|patientId|healthCardNo|insuranceNo)(\.|\[|$)/;

export interface CleansingEntry {
  index: number;
  path: string;
  rule: string;
  from?: unknown;
  to?: unknown;
}

/**
 * Every change cleansing made to the batch's records (男 → 1, full-width
 * digits, 15 → 18-digit IDs, timestamps to +08:00…), kept with the batch so the
 * sender can see what the platform normalised. Values of personal elements are
 * left out.
 */
export function cleansingLog(checked: readonly CheckedRecord[]): CleansingEntry[] | null {
  const out: CleansingEntry[] = [];
  checked.forEach((c, index) => {
    for (const ch of c.changes) {
      if (out.length >= MAX_ENTRIES) return;
      out.push(PERSONAL.test(ch.path) ? { index, path: ch.path, rule: ch.rule } : { index, path: ch.path, rule: ch.rule, from: ch.from, to: ch.to });
    }
  });
  return out.length ? out : null;
}
