import {
  INGEST_DATASET_META, QUALITY_SCORE_COUNT_CAP,
  type Dataset, type FailingRecord, type FailingRecordsQuery, type FailingRules, type Finding, type FindingListQuery, type QualityDimension,
  type QualityGroupBy, type QualityRule, type QualityScoreQuery, type QualityScoreRow, type QualitySummary,
} from '@rhip/contracts';
import type { PgPool } from '@rhip/db';
import { unsealRecordIdentifiers, type PiiCipher } from '@rhip/pii';
import { DIMENSION_NAMES, QUALITY_RULES, indicatorByCode, ruleByCode, toPercent } from '@rhip/domain';
import { CSV_MAX_ROWS } from '../../lib/csv';
import type { ReadScope } from '../../lib/scope';
import type { AuditService } from '../audit/audit-service';
import type { DayRange } from '../interconnection/day-range';
import type { RegionDirectory } from '../interconnection/region-directory';
import { DATASET_TABLE } from '../person-index/person-tables';
import { SqlParams, iso, ratio } from '../interconnection/sql-params';
import { DIMENSIONS, EMPTY_SUMS, SUMS_SQL, addSums, scoresOf, sumsFromRow, sumsSql } from './quality-scores';
import { displayValue, maskedPatient, valueAtPath } from './record-masking';

/** Plan target of the pass rate (PLAN.03 健康医疗数据质量合格率). */
export const TARGET_PASS_RATE = indicatorByCode('PLAN.03')?.target?.value ?? 95;

const GRAINS: Record<QualityGroupBy, { cols: string[]; institution: boolean; dataset: boolean; day: boolean; region: boolean }> = {
  'institution-dataset-day': { cols: ['i.id', 'm.dataset', 'm.day'], institution: true, dataset: true, day: true, region: true },
  'institution-dataset': { cols: ['i.id', 'm.dataset'], institution: true, dataset: true, day: false, region: true },
  institution: { cols: ['i.id'], institution: true, dataset: false, day: false, region: true },
  dataset: { cols: ['m.dataset'], institution: false, dataset: true, day: false, region: false },
  day: { cols: ['m.day'], institution: false, dataset: false, day: true, region: false },
  county: { cols: ['i.region_code'], institution: false, dataset: false, day: false, region: true },
  city: { cols: [], institution: false, dataset: false, day: false, region: false },
};



type Actor = { actorType: 'staff' | 'institution'; actorId: string; ip: string };

