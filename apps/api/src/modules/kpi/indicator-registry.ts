/**
 * The indicator registry is data in @rhip/domain (PLAN_INDICATORS,
 * SERVICE_INDICATORS): the API serves it from there, and keeps the
 * `indicators` table (which entered values reference) in step with it by an
 * idempotent upsert at startup.
 */
import type { IndicatorDto } from '@rhip/contracts';
import type { PgPool, PgPoolClient } from '@rhip/db';
import { formatTarget, INDICATORS, type Indicator } from '@rhip/domain';

export function baselineText(i: Indicator): string | null {
  if (!i.baseline) return null;
  return i.baseline.value === null ? '—' : `${i.baseline.value}${i.unit}`;
}

export function targetText(i: Indicator): string | null {
  return i.target ? formatTarget(i.target, i.unit) : null;
}

export function toIndicatorDto(i: Indicator): IndicatorDto {
  return {
    code: i.code,
    group: i.group,
    seq: i.seq ?? null,
    nameZh: i.nameZh,
    nameEn: i.nameEn,
    definition: i.definition,
    numerator: i.numerator,
    denominator: i.denominator,
    unit: i.unit,
    baseline: i.baseline ? { year: i.baseline.year, value: i.baseline.value } : null,
    target: i.target ? { year: i.target.year, value: i.target.value, operator: i.target.operator } : null,
    baselineText: baselineText(i),
    targetText: targetText(i),
    attribute: i.attribute,
    direction: i.direction,
    source: i.source,
    cuts: [...i.cuts],
    method: i.method,
  };
}

function tableRow(i: Indicator, sortOrder: number) {
  return {
    code: i.code,
    name_zh: i.nameZh,
    name_en: i.nameEn,
    definition: i.definition.zh,
    numerator: i.numerator?.zh ?? null,
    denominator: i.denominator?.zh ?? null,
    unit: i.unit,
    category: i.group,
    baseline_year: i.baseline?.year ?? null,
    baseline_value: i.baseline?.value ?? null,
    baseline_text: baselineText(i),
    target_year: i.target?.year ?? null,
    target_value: i.target?.value ?? null,
    target_text: targetText(i),
    // indicators.attribute is NOT NULL; health-service indicators have none (the API serves null from the registry).
    attribute: i.attribute ?? 'expected',
    direction: i.direction,
    source: i.source,
    cuts: i.cuts,
    sort_order: sortOrder,
  };
}

/** Upserts the registry (or some of its indicators) into the indicators table. */
export async function syncIndicatorTable(db: PgPool | PgPoolClient, codes?: readonly string[]): Promise<number> {
  const rows = INDICATORS.map((i, n) => tableRow(i, n)).filter((r) => !codes || codes.includes(r.code));
  if (!rows.length) return 0;
  const res = await db.query(
    `insert into indicators (code, name_zh, name_en, definition, numerator, denominator, unit, category, baseline_year, baseline_value, baseline_text,
                             target_year, target_value, target_text, attribute, direction, source, cuts, sort_order, created_at, updated_at)
     select code, name_zh, name_en, definition, numerator, denominator, unit, category, baseline_year, baseline_value, baseline_text,
            target_year, target_value, target_text, attribute::indicator_attribute, direction::indicator_direction, source::indicator_source, cuts, sort_order, now(), now()
       from jsonb_to_recordset($1::jsonb) as x(code text, name_zh text, name_en text, definition text, numerator text, denominator text, unit text, category text,
            baseline_year int, baseline_value numeric, baseline_text text, target_year int, target_value numeric, target_text text, attribute text, direction text,
            source text, cuts jsonb, sort_order int)
     on conflict (code) do update set
       name_zh = excluded.name_zh, name_en = excluded.name_en, definition = excluded.definition, numerator = excluded.numerator,
       denominator = excluded.denominator, unit = excluded.unit, category = excluded.category, baseline_year = excluded.baseline_year,
       baseline_value = excluded.baseline_value, baseline_text = excluded.baseline_text, target_year = excluded.target_year,
       target_value = excluded.target_value, target_text = excluded.target_text, attribute = excluded.attribute, direction = excluded.direction,
       source = excluded.source, cuts = excluded.cuts, sort_order = excluded.sort_order, updated_at = now()
     where (indicators.name_zh, indicators.name_en, indicators.definition, indicators.unit, indicators.baseline_value, indicators.baseline_text,
            indicators.target_value, indicators.target_text, indicators.attribute, indicators.direction, indicators.source, indicators.cuts, indicators.sort_order)
       is distinct from
           (excluded.name_zh, excluded.name_en, excluded.definition, excluded.unit, excluded.baseline_value, excluded.baseline_text,
            excluded.target_value, excluded.target_text, excluded.attribute, excluded.direction, excluded.source, excluded.cuts, excluded.sort_order)`,
    [JSON.stringify(rows)],
  );
  return res.rowCount ?? 0;
}
