import type {
  AnomalyListQuery, DailyVolume, DatasetStatus, InstitutionStatusDetail, InstitutionStatusItem, InstitutionStatusListQuery, InterconnectionStatus,
  InterconnectionSummary, RegionInterconnection, VolumeAnomaly, VolumeTotals,
} from '@rhip/contracts';
import type { PgPool } from '@rhip/db';
import { toPercent } from '@rhip/domain';
import { CSV_MAX_ROWS } from '../../lib/csv';
import { NotFoundError } from '../../lib/errors';
import type { ReadScope } from '../../lib/scope';
import { eachDay, type DayRange } from './day-range';
import type { RegionDirectory } from './region-directory';
import { SqlParams, iso, ratio } from './sql-params';

const STATUS_RANK: Record<InterconnectionStatus, number> = { online: 0, delayed: 1, silent: 2, never: 3 };

/**
 * Overall status of an institution: the worst over its expected data sets
 * (a data set never received counts as silent once the institution has sent
 * anything), or over what it sends when it has no expected data set; never
 * when nothing has arrived at all.
 */
const OVERALL_STATUS_SQL = `case
  when not coalesce(st.any_received, false) then 'never'
  when st.has_expected then case when st.exp_silent then 'silent' when st.exp_delayed then 'delayed' else 'online' end
  else case when st.any_silent then 'silent' when st.any_delayed then 'delayed' else 'online' end
end`;

/** Status counts per institution from institution_dataset_status (kept by the worker); `ds` picks one data set's status. */
function statusCte(ds: string) {
  return `st as (
    select s.institution_id,
           bool_or(s.last_received_at is not null) as connected,
           max(s.last_received_at) as last_received_at,
           count(*) filter (where s.expected)::int as expected_n,
           count(*) filter (where s.expected and s.status = 'online')::int as online_n,
           count(*) filter (where s.expected and s.status = 'delayed')::int as delayed_n,
           count(*) filter (where s.expected and s.status = 'silent')::int as silent_n,
           count(*) filter (where s.expected and s.status = 'never')::int as never_n,
           bool_or(s.expected) as has_expected,
           bool_or(s.status <> 'never') as any_received,
           bool_or(s.expected and s.status in ('silent', 'never')) as exp_silent,
           bool_or(s.expected and s.status = 'delayed') as exp_delayed,
           bool_or(s.status = 'silent') as any_silent,
           bool_or(s.status = 'delayed') as any_delayed,
           max(s.status::text) filter (where s.dataset = ${ds}) as ds_status
      from institution_dataset_status s
     group by s.institution_id
  )`;
}

/** The data sets of one institution (alias y) with their status, built only for the rows of a page. */
const DATASETS_SQL = `(select coalesce(jsonb_agg(jsonb_build_object(
    'dataset', s.dataset, 'expected', s.expected, 'status', s.status, 'lastReceivedAt', s.last_received_at,
    'statusSince', s.status_since, 'cadenceHours', s.cadence_hours, 'timelinessHours', d.timeliness_hours)
    order by s.expected desc, s.dataset), '[]'::jsonb)
   from institution_dataset_status s
   left join institution_datasets d on d.institution_id = s.institution_id and d.dataset = s.dataset
  where s.institution_id = y.id)`;

interface ListRow {
  id: string;
  code: string;
  name: string;
  level: string;
  type: string;
  ownership: 'public' | 'private';
  region_code: string;
  status: InterconnectionStatus;
  connected: boolean;
  last_received_at: Date | null;
  expected_n: number;
  online_n: number;
  datasets: { dataset: string; expected: boolean; status: InterconnectionStatus; lastReceivedAt: string | null; statusSince: string | null; cadenceHours: number; timelinessHours: number | null }[];
  received: string;
  accepted: string;
  rejected: string;
  within: string;
  total: string;
}

export function volumeTotals(received: number, accepted: number, rejected: number, within: number): VolumeTotals {
  return {
    received,
    accepted,
    rejected,
    rejectionRate: toPercent(ratio(rejected, received)),
    withinTimeliness: within,
    timeliness: toPercent(ratio(within, received)),
  };
}

