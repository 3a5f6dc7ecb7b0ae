/**
 * Progress toward a target, respecting direction:
 * - increase: met when value ≥ target; progress = (value − baseline) ÷ (target − baseline),
 *   with a missing baseline read as 0 (all plan "—" baselines are shares or counts
 *   that started from nothing measurable).
 * - decrease: met when value ≤ target; progress mirrors the above.
 * - target: met within `tolerance` of the target; progress = 1 − |value − target| ÷ |target|.
 * A '>=' operator ("≥5") is met by any value at or above the target, as is a
 * plain target for an increasing indicator; the operator matters for display.
 */
import type { Indicator, IndicatorTarget } from './indicator';

export interface Progress {
  readonly achieved: boolean;
  /** 0–1, clamped; 1 once the target is met. */
  readonly progress: number;
  /** How far from the target, in the indicator's unit (0 when met). */
  readonly gap: number;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

export function progressTowardTarget(
  indicator: Pick<Indicator, 'baseline' | 'target' | 'direction'>,
  value: number,
  options: { tolerance?: number } = {},
): Progress | null {
  const target = indicator.target;
  if (!target) return null;
  const baseline = indicator.baseline?.value ?? null;
  const tv = target.value;
  switch (indicator.direction) {
    case 'increase': {
      const achieved = value >= tv;
      const from = baseline !== null && baseline < tv ? baseline : 0;
      const progress = achieved ? 1 : tv === from ? 0 : clamp01((value - from) / (tv - from));
      return { achieved, progress, gap: achieved ? 0 : tv - value };
    }
    case 'decrease': {
      const achieved = value <= tv;
      const from = baseline !== null && baseline > tv ? baseline : null;
      const progress = achieved ? 1 : from !== null ? clamp01((from - value) / (from - tv)) : value > 0 ? clamp01(tv / value) : 1;
      return { achieved, progress, gap: achieved ? 0 : value - tv };
    }
    case 'target': {
      const distance = Math.abs(value - tv);
      const achieved = distance <= (options.tolerance ?? 0);
      const progress = achieved ? 1 : tv === 0 ? 0 : clamp01(1 - distance / Math.abs(tv));
      return { achieved, progress, gap: achieved ? 0 : distance };
    }
  }
}

/** "≥5", "95%", "3家" as the plan writes a target. */
export function formatTarget(target: IndicatorTarget, unit: string): string {
  return `${target.operator === '>=' ? '≥' : ''}${target.value}${unit}`;
}
