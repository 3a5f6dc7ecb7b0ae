import type { LocalizedText } from '../common/text';
import type { DatasetName } from '../datasets/dataset';
import type { QualityDimension, Severity } from './dimensions';

/**
 * A data-quality rule. Codes are stable API: institutions filter their findings
 * by them and dashboards group by them, so a code is never renamed or reused;
 * a changed rule gets a new code.
 *
 * Code scheme FAMILY.CHECK:
 *   REQ        required elements (完整性)
 *   ID         resident ID number (GB 11643) and agreement with the record
 *   VS         coded element outside its value set
 *   FMT        element format (dates, phone, length, numbers, region codes)
 *   ICD10      diagnosis code shape
 *   DISEASE    notifiable disease report cards
 *   TIME       time logic (future, order, before birth)
 *   RANGE      implausible values
 *   ORG        institution identifiers (GB 32100 USCC, licence number)
 *   FHIR       FHIR R4 mapping
 *   LINK       master person and parent-record linkage (整合性)
 *   TIMELINESS arrival delay (及时性)
 *   UNIQ       duplicates (唯一性)
 */
export interface QualityRule {
  readonly code: string;
  readonly dimension: QualityDimension;
  readonly severity: Severity;
  /** record: checked per ingested record; institution: on institution registration. */
  readonly scope: 'record' | 'institution';
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  /** Data sets the rule applies to (empty for institution-scope rules). */
  readonly datasets: readonly DatasetName[];
  /** Standard or document the rule enforces. */
  readonly reference?: string;
}
