import type { LocalizedText } from '../common/text';

/** The five data-quality dimensions the platform scores (STANDARDS.md). */
export const QUALITY_DIMENSIONS = ['completeness', 'consistency', 'integration', 'timeliness', 'uniqueness'] as const;
export type QualityDimension = (typeof QUALITY_DIMENSIONS)[number];

export const DIMENSION_NAMES: Record<QualityDimension, LocalizedText> = {
  completeness: { zh: '完整性', en: 'Completeness' },
  consistency: { zh: '一致性', en: 'Consistency' },
  integration: { zh: '整合性', en: 'Integration' },
  timeliness: { zh: '及时性', en: 'Timeliness' },
  uniqueness: { zh: '唯一性', en: 'Uniqueness' },
};

/** error: the record is rejected; warning: it is kept with a finding. */
export type Severity = 'error' | 'warning';
