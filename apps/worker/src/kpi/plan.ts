/**
 * The computed plan indicators (规划指标) of a month and of its year, per
 * county and city (domain computePlanIndicators over the institutions of each):
 *
 * - PLAN.02 公立医疗卫生机构接入平台比例: an institution is connected in a month
 *   when it sent any data then (ingest_daily_rollups.received > 0), in a year
 *   when it was connected in any of its months;
 * - PLAN.03 数据质量合格率: records without an error finding ÷ records received
 *   (quality_daily_rollups, by receipt day), also per institution; the year
 *   sums its months;
 * - the others from institution attributes (EMR level, 等保, remote care …).
 *   Attributes have no history: the rows of the current month and year follow
 *   them; a past period keeps the snapshot taken while it was current (it is
 *   only filled in when it has none).
 */
import { periodDays, periodIsCurrent } from '@rhip/contracts';
import type { PgPoolClient } from '@rhip/db';
import { computePlanIndicators, computeQualityPassRateIndicator, PLAN_CALCULATORS, type InstitutionProfile } from '@rhip/domain';
import { cityOf, countyOf, deleteRollups, isCityCode, rowOf, upsertRollups, type RollupRow, inSequence } from './rollup-store';

/** Codes whose value is true of the period itself (recomputed whatever the period). */
export const PERIOD_PLAN_CODES = ['PLAN.02', 'PLAN.03'] as const;
export const ATTRIBUTE_PLAN_CODES = Object.keys(PLAN_CALCULATORS).filter((c) => c !== 'PLAN.02');

interface InstitutionRow {
  id: string;
  region_code: string;
  level: string;
  type: string;
  ownership: 'public' | 'private';
  active: boolean;
  emr_level: number | null;
  interop_level: string | null;
  is_internet_hospital: boolean;
  is_smart_hospital: boolean;
  on_health_private_network: boolean;
  has_remote_care: boolean;
  has_convenience_services: boolean;
  has_digital_imaging: boolean;
  security_assessed: boolean;
}

export async function computePlan(client: PgPoolClient, month: string, now: Date = new Date()): Promise<number> {
  const institutions = await client.query<InstitutionRow>(
    `select id::text, region_code, level, type, ownership, active, emr_level, interop_level, is_internet_hospital, is_smart_hospital,
            on_health_private_network, has_remote_care, has_convenience_services, has_digital_imaging, security_assessed
       from institutions`,
  );
  const year = month.slice(0, 4);
  let written = 0;
  for (const period of [month, year]) {
    const { from, to } = periodDays(period);
    // The month from the daily rollups (one month of rows, by their day index); the year from
    // the month rows written just before (institution rows of PLAN.02 and PLAN.03), so a year
    // never rescans a year of daily rollups.
    const [connected, quality] = period === month
      ? await inSequence([
          () => client.query<{ id: string }>(
            `select distinct institution_id::text as id from ingest_daily_rollups where day >= $1::date and day < $2::date and received > 0`,
            [from, to],
          ),
          // records and passed repeat on every dimension row of a day: take them once per institution × data set × day.
          () => client.query<{ id: string; records: string; passed: string }>(
            `select institution_id::text as id, sum(records) as records, sum(passed) as passed
               from (select institution_id, dataset, day, max(records) as records, max(passed) as passed
                       from quality_daily_rollups where day >= $1::date and day < $2::date group by 1, 2, 3) q
              group by 1`,
            [from, to],
          ),
        ])
      : await inSequence([
          () => client.query<{ id: string }>(
            `select distinct institution_id as id from kpi_rollups
              where indicator_code = 'PLAN.02' and institution_id <> '' and numerator > 0 and length(period) = 7 and left(period, 4) = $1`,
            [year],
          ),
          () => client.query<{ id: string; records: string; passed: string }>(
            `select institution_id as id, sum(denominator) as records, sum(numerator) as passed from kpi_rollups
              where indicator_code = 'PLAN.03' and institution_id <> '' and length(period) = 7 and left(period, 4) = $1
              group by 1`,
            [year],
          ),
        ]);
    const connectedIds = new Set(connected.rows.map((r) => r.id));
    const qualityBy = new Map(quality.rows.map((r) => [r.id, { records: Number(r.records), passed: Number(r.passed) }]));
    const profiles = institutions.rows.map((i) => ({ row: i, profile: toProfile(i, connectedIds.has(i.id)) }));

    const regions = new Map<string, InstitutionProfile[]>();
    const regionQuality = new Map<string, { records: number; recordsWithError: number }>();
    const periodRows: RollupRow[] = [];
    const attributeRows: RollupRow[] = [];
    for (const { row, profile } of profiles) {
      const county = countyOf(row.region_code);
      const q = qualityBy.get(row.id);
      for (const region of isCityCode(county) ? [county] : [county, cityOf(county)]) {
        const list = regions.get(region) ?? [];
        list.push(profile);
        regions.set(region, list);
        const rq = regionQuality.get(region) ?? { records: 0, recordsWithError: 0 };
        if (q) {
          rq.records += q.records;
          rq.recordsWithError += q.records - q.passed;
        }
        regionQuality.set(region, rq);
      }
      if (q) periodRows.push(rowOf(computeQualityPassRateIndicator({ records: q.records, recordsWithError: q.records - q.passed }), county, row.id, period));
      // Per institution, connected or not (kept for the year's share; the API shows PLAN.02 by region).
      if (PLAN_CALCULATORS['PLAN.02']?.population(profile)) {
        periodRows.push({ code: 'PLAN.02', region: county, institution: row.id, period, numerator: profile.connected ? 1 : 0, denominator: 1, value: profile.connected ? 100 : 0 });
      }
    }
    for (const [region, list] of regions) {
      for (const v of computePlanIndicators(list, { quality: regionQuality.get(region) ?? { records: 0, recordsWithError: 0 } })) {
        const r = rowOf(v, region, '', period);
        ((PERIOD_PLAN_CODES as readonly string[]).includes(v.code) ? periodRows : attributeRows).push(r);
      }
    }
    await deleteRollups(client, { codes: PERIOD_PLAN_CODES, periods: [period] });
    await upsertRollups(client, periodRows);
    if (periodIsCurrent(period, now)) {
      await deleteRollups(client, { codes: ATTRIBUTE_PLAN_CODES, periods: [period] });
      await upsertRollups(client, attributeRows);
    } else await upsertRollups(client, attributeRows, 'keep');
    written += periodRows.length + attributeRows.length;
  }
  return written;
}

function toProfile(i: InstitutionRow, connected: boolean): InstitutionProfile {
  return {
    id: i.id,
    regionCode: i.region_code,
    level: i.level,
    type: i.type,
    ownership: i.ownership,
    active: i.active,
    connected,
    onHealthPrivateNetwork: i.on_health_private_network,
    emrLevel: i.emr_level,
    interopLevel: i.interop_level,
    isInternetHospital: i.is_internet_hospital,
    isSmartHospital: i.is_smart_hospital,
    hasRemoteCare: i.has_remote_care,
    hasConvenienceServices: i.has_convenience_services,
    hasDigitalImaging: i.has_digital_imaging,
    securityAssessed: i.security_assessed,
  };
}
