/**
 * KPI reads for the console: the registry, values by region / county /
 * institution / month, and the plan table with progress toward the 2025
 * targets. Computed values come from kpi_rollups; an entered value (the
 * latest entry for the same indicator, region, institution and period)
 * overrides the computed one, which stays visible beside it.
 */
import type { FastifyRequest } from 'fastify';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  chinaMonthOf, chinaYearOf, isKpiYear, kpiRedisKeys, monthsOfYear,
  type IndicatorDto, type KpiJobData, type KpiStatus, type KpiValue, type KpiValues, type KpiValuesQuery, type PlanRow, type PlanTable,
} from '@rhip/contracts';
import { INDICATORS, indicatorByCode, PLAN_INDICATORS, progressTowardTarget, SERVICE_INDICATORS, type Indicator } from '@rhip/domain';
import { ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors';
import { toIndicatorDto } from './indicator-registry';
import type { EntryRecord, KpiRepository, RollupRecord, RowSelector } from './kpi-repository';
import type { RegionResolver } from './regions';

export function createKpiService(deps: {
  repo: KpiRepository;
  regions: RegionResolver;
  queue: Queue<KpiJobData>;
  redis: Pick<Redis, 'zcard' | 'scard'>;
  queuePrefix: string;
}) {
  const { repo, regions } = deps;

  function registry(group?: 'plan' | 'service'): IndicatorDto[] {
    return INDICATORS.filter((i) => !group || i.group === group).map(toIndicatorDto);
  }

  function indicator(code: string): IndicatorDto {
    const i = indicatorByCode(code);
    if (!i) throw new NotFoundError(`Indicator ${code}`);
    return toIndicatorDto(i);
  }

  function selectIndicators(q: Pick<KpiValuesQuery, 'indicators' | 'group'>): Indicator[] {
    if (q.indicators) {
      const codes = [...new Set(q.indicators.split(',').map((c) => c.trim()).filter(Boolean))];
      const unknown = codes.filter((c) => !indicatorByCode(c));
      if (unknown.length) throw new ValidationError(`Unknown indicators: ${unknown.join(', ')}`, { unknown });
      return codes.map((c) => indicatorByCode(c)!);
    }
    return [...(q.group === 'plan' ? PLAN_INDICATORS : SERVICE_INDICATORS)];
  }

  /** Institutions are only reachable inside the caller's region. */
  async function institutionInScope(req: FastifyRequest, institutionId: string) {
    const inst = await repo.institution(institutionId);
    if (!inst) throw new NotFoundError('Institution');
    await regions.resolve(req, inst.regionCode.slice(0, 6)).catch(() => {
      throw new ForbiddenError('The institution is outside your county', 'OUT_OF_REGION');
    });
    return inst;
  }

  async function values(req: FastifyRequest, q: KpiValuesQuery): Promise<KpiValues> {
    const region = await regions.resolve(req, q.regionCode);
    const indicators = selectIndicators(q);
    const by = q.by;
    const period = q.period ?? (by === 'month' ? String(chinaYearOf()) : chinaMonthOf());
    if (by === 'month' && !isKpiYear(period)) throw new ValidationError('by=month needs a year period (YYYY)');
    const inst = q.institutionId ? await institutionInScope(req, q.institutionId) : null;
    if (inst && (by === 'county' || by === 'institution')) throw new ValidationError(`institutionId cannot be combined with by=${by}`);

    const periods = by === 'month' ? monthsOfYear(Number(period)) : [period];
    const chosen = by === 'institution' ? indicators.filter((i) => i.cuts.includes('institution')) : indicators;
    const selector: RowSelector = inst
      ? { kind: 'institution', institutionId: inst.id }
      : by === 'county' ? { kind: 'counties', region } : by === 'institution' ? { kind: 'institutions', region } : { kind: 'region', region };
    const codes = chosen.map((i) => i.code);
    const [rollups, entries] = await Promise.all([repo.rollups(codes, periods, selector), repo.latestEntries(codes, periods, selector)]);

    // One row per key with data; by=region and by=month also show indicators without any (value null).
    const keyOf = (code: string, r: string, i: string, p: string) => `${code}|${r}|${i}|${p}`;
    const keys = new Map<string, { code: string; region: string; institution: string; institutionName: string | null; period: string }>();
    const rollupBy = new Map<string, RollupRecord>();
    const entryBy = new Map<string, EntryRecord>();
    for (const r of rollups) {
      const k = keyOf(r.code, r.region, r.institution, r.period);
      rollupBy.set(k, r);
      keys.set(k, { code: r.code, region: r.region, institution: r.institution, institutionName: r.institutionName, period: r.period });
    }
    for (const e of entries) {
      const k = keyOf(e.code, e.region, e.institution ?? '', e.period);
      entryBy.set(k, e);
      if (!keys.has(k)) keys.set(k, { code: e.code, region: e.region, institution: e.institution ?? '', institutionName: e.institution === inst?.id ? (inst?.name ?? null) : null, period: e.period });
    }
    if (by === 'region' || by === 'month') {
      const r = inst ? inst.regionCode.slice(0, 6) : region;
      const present = new Set([...keys.values()].map((x) => `${x.code}|${x.period}`));
      for (const i of chosen) {
        for (const p of periods) {
          if (!present.has(`${i.code}|${p}`)) keys.set(keyOf(i.code, r, inst?.id ?? '', p), { code: i.code, region: r, institution: inst?.id ?? '', institutionName: inst?.name ?? null, period: p });
        }
      }
    }
    const names = await regions.names(new Set([...keys.values()].map((k) => k.region)));
    const order = new Map(chosen.map((i, n) => [i.code, n]));
    const rows = [...keys.entries()]
      .map(([k, key]) => toValue(indicatorByCode(key.code)!, key, names.get(key.region) ?? null, rollupBy.get(k), entryBy.get(k)))
      .sort((a, b) =>
        (order.get(a.indicatorCode) ?? 0) - (order.get(b.indicatorCode) ?? 0) ||
        compare(a.period, b.period) ||
        compare(a.regionCode, b.regionCode) ||
        BY_NAME.compare(a.institutionName ?? '', b.institutionName ?? ''),
      );
    return { period, by, regionCode: inst ? inst.regionCode.slice(0, 6) : region, regionName: await regions.name(region), institutionId: inst?.id ?? null, rows };
  }

  async function plan(req: FastifyRequest, q: { period?: string; regionCode?: string }): Promise<PlanTable> {
    const region = await regions.resolve(req, q.regionCode);
    const period = q.period ?? String(chinaYearOf());
    const v = await values(req, { period, regionCode: region, by: 'region', group: 'plan', format: 'json' });
    const byCode = new Map(v.rows.map((r) => [r.indicatorCode, r]));
    const rows: PlanRow[] = PLAN_INDICATORS.map((i) => {
      const r = byCode.get(i.code);
      const dto = toIndicatorDto(i);
      return {
        seq: i.seq ?? 0,
        code: i.code,
        nameZh: i.nameZh,
        nameEn: i.nameEn,
        unit: i.unit,
        attribute: i.attribute,
        direction: i.direction,
        indicatorSource: i.source,
        baseline: dto.baseline,
        baselineText: dto.baselineText,
        target: dto.target,
        targetText: dto.targetText,
        numerator: r?.numerator ?? null,
        denominator: r?.denominator ?? null,
        value: r?.value ?? null,
        source: r?.source ?? null,
        computed: r?.computed ?? null,
        entry: r?.entry ?? null,
        computedAt: r?.computedAt ?? null,
        progress: r?.value === null || r?.value === undefined ? null : progressTowardTarget(i, r.value),
      };
    });
    return { period, regionCode: region, regionName: v.regionName, rows };
  }

  async function status(): Promise<KpiStatus> {
    const keys = kpiRedisKeys(deps.queuePrefix);
    const [lastComputedAt, dirty, processing, counts, flush] = await Promise.all([
      repo.lastComputedAt(),
      deps.redis.zcard(keys.dirty).catch(() => 0),
      deps.redis.scard(keys.processing).catch(() => 0),
      deps.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized').catch(() => ({}) as Record<string, number>),
      deps.queue.getJob('kpi-flush').then((j) => (j ? j.getState() : null)).catch(() => null),
    ]);
    const jobs = Object.values(counts).reduce((s, n) => s + n, 0);
    const flushPending = flush === 'waiting' || flush === 'active' || flush === 'delayed' || flush === 'prioritized' ? 1 : 0;
    return { lastComputedAt, pendingScopes: dirty + processing, pendingJobs: Math.max(0, jobs - flushPending) };
  }

  async function recompute(period: string, requestId: string): Promise<{ period: string; jobId: string }> {
    const job = await deps.queue.add('recompute', { task: 'recompute', period, requestId }, { attempts: 3, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } });
    return { period, jobId: String(job.id) };
  }

  return { registry, indicator, values, plan, status, recompute, institutionInScope };
}