export function createQualityService(deps: { pg: PgPool; regions: RegionDirectory; audit: AuditService; pii: PiiCipher }) {
  const { pg, regions, audit, pii } = deps;

  /** The inbox keeps ID numbers sealed; open them in memory only, to mask them. */
  function opened(raw: unknown): unknown {
    try {
      return unsealRecordIdentifiers(raw, pii);
    } catch {
      return raw;
    }
  }

  function rules(q: { dimension?: string | undefined; severity?: string | undefined; dataset?: string | undefined }) {
    const items: QualityRule[] = QUALITY_RULES.filter(
      (r) => (!q.dimension || r.dimension === q.dimension) && (!q.severity || r.severity === q.severity) && (!q.dataset || (r.datasets as readonly string[]).includes(q.dataset)),
    ).map((r) => ({
      code: r.code,
      dimension: r.dimension,
      dimensionName: DIMENSION_NAMES[r.dimension],
      severity: r.severity,
      scope: r.scope,
      title: r.title,
      description: r.description,
      datasets: [...r.datasets],
      reference: 'reference' in r ? (r.reference ?? null) : null,
    }));
    return { dimensions: DIMENSIONS.map((d) => ({ code: d, name: DIMENSION_NAMES[d] })), rules: items };
  }

  /**
   * WHERE over a rollup (alias `m`: monitoring_daily_rollups, `r`: quality_rule_daily_rollups) joined to
   * institutions i. `perDataset`: rows of single data sets (grains by data set) rather than the '*'
   * rows summing all data sets; a data set filter picks that data set's rows either way.
   */
  function rollupWhere(
    p: SqlParams,
    range: DayRange,
    scope: ReadScope,
    f: { regionCode?: string | undefined; institutionId?: string | undefined; dataset?: string | undefined; level?: string | undefined; type?: string | undefined; ownership?: string | undefined },
    alias = 'm',
    perDataset = false,
  ) {
    const where = [`${alias}.day between ${p.add(range.from)}::date and ${p.add(range.to)}::date`];
    const add = (cond: string, v: unknown) => {
      if (v !== undefined && v !== null) where.push(cond.replace('?', p.add(v)));
    };
    add('i.region_code = ?', scope.regionCode);
    add(`${alias}.institution_id = ?::uuid`, scope.institutionId);
    add('i.region_code = ?', f.regionCode);
    add(`${alias}.institution_id = ?::uuid`, f.institutionId);
    if (f.dataset) add(`${alias}.dataset = ?`, f.dataset);
    else where.push(perDataset ? `${alias}.dataset <> '*'` : `${alias}.dataset = '*'`);
    add('i.level = ?', f.level);
    add('i.type = ?', f.type);
    add('i.ownership = ?::ownership', f.ownership);
    return where.join(' and ');
  }

  /** Scores at the requested grain: Σnumerator ÷ Σdenominator of the daily rollups (monitoring_daily_rollups, kept from quality_daily_rollups). */
  async function scores(q: QualityScoreQuery, range: DayRange, scope: ReadScope, all = false) {
    const grain = GRAINS[q.groupBy];
    // The finest grain is the table's own key: rows are read as they are, without grouping.
    const grouped = q.groupBy !== 'institution-dataset-day';
    const agg = (col: string) => (grouped ? `sum(m.${col})` : `m.${col}`);
    const p = new SqlParams();
    const where = rollupWhere(p, range, scope, q, 'm', grain.dataset);
    const select = [
      grain.institution ? 'i.id as institution_id, i.name as institution_name, i.code as institution_code, i.region_code' : grain.region ? 'i.region_code' : null,
      grain.dataset ? 'm.dataset' : null,
      grain.day ? 'm.day::text as day' : null,
      sumsSql(grouped),
      // Ungrouped, a window count would read every row of the range: it is counted apart.
      grouped ? 'count(*) over () as total' : null,
    ].filter(Boolean);
    const sorts: Record<string, string | null> = {
      day: grain.day ? 'm.day' : null,
      institution: grain.institution ? 'i.name' : null,
      dataset: grain.dataset ? 'm.dataset' : null,
      region: grain.region ? 'i.region_code' : null,
      records: agg('records'),
      passRate: `${agg('passed')}::float8 / nullif(${agg('records')}, 0)`,
      ...Object.fromEntries(DIMENSIONS.map((d) => [d, `${agg(`${d}_num`)}::float8 / nullif(${agg(`${d}_den`)}, 0)`])),
    };
    const sortKey = q.sort && sorts[q.sort] ? q.sort : grain.day ? 'day' : 'passRate';
    const order = q.order ?? (sortKey === 'day' ? 'desc' : 'asc');
    // Ungrouped rows follow the (day desc, institution, data set) index.
    const tiebreak = grouped ? (grain.cols.length ? `, ${grain.cols.join(', ')}` : '') : `, m.institution_id, m.dataset`;
    const limit = all ? CSV_MAX_ROWS : q.pageSize;
    const offset = all ? 0 : (q.page - 1) * q.pageSize;
    const whereValues = [...p.values];
    const filtered = `from monitoring_daily_rollups m join institutions i on i.id = m.institution_id
        where ${where}${grouped ? '' : ' and m.records > 0'}`;
    const [res, counted] = await Promise.all([
      pg.query<Record<string, unknown>>(
        `select ${select.join(',\n ')}
           ${filtered}
          ${grouped && grain.cols.length ? `group by ${grain.cols.join(', ')}` : ''}
          ${grouped ? 'having sum(m.records) > 0' : ''}
          order by ${sorts[sortKey]} ${order}${sortKey === 'day' ? '' : ' nulls last'}${tiebreak}
          limit ${p.add(limit)} offset ${p.add(offset)}`,
        p.values,
      ),
      // Capped: an exact count of a whole region's finest grain would read every row of the range.
      grouped || all ? Promise.resolve(null) : pg.query<{ n: string }>(`select count(*) as n from (select 1 ${filtered} limit ${QUALITY_SCORE_COUNT_CAP + 1}) t`, whereValues),
    ]);
    const city = q.groupBy === 'city' ? await regions.city() : null;
    const items: QualityScoreRow[] = [];
    for (const r of res.rows) {
      const region = (r.region_code as string | undefined) ?? null;
      items.push({
        institutionId: (r.institution_id as string | undefined) ?? null,
        institutionName: (r.institution_name as string | undefined) ?? null,
        institutionCode: (r.institution_code as string | undefined) ?? null,
        regionCode: region ?? city?.code ?? null,
        regionName: region ? await regions.name(region) : (city?.name ?? null),
        dataset: (r.dataset as string | undefined) ?? null,
        day: (r.day as string | undefined) ?? null,
        ...scoresOf(sumsFromRow(r)),
      });
    }
    const exact = counted ? Number(counted.rows[0]?.n ?? 0) : grouped ? Number(res.rows[0]?.total ?? 0) : items.length;
    const totalCapped = exact > QUALITY_SCORE_COUNT_CAP;
    return {
      items,
      total: totalCapped ? QUALITY_SCORE_COUNT_CAP : exact,
      totalCapped,
      page: all ? 1 : q.page,
      pageSize: all ? items.length : q.pageSize,
      from: range.from,
      to: range.to,
      groupBy: q.groupBy,
    };
  }

  /** Per county and for the city, against the plan target. */
  async function summary(q: { dataset?: string | undefined }, range: DayRange, scope: ReadScope): Promise<QualitySummary> {
    const p = new SqlParams();
    const where = rollupWhere(p, range, scope, { dataset: q.dataset });
    const res = await pg.query<Record<string, unknown> & { region_code: string; institutions: number }>(
      `select i.region_code, count(distinct m.institution_id) filter (where m.records > 0)::int as institutions, ${SUMS_SQL}
         from monitoring_daily_rollups m join institutions i on i.id = m.institution_id
        where ${where}
        group by i.region_code`,
      p.values,
    );
    const by = new Map(res.rows.map((r) => [r.region_code, r]));
    const known = scope.regionCode || scope.institutionId ? [] : (await regions.counties()).map((c) => c.code);
    const codes = [...new Set([...known, ...res.rows.map((r) => r.region_code)])].sort();
    let total = EMPTY_SUMS;
    let institutions = 0;
    const withTarget = (s: ReturnType<typeof scoresOf>) => ({ ...s, meetsTarget: s.passRate === null ? null : s.passRate >= TARGET_PASS_RATE });
    const counties = [];
    for (const code of codes) {
      const r = by.get(code);
      const sums = r ? sumsFromRow(r) : EMPTY_SUMS;
      total = addSums(total, sums);
      institutions += r?.institutions ?? 0;
      counties.push({ code, name: await regions.name(code), level: 'county' as const, institutions: r?.institutions ?? 0, ...withTarget(scoresOf(sums)) });
    }
    const city = await regions.city();
    return {
      from: range.from,
      to: range.to,
      targetPassRate: TARGET_PASS_RATE,
      city: { code: city.code, name: city.name, level: 'city', institutions, ...withTarget(scoresOf(total)) },
      counties,
    };
  }

  /** Drill-down from a score: the rules that failed in the scope, most records first (quality_rule_daily_rollups). */
  async function failingRules(
    q: { regionCode?: string | undefined; institutionId?: string | undefined; dataset?: string | undefined; dimension?: string | undefined; severity?: string | undefined },
    range: DayRange,
    scope: ReadScope,
  ): Promise<FailingRules> {
    const p = new SqlParams();
    let where = rollupWhere(p, range, scope, q, 'r');
    if (q.dimension) where += ` and r.dimension = ${p.add(q.dimension)}::quality_dimension`;
    if (q.severity) where += ` and r.severity = ${p.add(q.severity)}::severity`;
    const pd = new SqlParams();
    const [rows, denom] = await Promise.all([
      pg.query<{ rule_code: string; dimension: QualityDimension; severity: 'error' | 'warning' | 'info'; findings: string; records: string }>(
        `select r.rule_code, max(r.dimension)::text as dimension, max(r.severity)::text as severity, sum(r.findings) as findings, sum(r.records) as records
           from quality_rule_daily_rollups r join institutions i on i.id = r.institution_id
          where ${where}
          group by r.rule_code
          order by sum(r.records) desc, sum(r.findings) desc, r.rule_code`,
        p.values,
      ),
      pg.query<{ records: string | null }>(
        `select sum(m.records) as records from monitoring_daily_rollups m join institutions i on i.id = m.institution_id
          where ${rollupWhere(pd, range, scope, q)}`,
        pd.values,
      ),
    ]);
    const records = Number(denom.rows[0]?.records ?? 0);
    return {
      from: range.from,
      to: range.to,
      records,
      items: rows.rows.map((r) => ({
        ruleCode: r.rule_code,
        dimension: r.dimension,
        severity: r.severity,
        title: ruleByCode(r.rule_code)?.title ?? null,
        findings: Number(r.findings),
        records: Number(r.records),
        recordShare: toPercent(ratio(Number(r.records), records)),
      })),
    };
  }

  function findingWhere(p: SqlParams, q: Omit<FindingListQuery, 'page' | 'pageSize' | 'order' | 'format'>, range: DayRange, scope: ReadScope) {
    const where = [`f.day between ${p.add(range.from)}::date and ${p.add(range.to)}::date`];
    const add = (cond: string, v: unknown) => {
      if (v !== undefined && v !== null && v !== '') where.push(cond.replace('?', p.add(v)));
    };
    add('f.institution_id = ?::uuid', scope.institutionId);
    add('f.institution_id = ?::uuid', q.institutionId);
    if (scope.regionCode || q.regionCode) {
      const codes = [scope.regionCode, q.regionCode].filter(Boolean);
      for (const c of codes) where.push(`f.institution_id in (select id from institutions where region_code = ${p.add(c)})`);
    }
    add('f.dataset = ?', q.dataset);
    if (q.rule) add('f.rule_code = any(?::text[])', q.rule.split(',').map((s) => s.trim()).filter(Boolean));
    add('f.dimension = ?::quality_dimension', q.dimension);
    add('f.severity = ?::severity', q.severity);
    add('f.batch_id = ?::uuid', q.batchId);
    add('f.source_id = ?', q.sourceId);
    return where.join(' and ');
  }

  /** Findings, newest day first; no personal data (findings carry the element path, never the value). */
  async function findings(q: FindingListQuery, range: DayRange, scope: ReadScope, all = false) {
    const p = new SqlParams();
    const where = findingWhere(p, q, range, scope);
    const whereValues = [...p.values];
    const dir = q.order === 'asc' ? 'asc' : 'desc';
    const limit = all ? CSV_MAX_ROWS : q.pageSize;
    const offset = all ? 0 : (q.page - 1) * q.pageSize;
    const [rows, count] = await Promise.all([
      pg.query<{
        id: string; institution_id: string; institution_name: string | null; dataset: string; source_id: string | null; batch_id: string | null; record_index: number | null;
        rule_code: string; dimension: QualityDimension; severity: 'error' | 'warning' | 'info'; path: string | null; day: string; created_at: Date;
      }>(
        `select f.id::text, f.institution_id, i.name as institution_name, f.dataset, f.source_id, f.batch_id, f.record_index, f.rule_code,
                f.dimension::text as dimension, f.severity::text as severity, f.path, f.day::text as day, f.created_at
           from quality_findings f left join institutions i on i.id = f.institution_id
          where ${where}
          order by f.day ${dir}, f.id ${dir}
          limit ${p.add(limit)} offset ${p.add(offset)}`,
        p.values,
      ),
      all ? Promise.resolve(null) : pg.query<{ n: string }>(`select count(*) as n from quality_findings f where ${where}`, whereValues),
    ]);
    const items: Finding[] = rows.rows.map((r) => ({
      id: r.id,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      dataset: r.dataset,
      sourceId: r.source_id,
      batchId: r.batch_id,
      recordIndex: r.record_index,
      ruleCode: r.rule_code,
      dimension: r.dimension,
      severity: r.severity,
      path: r.path,
      day: r.day,
      createdAt: r.created_at.toISOString(),
      title: ruleByCode(r.rule_code)?.title ?? null,
    }));
    return { items, total: count ? Number(count.rows[0]?.n ?? 0) : items.length, page: all ? 1 : q.page, pageSize: all ? items.length : q.pageSize, from: range.from, to: range.to };
  }

  /**
   * Drill-down to records: the records of one institution and data set with
   * findings matching the filters, each with all its findings, the value at
   * each finding's element (personal values masked), the masked patient and
   * its outcome. Reading it is audited (one entry per page read).
   */
  async function failingRecords(q: FailingRecordsQuery, range: DayRange, scope: ReadScope, actor: Actor) {
    const p = new SqlParams();
    const where = findingWhere(p, { institutionId: q.institutionId, dataset: q.dataset, rule: q.rule, dimension: q.dimension, severity: q.severity }, range, scope);
    const page = await pg.query<{ batch_id: string; record_index: number; source_id: string | null; day: string; total: string }>(
      `select f.batch_id, f.record_index, max(f.source_id) as source_id, max(f.day)::text as day, count(*) over () as total
         from quality_findings f
        where ${where} and f.batch_id is not null and f.record_index is not null
        group by f.batch_id, f.record_index
        order by max(f.day) desc, f.batch_id, f.record_index
        limit ${p.add(q.pageSize)} offset ${p.add((q.page - 1) * q.pageSize)}`,
      p.values,
    );
    const keys = page.rows.map((r) => ({ batch_id: r.batch_id, record_index: r.record_index }));
    const batches = keys.map((k) => k.batch_id);
    const indexes = keys.map((k) => k.record_index);
    const sourceIds = page.rows.map((r) => r.source_id).filter((s): s is string => !!s);
    const [all, raws, outcomes, links, dupes] = keys.length
      ? await Promise.all([
          pg.query<{ batch_id: string; record_index: number; rule_code: string; dimension: QualityDimension; severity: 'error' | 'warning' | 'info'; path: string | null }>(
            `select f.batch_id, f.record_index, f.rule_code, f.dimension::text as dimension, f.severity::text as severity, f.path
               from quality_findings f join unnest($1::uuid[], $2::int[]) as k(batch_id, record_index) on k.batch_id = f.batch_id and k.record_index = f.record_index
              where f.institution_id = $3
              order by f.id`,
            [batches, indexes, q.institutionId],
          ),
          pg.query<{ batch_id: string; record_index: number; rec: unknown }>(
            `select k.batch_id, k.record_index, i.payload -> k.record_index as rec
               from unnest($1::uuid[], $2::int[]) as k(batch_id, record_index) join ingest_inbox i on i.batch_id = k.batch_id`,
            [batches, indexes],
          ),
          pg.query<{ batch_id: string; index: number; status: string }>(
            `select o.batch_id, o.index, o.status::text from record_outcomes o join unnest($1::uuid[], $2::int[]) as k(batch_id, record_index) on k.batch_id = o.batch_id and k.record_index = o.index`,
            [batches, indexes],
          ),
          // The stored record's master person (persons: their person link); DATASET_TABLE names only known tables.
          DATASET_TABLE[q.dataset]
            ? pg.query<{ source_id: string; master_person_id: string | null }>(
                DATASET_TABLE[q.dataset] === 'person_links'
                  ? `select source_id, master_person_id::text from person_links where institution_id = $1 and dataset = 'persons' and source_id = any($2::text[])`
                  : `select source_id, master_person_id::text from ${DATASET_TABLE[q.dataset]} where institution_id = $1 and source_id = any($2::text[])`,
                [q.institutionId, sourceIds],
              )
            : Promise.resolve({ rows: [] as { source_id: string; master_person_id: string | null }[] }),
          pg.query<{ source_id: string; original_institution_id: string; original_source_id: string; kind: string }>(
            `select source_id, original_institution_id, original_source_id, kind from record_duplicates where institution_id = $1 and dataset = $2 and source_id = any($3::text[])`,
            [q.institutionId, q.dataset, sourceIds],
          ),
        ])
      : [{ rows: [] }, { rows: [] }, { rows: [] }, { rows: [] }, { rows: [] }];
    const k = (b: string, i: number) => `${b}|${i}`;
    const rawBy = new Map(raws.rows.map((r) => [k(r.batch_id, r.record_index), r.rec]));
    const outcomeBy = new Map(outcomes.rows.map((r) => [k(r.batch_id, r.index), r.status]));
    const linkBy = new Map(links.rows.map((r) => [r.source_id, r.master_person_id]));
    const dupBy = new Map(dupes.rows.map((r) => [r.source_id, r]));
    const meta = INGEST_DATASET_META[q.dataset as Dataset];
    const items: FailingRecord[] = page.rows.map((r) => {
      const raw = opened(rawBy.get(k(r.batch_id, r.record_index)));
      const eventPath = meta.eventTimePath;
      const event = eventPath ? valueAtPath(raw, eventPath) : undefined;
      const dup = r.source_id ? dupBy.get(r.source_id) : undefined;
      const outcome = outcomeBy.get(k(r.batch_id, r.record_index));
      return {
        batchId: r.batch_id,
        recordIndex: r.record_index,
        sourceId: r.source_id,
        day: r.day,
        outcome: outcome ?? (q.dataset === 'facility-resources' ? 'stored' : 'linked'),
        masterPersonId: outcome === 'rejected' ? null : ((r.source_id && linkBy.get(r.source_id)) ?? null),
        eventTime: typeof event === 'string' ? event : null,
        patient: maskedPatient(raw, meta.personPath),
        findings: all.rows
          .filter((f) => f.batch_id === r.batch_id && f.record_index === r.record_index)
          .map((f) => ({
            ruleCode: f.rule_code,
            dimension: f.dimension,
            severity: f.severity,
            path: f.path,
            title: ruleByCode(f.rule_code)?.title ?? null,
            value: displayValue(f.path, valueAtPath(raw, f.path)),
          })),
        duplicateOf: dup ? { institutionId: dup.original_institution_id, sourceId: dup.original_source_id, kind: dup.kind } : null,
      };
    });
    await audit.append({
      actorType: actor.actorType,
      actorId: actor.actorId,
      action: 'quality.records.read',
      resourceType: 'quality_records',
      resourceId: `${q.institutionId}:${q.dataset}`,
      purpose: 'quality_review',
      ip: actor.ip,
      details: {
        from: range.from,
        to: range.to,
        rule: q.rule ?? null,
        dimension: q.dimension ?? null,
        severity: q.severity ?? null,
        page: q.page,
        records: items.length,
        sourceIds: items.map((i) => i.sourceId).slice(0, 500),
        masterPersonIds: [...new Set(items.map((i) => i.masterPersonId).filter(Boolean))].slice(0, 500),
      },
    });
    return { items, total: Number(page.rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize, from: range.from, to: range.to };
  }

  async function duplicates(
    q: { page: number; pageSize: number; institutionId?: string | undefined; regionCode?: string | undefined; dataset?: string | undefined; crossInstitution?: boolean | undefined },
    range: DayRange,
    scope: ReadScope,
    all = false,
  ) {
    const p = new SqlParams();
    const where = [`d.day between ${p.add(range.from)}::date and ${p.add(range.to)}::date`];
    const add = (cond: string, v: unknown) => {
      if (v !== undefined && v !== null) where.push(cond.replace('?', p.add(v)));
    };
    add('d.institution_id = ?::uuid', scope.institutionId);
    add('d.institution_id = ?::uuid', q.institutionId);
    add('i.region_code = ?', scope.regionCode);
    add('i.region_code = ?', q.regionCode);
    add('d.dataset = ?', q.dataset);
    if (q.crossInstitution !== undefined) where.push(q.crossInstitution ? 'd.original_institution_id <> d.institution_id' : 'd.original_institution_id = d.institution_id');
    const res = await pg.query<{
      institution_id: string; institution_name: string | null; dataset: string; source_id: string; kind: string; original_institution_id: string;
      original_name: string | null; original_source_id: string; day: string; detected_at: Date; total: string;
    }>(
      `select d.institution_id, i.name as institution_name, d.dataset, d.source_id, d.kind, d.original_institution_id, o.name as original_name,
              d.original_source_id, d.day::text as day, d.detected_at, count(*) over () as total
         from record_duplicates d join institutions i on i.id = d.institution_id left join institutions o on o.id = d.original_institution_id
        where ${where.join(' and ')}
        order by d.day desc, d.detected_at desc, d.source_id
        limit ${p.add(all ? CSV_MAX_ROWS : q.pageSize)} offset ${p.add(all ? 0 : (q.page - 1) * q.pageSize)}`,
      p.values,
    );
    return {
      items: res.rows.map((r) => ({
        institutionId: r.institution_id,
        institutionName: r.institution_name,
        dataset: r.dataset,
        sourceId: r.source_id,
        kind: r.kind,
        originalInstitutionId: r.original_institution_id,
        originalInstitutionName: r.original_name,
        originalSourceId: r.original_source_id,
        day: r.day,
        detectedAt: iso(r.detected_at) as string,
      })),
      total: Number(res.rows[0]?.total ?? 0),
      page: all ? 1 : q.page,
      pageSize: all ? res.rows.length : q.pageSize,
      from: range.from,
      to: range.to,
    };
  }

  return { rules, scores, summary, failingRules, findings, failingRecords, duplicates };
}

export type QualityService = ReturnType<typeof createQualityService>;
