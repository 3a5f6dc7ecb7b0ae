/**
 * Every cleansing step reports what it changed, so the platform can show an
 * institution exactly how its data was altered. Changes carry the original
 * values, which may be personal data (ID numbers, phones): mask them before
 * storing or returning them.
 */
export type CleansingRule =
  | 'half_width' //     full-width ASCII → half-width (ＡＢＣ１２３ → ABC123)
  | 'whitespace' //     trimmed, runs collapsed, zero-width characters removed
  | 'name_format' //    spaces between Chinese characters removed, middle dots unified
  | 'sex_synonym' //    男 / M / male → 1 …
  | 'code_format' //    numbers to strings, dropped leading zero restored (1 → 01)
  | 'id_uppercase' //   x → X
  | 'id_upgrade_15' //  15-digit ID number → 18 digits
  | 'phone' //          +86 / 0086 / separators removed
  | 'datetime_iso' //   → YYYY-MM-DDTHH:mm:ss+08:00
  | 'date_iso' //       → YYYY-MM-DD
  | 'month_iso' //      → YYYY-MM
  | 'icd10_format'; //  upper case, dot after the category

export interface CleansingChange {
  /** Where in the record ('' for a bare value). */
  readonly path: string;
  readonly from: unknown;
  readonly to: unknown;
  readonly rule: CleansingRule;
}

export interface Cleansed<T> {
  readonly value: T;
  readonly changes: CleansingChange[];
}

/** Applies `fn` and records a change when the value differs. */
export function step<T>(value: T, path: string, rule: CleansingRule, fn: (v: T) => T): Cleansed<T> {
  const next = fn(value);
  return { value: next, changes: Object.is(next, value) || next === value ? [] : [{ path, from: value, to: next, rule }] };
}

/** Runs steps in order, each on the previous one's output, concatenating changes. */
export function pipe<T>(value: T, path: string, steps: readonly (readonly [CleansingRule, (v: T) => T])[]): Cleansed<T> {
  let current = value;
  const changes: CleansingChange[] = [];
  for (const [rule, fn] of steps) {
    const r = step(current, path, rule, fn);
    current = r.value;
    changes.push(...r.changes);
  }
  return { value: current, changes };
}
