/**
 * A finding: one rule failing on one element of one record. Findings never
 * carry the offending value (it may be personal data); the path says where.
 */
import type { LocalizedText } from '../common/text';
import type { QualityDimension, Severity } from './dimensions';
import { ruleByCode, type RuleCode } from './rule-catalogue';

export interface Finding {
  readonly rule: RuleCode;
  readonly severity: Severity;
  readonly dimension: QualityDimension;
  /** Concrete element path ("patient.idNumber", "diagnoses[1].code"); '' for the whole record. */
  readonly path: string;
  readonly message: LocalizedText;
}

/** Builds a finding with the catalogue's severity and a message naming the element. */
export function finding(rule: RuleCode, path: string, detail?: LocalizedText): Finding {
  const r = ruleByCode(rule);
  if (!r) throw new Error(`unknown rule ${rule}`);
  return {
    rule,
    severity: r.severity,
    dimension: r.dimension,
    path,
    message: {
      zh: `${path ? `${path}：` : ''}${r.title.zh}${detail ? `（${detail.zh}）` : ''}`,
      en: `${path ? `${path}: ` : ''}${r.title.en}${detail ? ` (${detail.en})` : ''}`,
    },
  };
}

/** An error-severity finding rejects the record. */
export function hasError(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
