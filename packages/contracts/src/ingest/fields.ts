/**
 * Building blocks of the ingest record schemas (POST /api/v1/ingest/{dataset}).
 *
 * These schemas check SHAPE only: JSON types, lengths, loose formats and which
 * elements are required. Value-set membership (sex in GB/T 2261.1…), checksums
 * (GB 11643), cross-field agreement and time logic are domain rules that run
 * after cleansing, so coded elements are plain strings long enough to hold the
 * raw forms cleansing maps to codes (男 → "1", 汉族 → "01").
 *
 * Conventions
 * - Unknown fields are kept (loose objects): institutions send extension fields,
 *   which the pipeline stores in the record's `extra` column.
 * - Optional elements accept `null` as "absent" (HIS exports often send nulls).
 * - Required strings must not be blank; a missing, null or blank required
 *   element is reported as SHAPE_REQUIRED at its exact path (see validate.ts).
 * - Maximum lengths are the database column sizes for free text; coded elements
 *   allow a little more for raw forms, checked against their value set later.
 * - Dates and timestamps are strings in a loose format (see LOOSE_DATE_TIME);
 *   cleansing normalises them to 'YYYY-MM-DD' / ISO 8601 with +08:00.
 * - Descriptions: "中文 English (WS 363 data element id)" — OpenAPI is generated from them.
 */
import { z } from 'zod';

/** Max records per request (POST /api/v1/ingest/{dataset}). */
export const INGEST_MAX_RECORDS = 5000;
/** Max length of a record's sourceId (and of references to another record's sourceId). */
export const SOURCE_ID_MAX = 64;

const DATE_PART = String.raw`\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|\d{4})`;
const TIME_PART = String.raw`(?:(?:T|\s+)\d{1,2}(?::\d{1,2}(?::\d{1,2}(?:[.,]\d{1,9})?)?)?|T?\d{4}(?:\d{2}(?:[.,]\d{1,9})?)?)`;
const OFFSET_PART = String.raw`(?:\s?(?:Z|[+-]\d{2}(?::?\d{2})?))`;

/**
 * A date or date-time in any of the forms cleansing normalises: 'YYYY-MM-DD',
 * 'YYYYMMDD', 'YYYY/M/D', 'YYYY-MM-DD HH:mm[:ss]', 'YYYYMMDDHHmmss',
 * 'YYYYMMDDTHHmmss' (WS 363 DT15), ISO 8601 with or without fraction and offset.
 * Whether it names a real day is a domain rule.
 */
export const LOOSE_DATE_TIME = new RegExp(String.raw`^\s*${DATE_PART}(?:${TIME_PART}${OFFSET_PART}?)?\s*$`);
/** A calendar month: 'YYYY-MM', 'YYYYMM', 'YYYY/M'. */
export const LOOSE_MONTH = /^\s*\d{4}(?:[-/.]\d{1,2}|\d{2})\s*$/;
/** At least one non-space character. */
export const NOT_BLANK = /\S/;

/** "中文 English (DE…)": the description style used in the OpenAPI docs. */
export function describeElement(zh: string, en: string, dataElement?: string): string {
  return dataElement ? `${zh} ${en} (${dataElement})` : `${zh} ${en}`;
}

type Description = string;

/** A required, non-blank string of at most `max` characters. */
export function requiredText(max: number, description: Description) {
  return z.string().min(1).max(max).regex(NOT_BLANK, { error: 'must not be blank' }).describe(description);
}

/** An optional (nullable) string of at most `max` characters. */
export function optionalText(max: number, description: Description) {
  return z.string().max(max).nullish().describe(description);
}

const dateTimeString = () =>
  z.string().max(40).regex(LOOSE_DATE_TIME, { error: 'expected a date or date-time such as 2025-05-06 or 2025-05-06T09:30:00+08:00' });

/** A required calendar date (D8). Loose format; a time part, if sent, is dropped by cleansing. */
export function requiredDate(description: Description) {
  return dateTimeString().describe(`${description}. Format YYYY-MM-DD (YYYYMMDD accepted)`);
}
export function optionalDate(description: Description) {
  return dateTimeString().nullish().describe(`${description}. Format YYYY-MM-DD (YYYYMMDD accepted)`);
}

