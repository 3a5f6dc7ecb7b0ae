import type { LocalizedText } from '../common/text';

/** 约束性 binding (must be met) / 预期性 expected (aimed for). */
export type IndicatorAttribute = 'binding' | 'expected';

/** increase: higher is better; decrease: lower is better; target: reach or hold a value. */
export type IndicatorDirection = 'increase' | 'decrease' | 'target';

/** computed from platform data; entered through the API with provenance. */
export type IndicatorSource = 'computed' | 'entered';

/** The dimensions a value can be broken down by. */
export type IndicatorCut = 'region' | 'institution' | 'period';

export type IndicatorUnit = '%' | '家' | '个' | '人次' | '人' | '天' | '剂次';

export interface IndicatorTarget {
  readonly year: number;
  readonly value: number;
  /** '>=' when the plan writes "≥5"; '=' when it states a plain value (3 家, 95%). */
  readonly operator: '=' | '>=';
}

export interface Indicator {
  /** Stable code: PLAN.01–PLAN.14 for the plan table, HS.* for health-service indicators. */
  readonly code: string;
  readonly group: 'plan' | 'service';
  /** 序号 in the plan's table. */
  readonly seq?: number;
  /** Name exactly as the source document writes it. */
  readonly nameZh: string;
  readonly nameEn: string;
  readonly definition: LocalizedText;
  /** Null for counts. */
  readonly numerator: LocalizedText | null;
  readonly denominator: LocalizedText | null;
  readonly unit: IndicatorUnit;
  /** Baseline; value null where the plan prints "—". */
  readonly baseline: { readonly year: number; readonly value: number | null } | null;
  readonly target: IndicatorTarget | null;
  readonly attribute: IndicatorAttribute | null;
  readonly direction: IndicatorDirection;
  readonly source: IndicatorSource;
  readonly cuts: readonly IndicatorCut[];
  /** How the platform derives it (computed) or who supplies it (entered). */
  readonly method: LocalizedText;
}

/** A computed value with its parts, so a dashboard can show "18 / 20 = 90%". */
export interface IndicatorValue {
  readonly code: string;
  readonly numerator: number;
  /** Null for counts. */
  readonly denominator: number | null;
  /** Percent (0–100) for '%' indicators, the count or mean otherwise; null when the denominator is 0. */
  readonly value: number | null;
}