const SORTS: Record<InstitutionStatusListQuery['sort'], string> = {
  name: 'x.name',
  code: 'x.code',
  region: 'x.region_code',
  status: `case x.status when 'online' then 0 when 'delayed' then 1 when 'silent' then 2 else 3 end`,
  lastReceivedAt: 'x.last_received_at',
  received: 'x.received',
  rejectionRate: 'x.rejection_share',
  timeliness: 'x.timeliness_share',
};

export function createInterconnectionService(deps: { pg: PgPool; regions: RegionDirectory }) {
  const { pg, regions } = deps;

  async function toItem(r: ListRow): Promise<InstitutionStatusItem> {
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      level: r.level,
      type: r.type,
      ownership: r.ownership,
      regionCode: r.region_code,
      regionName: await regions.name(r.region_code),
      status: r.status,
      connected: r.connected,
      lastReceivedAt: iso(r.last_received_at),
      expectedDatasets: r.expected_n,
      onlineDatasets: r.online_n,
      datasets: (r.datasets ?? []).map(
        (d): DatasetStatus => ({
          dataset: d.dataset,
          expected: d.expected,
          status: d.status,
          lastReceivedAt: iso(d.lastReceivedAt),
          statusSince: iso(d.statusSince),
          cadenceHours: d.cadenceHours,
          timelinessHours: d.timelinessHours,
        }),
      ),
      ...volumeTotals(Number(r.received), Number(r.accepted), Number(r.rejected), Number(r.within)),
    };
  }

  /** Institutions with their status and volumes over the range; filtered, sorted and paged in SQL. */
  async function query(
    q: Omit<InstitutionStatusListQuery, 'from' | 'to' | 'format'> & { id?: string },
    range: DayRange,
    scope: ReadScope,
    paging: { limit: number; offset: number },
  ): Promise<{ rows: ListRow[]; total: number }> {
    const p = new SqlParams();
    const ds = p.add(q.dataset ?? null);
    const from = p.add(range.from);
    const to = p.add(range.to);
    const where = ['i.active'];
    const filter = (cond: string, v: unknown) => {
      if (v !== undefined && v !== null) where.push(cond.replace('?', p.add(v)));
    };
    filter('i.region_code = ?', scope.regionCode);
    filter('i.id = ?::uuid', scope.institutionId);
    filter('i.id = ?::uuid', q.id);
    filter('i.region_code = ?', q.regionCode);
    filter('i.level = ?', q.level);
    filter('i.type = ?', q.type);
    filter('i.ownership = ?::ownership', q.ownership);
    if (q.q) {
      const like = p.add(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(i.name like ${like} or i.code like upper(${like}))`);
    }
    if (q.dataset) {
      where.push(`(exists (select 1 from institution_dataset_status s where s.institution_id = i.id and s.dataset = ${ds})
                 or exists (select 1 from institution_datasets d where d.institution_id = i.id and d.dataset = ${ds} and d.active))`);
    }
    const outer: string[] = [];
    if (q.status) outer.push(`x.status = ${p.add(q.status)}`);
    if (q.connected !== undefined) outer.push(`x.connected = ${p.add(q.connected)}`);
    const dir = q.order === 'desc' ? 'desc' : 'asc';
    const sql = `
      with ${statusCte(`${ds}::text`)},
      vol as (
        select m.institution_id, sum(m.received) as received, sum(m.accepted) as accepted, sum(m.rejected) as rejected, sum(m.within_timeliness) as within
          from monitoring_daily_rollups m
         where m.day between ${from}::date and ${to}::date and m.dataset = coalesce(${ds}::text, '*')
         group by m.institution_id
      )
      select y.*, ${DATASETS_SQL} as datasets from (
        select x.*, count(*) over () as total, row_number() over (order by ${SORTS[q.sort]} ${dir} nulls last, x.name, x.id) as ord from (
          select i.id, i.code, i.name, i.level, i.type, i.ownership::text as ownership, i.region_code,
                 case when ${ds}::text is not null then coalesce(st.ds_status, 'never') else ${OVERALL_STATUS_SQL} end as status,
                 coalesce(st.connected, false) as connected, st.last_received_at,
                 coalesce(st.expected_n, 0) as expected_n, coalesce(st.online_n, 0) as online_n,
                 coalesce(v.received, 0) as received, coalesce(v.accepted, 0) as accepted, coalesce(v.rejected, 0) as rejected, coalesce(v.within, 0) as within,
                 case when v.received > 0 then v.rejected::float8 / v.received end as rejection_share,
                 case when v.received > 0 then v.within::float8 / v.received end as timeliness_share
            from institutions i
            left join st on st.institution_id = i.id
            left join vol v on v.institution_id = i.id
           where ${where.join(' and ')}
        ) x
        ${outer.length ? `where ${outer.join(' and ')}` : ''}
        order by ord
        limit ${p.add(paging.limit)} offset ${p.add(paging.offset)}
      ) y
      order by y.ord`;
    const res = await pg.query<ListRow>(sql, p.values);
    return { rows: res.rows, total: Number(res.rows[0]?.total ?? 0) };
  }

  async function list(q: InstitutionStatusListQuery, range: DayRange, scope: ReadScope, all = false) {
    const paging = all ? { limit: CSV_MAX_ROWS, offset: 0 } : { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
    const { rows, total } = await query(q, range, scope, paging);
    return { items: await Promise.all(rows.map(toItem)), total, page: all ? 1 : q.page, pageSize: all ? rows.length : q.pageSize, from: range.from, to: range.to };
  }

  async function anomaliesOf(institutionId: string, range: DayRange, dataset?: string): Promise<VolumeAnomaly[]> {
    const page = await anomalies({ page: 1, pageSize: 500, institutionId, dataset: dataset as AnomalyListQuery['dataset'], sort: 'day', order: 'desc', format: 'json' }, range, { regionCode: null, institutionId: null });
    return page.items;
  }

  async function detail(id: string, q: { dataset?: string | undefined }, range: DayRange, scope: ReadScope): Promise<InstitutionStatusDetail> {
    const { rows } = await query({ id, page: 1, pageSize: 1, sort: 'name', order: 'asc' }, range, scope, { limit: 1, offset: 0 });
    const row = rows[0];
    if (!row) throw new NotFoundError('Institution');
    const item = await toItem(row);
    const series = await pg.query<{
      dataset: string; day: string; received: number; accepted: number; rejected: number; within_timeliness: number;
      delay_p50_seconds: number | null; delay_p90_seconds: number | null; last_received_at: Date | null;
    }>(
      `select dataset, day::text as day, received, accepted, rejected, within_timeliness, delay_p50_seconds, delay_p90_seconds, last_received_at
         from ingest_daily_rollups
        where institution_id = $1 and day between $2::date and $3::date and ($4::text is null or dataset = $4)
        order by dataset, day`,
      [id, range.from, range.to, q.dataset ?? null],
    );
    const days = eachDay(range);
    const datasets = [...new Set([...item.datasets.map((d) => d.dataset), ...series.rows.map((r) => r.dataset)])].filter((d) => !q.dataset || d === q.dataset).sort();
    const by = new Map(series.rows.map((r) => [`${r.dataset}|${r.day}`, r]));
    const empty = (day: string): DailyVolume => ({ day, ...volumeTotals(0, 0, 0, 0), delayP50Seconds: null, delayP90Seconds: null, lastReceivedAt: null });
    const totals = new Map(days.map((d) => [d, { received: 0, accepted: 0, rejected: 0, within: 0 }]));
    const out = datasets.map((dataset) => ({
      dataset,
      days: days.map((day): DailyVolume => {
        const r = by.get(`${dataset}|${day}`);
        if (!r) return empty(day);
        const t = totals.get(day)!;
        t.received += r.received;
        t.accepted += r.accepted;
        t.rejected += r.rejected;
        t.within += r.within_timeliness;
        return {
          day,
          ...volumeTotals(r.received, r.accepted, r.rejected, r.within_timeliness),
          delayP50Seconds: r.delay_p50_seconds,
          delayP90Seconds: r.delay_p90_seconds,
          lastReceivedAt: iso(r.last_received_at),
        };
      }),
    }));
    return {
      ...item,
      from: range.from,
      to: range.to,
      series: out,
      totals: days.map((day) => {
        const t = totals.get(day)!;
        return { day, ...volumeTotals(t.received, t.accepted, t.rejected, t.within) };
      }),
      anomalies: await anomaliesOf(id, range, q.dataset),
    };
  }

  /** County rollups and the city: connected share of public institutions, online share, timeliness. */
  async function summary(range: DayRange, scope: ReadScope): Promise<InterconnectionSummary> {
    const scoped = (p: SqlParams) => {
      const where = ['i.active'];
      if (scope.regionCode) where.push(`i.region_code = ${p.add(scope.regionCode)}`);
      if (scope.institutionId) where.push(`i.id = ${p.add(scope.institutionId)}::uuid`);
      return where.join(' and ');
    };
    const pi = new SqlParams();
    const pv = new SqlParams();
    const pa = new SqlParams();
    const [inst, vol, anomalies, computed] = await Promise.all([
      pg.query<{ region_code: string; institutions: number; connected: number; public: number; connected_public: number; expected: string; online: string; delayed: string; silent: string; never: string }>(
        `with ${statusCte('null::text')}
         select i.region_code, count(*)::int as institutions,
                count(*) filter (where st.connected)::int as connected,
                count(*) filter (where i.ownership = 'public')::int as public,
                count(*) filter (where i.ownership = 'public' and st.connected)::int as connected_public,
                coalesce(sum(st.expected_n), 0) as expected, coalesce(sum(st.online_n), 0) as online, coalesce(sum(st.delayed_n), 0) as delayed,
                coalesce(sum(st.silent_n), 0) as silent, coalesce(sum(st.never_n), 0) as never
           from institutions i left join st on st.institution_id = i.id
          where ${scoped(pi)}
          group by i.region_code`,
        pi.values,
      ),
      pg.query<{ region_code: string; received: string; accepted: string; rejected: string; within: string }>(
        `select i.region_code, sum(m.received) as received, sum(m.accepted) as accepted, sum(m.rejected) as rejected, sum(m.within_timeliness) as within
           from monitoring_daily_rollups m join institutions i on i.id = m.institution_id
          where m.dataset = '*' and m.day between ${pv.add(range.from)}::date and ${pv.add(range.to)}::date and ${scoped(pv)}
          group by i.region_code`,
        pv.values,
      ),
      pg.query<{ region_code: string; n: number }>(
        `select i.region_code, count(*)::int as n from volume_anomalies v join institutions i on i.id = v.institution_id
          where v.day between ${pa.add(range.from)}::date and ${pa.add(range.to)}::date and ${scoped(pa)} group by i.region_code`,
        pa.values,
      ),
      pg.query<{ at: Date | null }>(`select max(computed_at) as at from institution_dataset_status`),
    ]);
    const volBy = new Map(vol.rows.map((r) => [r.region_code, r]));
    const anomBy = new Map(anomalies.rows.map((r) => [r.region_code, r.n]));
    const instBy = new Map(inst.rows.map((r) => [r.region_code, r]));
    const city = await regions.city();
    const known = scope.regionCode || scope.institutionId ? [] : (await regions.counties()).map((c) => c.code);
    const codes = [...new Set([...known, ...inst.rows.map((r) => r.region_code)])].sort();
    type Sums = { institutions: number; connected: number; public: number; connectedPublic: number; expected: number; online: number; delayed: number; silent: number; never: number; received: number; accepted: number; rejected: number; within: number; anomalies: number };
    const zero = (): Sums => ({ institutions: 0, connected: 0, public: 0, connectedPublic: 0, expected: 0, online: 0, delayed: 0, silent: 0, never: 0, received: 0, accepted: 0, rejected: 0, within: 0, anomalies: 0 });
    const sumsOf = (code: string): Sums => {
      const i = instBy.get(code);
      const v = volBy.get(code);
      return {
        institutions: i?.institutions ?? 0,
        connected: i?.connected ?? 0,
        public: i?.public ?? 0,
        connectedPublic: i?.connected_public ?? 0,
        expected: Number(i?.expected ?? 0),
        online: Number(i?.online ?? 0),
        delayed: Number(i?.delayed ?? 0),
        silent: Number(i?.silent ?? 0),
        never: Number(i?.never ?? 0),
        received: Number(v?.received ?? 0),
        accepted: Number(v?.accepted ?? 0),
        rejected: Number(v?.rejected ?? 0),
        within: Number(v?.within ?? 0),
        anomalies: anomBy.get(code) ?? 0,
      };
    };
    const toRegion = (code: string, name: string | null, level: 'city' | 'county', s: Sums): RegionInterconnection => ({
      code,
      name,
      level,
      institutions: s.institutions,
      connectedInstitutions: s.connected,
      publicInstitutions: s.public,
      connectedPublicInstitutions: s.connectedPublic,
      connectedPublicShare: toPercent(ratio(s.connectedPublic, s.public)),
      expectedDatasets: s.expected,
      online: s.online,
      delayed: s.delayed,
      silent: s.silent,
      never: s.never,
      onlineShare: toPercent(ratio(s.online, s.expected)),
      anomalies: s.anomalies,
      ...volumeTotals(s.received, s.accepted, s.rejected, s.within),
    });
    const total = zero();
    const counties: RegionInterconnection[] = [];
    for (const code of codes) {
      const s = sumsOf(code);
      for (const k of Object.keys(total) as (keyof Sums)[]) total[k] += s[k];
      counties.push(toRegion(code, await regions.name(code), 'county', s));
    }
    return { from: range.from, to: range.to, computedAt: iso(computed.rows[0]?.at), city: toRegion(city.code, city.name, 'city', total), counties };
  }

  async function anomalies(q: AnomalyListQuery, range: DayRange, scope: ReadScope, all = false) {
    const p = new SqlParams();
    const where = [`v.day between ${p.add(range.from)}::date and ${p.add(range.to)}::date`];
    const filter = (cond: string, v: unknown) => {
      if (v !== undefined && v !== null) where.push(cond.replace('?', p.add(v)));
    };
    filter('i.region_code = ?', scope.regionCode);
    filter('v.institution_id = ?::uuid', scope.institutionId);
    filter('i.region_code = ?', q.regionCode);
    filter('v.institution_id = ?::uuid', q.institutionId);
    filter('v.dataset = ?', q.dataset);
    filter('v.direction = ?', q.direction);
    filter('abs(v.z_score) >= ?', q.minAbsZ);
    const sort = { day: 'v.day', zScore: 'abs(v.z_score)', institution: 'i.name', dataset: 'v.dataset' }[q.sort];
    const limit = all ? CSV_MAX_ROWS : q.pageSize;
    const offset = all ? 0 : (q.page - 1) * q.pageSize;
    const res = await pg.query<{
      institution_id: string; name: string; code: string; region_code: string; dataset: string; day: string; count: number;
      baseline_median: number; baseline_mad: number; z_score: number; direction: 'drop' | 'spike'; detected_at: Date; total: string;
    }>(
      `select v.institution_id, i.name, i.code, i.region_code, v.dataset, v.day::text as day, v.count, v.baseline_median, v.baseline_mad, v.z_score,
              v.direction, v.detected_at, count(*) over () as total
         from volume_anomalies v join institutions i on i.id = v.institution_id
        where ${where.join(' and ')}
        order by ${sort} ${q.order === 'asc' ? 'asc' : 'desc'}, v.day desc, i.name, v.dataset
        limit ${p.add(limit)} offset ${p.add(offset)}`,
      p.values,
    );
    return {
      items: res.rows.map(
        (r): VolumeAnomaly => ({
          institutionId: r.institution_id,
          institutionName: r.name,
          institutionCode: r.code,
          regionCode: r.region_code,
          dataset: r.dataset,
          day: r.day,
          count: r.count,
          baselineMedian: r.baseline_median,
          baselineMad: r.baseline_mad,
          zScore: r.z_score,
          direction: r.direction,
          detectedAt: r.detected_at.toISOString(),
        }),
      ),
      total: Number(res.rows[0]?.total ?? 0),
      page: all ? 1 : q.page,
      pageSize: all ? res.rows.length : q.pageSize,
      from: range.from,
      to: range.to,
    };
  }

  return { list, detail, summary, anomalies, statusRank: STATUS_RANK };
}

export type InterconnectionService = ReturnType<typeof createInterconnectionService>;
