/** Ratio maths shared by all indicators. */

/** numerator ÷ denominator, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** numerator ÷ denominator × 100, or null when the denominator is 0. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? (numerator * 100) / denominator : null;
}

/** Rounds for display without drifting (93.00000000000001 → 93). */
export function roundTo(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * f) / f;
}