export type KpiService = ReturnType<typeof createKpiService>;

/** Institution names in pinyin order, as Chinese users expect a list. */
const BY_NAME = new Intl.Collator('zh-CN');
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toValue(
  ind: Indicator,
  key: { region: string; institution: string; institutionName: string | null; period: string },
  regionName: string | null,
  rollup: RollupRecord | undefined,
  entry: EntryRecord | undefined,
): KpiValue {
  const count = ind.denominator === null;
  const computed = rollup ? { numerator: rollup.numerator, denominator: count ? null : rollup.denominator, value: rollup.value } : null;
  const shown = entry ? { numerator: entry.numerator, denominator: entry.denominator, value: entry.value } : computed;
  return {
    indicatorCode: ind.code,
    nameZh: ind.nameZh,
    nameEn: ind.nameEn,
    unit: ind.unit,
    period: key.period,
    regionCode: key.region,
    regionName,
    institutionId: key.institution || null,
    institutionName: key.institution ? (rollup?.institutionName ?? key.institutionName) : null,
    numerator: shown?.numerator ?? null,
    denominator: shown?.denominator ?? null,
    value: shown?.value ?? null,
    source: entry ? 'entered' : computed ? 'computed' : null,
    // The computed value stays visible beside an entry that overrides it.
    computed: entry ? computed : null,
    entry: entry
      ? { id: entry.id, enteredBy: { id: entry.enteredBy, username: entry.username, displayName: entry.displayName }, enteredAt: entry.enteredAt, evidence: entry.evidence, note: entry.note }
      : null,
    computedAt: rollup?.computedAt ?? null,
  };
}