/** A required date-time (DT15). ISO 8601; without an offset it is Beijing time (+08:00). */
export function requiredTimestamp(description: Description) {
  return dateTimeString().describe(`${description}. ISO 8601 date-time; without an offset it is Beijing time (+08:00). 'YYYY-MM-DD HH:mm:ss' and 'YYYYMMDDHHmmss' accepted`);
}
export function optionalTimestamp(description: Description) {
  return dateTimeString()
    .nullish()
    .describe(`${description}. ISO 8601 date-time; without an offset it is Beijing time (+08:00). 'YYYY-MM-DD HH:mm:ss' and 'YYYYMMDDHHmmss' accepted`);
}

/** A required calendar month 'YYYY-MM'. */
export function requiredMonth(description: Description) {
  return z.string().max(10).regex(LOOSE_MONTH, { error: 'expected a month such as 2025-05' }).describe(`${description}. Format YYYY-MM`);
}

/** An optional (nullable) integer in [min, max]. */
export function optionalInt(min: number, max: number, description: Description) {
  return z.number().int().min(min).max(max).nullish().describe(description);
}

/** An optional (nullable) number in [min, max]. */
export function optionalNumber(min: number, max: number, description: Description) {
  return z.number().min(min).max(max).nullish().describe(description);
}

export function optionalBoolean(description: Description) {
  return z.boolean().nullish().describe(description);
}

/** A reference to another record of the same institution by its sourceId (e.g. the parent encounter). */
export function optionalSourceRef(description: Description) {
  return z.string().max(SOURCE_ID_MAX).nullish().describe(description);
}

/** Fields every ingest record carries: identity and version at the institution. */
export const recordBaseShape = {
  sourceId: z
    .string()
    .min(1)
    .max(SOURCE_ID_MAX)
    .regex(NOT_BLANK, { error: 'must not be blank' })
    .describe(
      "记录标识 The institution's own id of this record (1–64 characters), unique per institution and data set. Re-sending a sourceId updates the record when its version/updatedAt is newer and is a no-op otherwise",
    ),
  version: z
    .number()
    .int()
    .min(0)
    .max(2_147_483_647)
    .nullish()
    .describe('版本号 Record version at the institution (integer ≥ 0); a re-send with the same or a lower version is a no-op'),
  updatedAt: optionalTimestamp('更新时间 When the record last changed at the institution; orders re-sends that carry no version'),
};

/** CV02.01.101 identity document type; "01" (居民身份证) when omitted. */
export const idTypeSchema = z
  .string()
  .max(10)
  .default('01')
  .describe(
    describeElement(
      '身份证件类别代码',
      'Identity document type, CV02.01.101: 01 居民身份证, 02 居民户口簿, 03 护照, 04 军官证, 05 驾驶证, 06 港澳居民来往内地通行证, 07 台湾居民来往内地通行证, 99 其他法定有效证件. Default 01',
      'DE02.01.031.00',
    ),
  );

/** Identity elements shared by persons and the patient block of clinical records (pinned names). */
export const personIdentityShape = {
  idType: idTypeSchema,
  idNumber: requiredText(
    32,
    describeElement(
      '身份证件号码',
      'Identity document number; for 01 the 18-character resident ID (GB 11643, check character X in upper case; 15-character numbers are upgraded by cleansing)',
      'DE02.01.030.00',
    ),
  ),
  name: requiredText(50, describeElement('姓名', 'Name', 'DE02.01.039.00')),
  sex: requiredText(
    10,
    describeElement('性别代码', 'Sex, GB/T 2261.1: 0 未知的性别, 1 男性, 2 女性, 9 未说明的性别 (男/女 are mapped by cleansing)', 'DE02.01.040.00'),
  ),
  birthDate: requiredDate(describeElement('出生日期', 'Birth date', 'DE02.01.005.01')),
};

export const phoneSchema = () => optionalText(32, describeElement('电话号码', 'Phone number (normalised by cleansing)', 'DE02.01.010.00'));
export const healthCardNoSchema = () => optionalText(32, describeElement('居民健康卡号', 'Resident health card number', 'DE01.00.021.00'));
export const regionCodeSchema = (zh: string, en: string) =>
  optionalText(12, describeElement(zh, `${en}, GB/T 2260 code (6-digit county or 9/12-digit township)`));

/**
 * The patient's identity on a clinical record, so that the record links to a
 * master person even if the person was never pushed (pinned names).
 */
export const PatientRefSchema = z
  .looseObject({
    ...personIdentityShape,
    patientId: optionalText(64, "患者ID The institution's own patient id (e.g. HIS patient master index id)"),
    healthCardNo: healthCardNoSchema(),
    phone: phoneSchema(),
  })
  .describe("患者身份 The patient's identity as known to the institution: linked to the master person index (EMPI)");
export type PatientRef = z.infer<typeof PatientRefSchema>;
