import type { Indicator } from './indicator';
import { PLAN_INDICATORS } from './plan-indicators';
import { SERVICE_INDICATORS } from './service-indicators';

/** The indicator registry: plan indicators first, in table order, then health-service indicators. */
export const INDICATORS: readonly Indicator[] = [...PLAN_INDICATORS, ...SERVICE_INDICATORS];

const BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));

export function indicatorByCode(code: string): Indicator | undefined {
  return BY_CODE.get(code);
}
