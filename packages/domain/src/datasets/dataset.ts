/**
 * The ingest data sets (issue 3's public contract) seen from the rules' side:
 * which elements each carries, of what kind, and which are required. The zod
 * schemas in @rhip/contracts define the wire shape; this is what completeness
 * (REQ.*), value-set (VS.*) and cleansing rules walk. Element names and required
 * paths are kept equal to the contracts' (datasets.test.ts checks it).
 */
export const DATASET_NAMES = [
  'persons',
  'health-records',
  'followups',
  'immunizations',
  'contracts',
  'encounters',
  'lab-reports',
  'exam-reports',
  'prescriptions',
  'disease-reports',
  'facility-resources',
] as const;

export type DatasetName = (typeof DATASET_NAMES)[number];

export function isDatasetName(value: string): value is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(value);
}

/** How an element is cleansed and checked. */
export type FieldKind =
  | 'text' //         free text: half-width, trimmed
  | 'name' //         a person's name: also no spaces between Chinese characters
  | 'code' //         a code from `valueSet`
  | 'sex' //          GB/T 2261.1, with synonym mapping (男 → 1)
  | 'idNumber' //     document number; GB 11643 rules when the document type is 01
  | 'phone'
  | 'date' //         'YYYY-MM-DD'
  | 'datetime' //     ISO 8601 with +08:00
  | 'month' //        'YYYY-MM'
  | 'regionCode' //   GB/T 2260, 6/9/12 digits
  | 'icd10'
  | 'integer'
  | 'number'
  | 'boolean';

/** required: missing → REQ.MISSING (error); recommended: missing → REQ.RECOMMENDED_MISSING (warning). */
export type Requirement = 'required' | 'recommended' | 'optional';

export interface FieldSpec {
  /** Dot path; "[]" marks each element of an array ("diagnoses[].code"). */
  readonly path: string;
  readonly kind: FieldKind;
  readonly requirement: Requirement;
  readonly labelZh: string;
  /** Value set id (value-sets/registry) for kind 'code' and 'sex'. */
  readonly valueSet?: string;
  readonly maxLength?: number;
  /** WS 363 data element identifier, when one applies. */
  readonly dataElement?: string;
  /**
   * Path of an optional object this element lives in ("registration"): when the
   * object is absent the element is not required.
   */
  readonly within?: string;
}

export interface DatasetSpec {
  readonly name: DatasetName;
  readonly labelZh: string;
  readonly labelEn: string;
  /** Which core database it feeds (四大核心数据库). */
  readonly coreDatabase: 'population' | 'ehr' | 'emr' | 'resources';
  /**
   * Path of the clinical event time: timeliness and TIME.BEFORE_BIRTH are measured
   * on it. A 'YYYY-MM' period counts from the month's last day. Null when the
   * data set has no clinical event (persons).
   */
  readonly eventTime: string | null;
  /** Agreed delay from event to arrival when the institution has none of its own, hours (及时性). */
  readonly timelinessHours: number;
  /** True when records carry a person and must link to a master person. */
  readonly personLinked: boolean;
  /** Path of the parent encounter's sourceId for child records (LINK.NO_PARENT). */
  readonly parentRef?: string;
  readonly fields: readonly FieldSpec[];
}
