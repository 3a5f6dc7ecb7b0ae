import type { PgPoolClient } from '@rhip/db';
import type { CheckedRecord } from '@rhip/domain';
import { receiptDay } from './time';

export interface BatchQualityCounts {
  /** Records linked to a master person (and, for child records, to their parent encounter). */
  integrated: number;
  /** Records that duplicate another record (same person, same event). */
  duplicates: number;
  /** False for data sets without a person (facility resources): integration does not apply. */
  personLinked: boolean;
}

/**
 * Adds one batch to quality_daily_rollups (institution × data set × receipt
 * day × dimension), the numerators and denominators of the formulas in
 * STANDARDS.md, plus records and passed (no error finding) for the pass rate.
 * Scores are always numerator ÷ denominator of the summed rows, so days,
 * institutions and counties roll up exactly.
 */
export async function updateQualityRollups(
  client: PgPoolClient,
  batch: { institutionId: string; dataset: string; receivedAt: Date },
  checked: CheckedRecord[],
  counts: BatchQualityCounts,
): Promise<void> {
  const records = checked.length;
  if (records === 0) return;
  const passed = checked.filter((c) => !c.rejected).length;
  const rows: { dimension: string; numerator: number; denominator: number }[] = [
    { dimension: 'completeness', numerator: checked.filter((c) => c.complete).length, denominator: records },
    {
      dimension: 'consistency',
      numerator: checked.reduce((s, c) => s + Math.max(0, c.elementsChecked - c.elementsFailed), 0),
      denominator: checked.reduce((s, c) => s + c.elementsChecked, 0),
    },
    { dimension: 'timeliness', numerator: checked.filter((c) => c.onTime === true).length, denominator: checked.filter((c) => c.onTime !== null).length },
    { dimension: 'uniqueness', numerator: records - counts.duplicates, denominator: records },
  ];
  if (counts.personLinked) rows.push({ dimension: 'integration', numerator: counts.integrated, denominator: records });
  await client.query(
    `insert into quality_daily_rollups (institution_id, dataset, day, dimension, numerator, denominator, records, passed, updated_at)
     select $1, $2, $3::date, x.dimension, x.numerator, x.denominator, $4, $5, now()
       from jsonb_to_recordset($6::jsonb) as x(dimension quality_dimension, numerator int, denominator int)
     on conflict (institution_id, dataset, day, dimension) do update set
       numerator = quality_daily_rollups.numerator + excluded.numerator,
       denominator = quality_daily_rollups.denominator + excluded.denominator,
       records = quality_daily_rollups.records + excluded.records,
       passed = quality_daily_rollups.passed + excluded.passed,
       updated_at = now()`,
    [batch.institutionId, batch.dataset, receiptDay(batch.receivedAt), records, passed, JSON.stringify(rows)],
  );
}
