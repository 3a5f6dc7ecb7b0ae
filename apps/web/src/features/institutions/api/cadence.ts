import type { TFunction } from 'i18next';

/** 24 → "每天", 168 → "每 7 天", 6 → "每 6 小时" (and the English equivalents). */
export function formatCadence(t: TFunction, hours: number): string {
  if (hours === 24) return t('institutions.expected.daily');
  if (hours % 24 === 0) return t('institutions.expected.everyDays', { n: hours / 24 });
  return t('institutions.expected.everyHours', { n: hours });
}

/** Agreed delay from the clinical event to arrival (及时性): "24 小时内". */
export function formatTimeliness(t: TFunction, hours: number): string {
  return t('institutions.expected.within', { n: hours });
}
