import type { PgPoolClient } from '@rhip/db';
import type { Logger } from '@rhip/logger';
import { addDays, chinaDay } from '../interconnection/days';

/**
 * Alert rules (alert_rules) → notifications, one per occurrence of the
 * condition (dedupe_key), each with a pending webhook delivery when the rule
 * names a URL. Kinds:
 *   pass_rate_below  threshold = pass rate in percent, days = N: every one of
 *                    N consecutive days (ending today or yesterday) had records
 *                    and a pass rate (合格率) below the threshold. One
 *                    notification per institution (× data set when scoped)
 *                    and run of bad days.
 *   silent_cadences  threshold = N cadences: an expected data set that has
 *                    sent before has sent nothing for N × its cadence. One
 *                    notification per institution × data set and silence.
 * scope: { regionCode?, institutionId?, dataset? } narrows either kind.
 */
interface RuleRow {
  id: string;
  kind: string;
  name: string;
  threshold: string | null;
  days: number | null;
  scope: { regionCode?: string; institutionId?: string; dataset?: string } | null;
  webhook_url: string | null;
}

export interface NewNotification {
  dedupeKey: string;
  kind: string;
  institutionId: string;
  dataset: string | null;
  regionCode: string;
  title: string;
  message: string;
  details: Record<string, unknown>;
}

/** Days of quality rollups read to find where a run of bad days began. */
const STREAK_LOOKBACK_DAYS = 60;

export async function evaluateAlerts(client: PgPoolClient, log: Logger, opts: { now?: Date } = {}): Promise<{ rules: number; created: number }> {
  const now = opts.now ?? new Date();
  const rules = await client.query<RuleRow>(`select id, kind, name, threshold::text, days, scope, webhook_url from alert_rules where active order by created_at`);
  let created = 0;
  for (const rule of rules.rows) {
    const found =
      rule.kind === 'pass_rate_below' ? await passRateBelow(client, rule, now) : rule.kind === 'silent_cadences' ? await silentCadences(client, rule, now) : [];
    if (found.length) created += await insertNotifications(client, rule, found);
  }
  if (created) log.info({ created }, 'alerts: notifications created');
  return { rules: rules.rows.length, created };
}

function scopeOf(rule: RuleRow) {
  const s = rule.scope ?? {};
  return { regionCode: s.regionCode ?? null, institutionId: s.institutionId ?? null, dataset: s.dataset ?? null };
}

const pct = (passed: number, records: number) => Math.round((passed / records) * 1000) / 10;

async function passRateBelow(client: PgPoolClient, rule: RuleRow, now: Date): Promise<NewNotification[]> {
  const threshold = Number(rule.threshold);
  const n = Math.max(1, rule.days ?? 1);
  if (!Number.isFinite(threshold)) return [];
  const scope = scopeOf(rule);
  const today = chinaDay(now);
  const rows = await client.query<{ institution_id: string; name: string; region_code: string; day: string; records: string; passed: string }>(
    `select m.institution_id, i.name, i.region_code, m.day::text as day, m.records, m.passed
       from monitoring_daily_rollups m join institutions i on i.id = m.institution_id
      where m.dataset = coalesce($5::text, '*') and m.day >= $1::date and m.day <= $2::date and i.active
        and ($3::text is null or i.region_code = $3) and ($4::uuid is null or m.institution_id = $4)`,
    [addDays(today, -(n + STREAK_LOOKBACK_DAYS)), today, scope.regionCode, scope.institutionId, scope.dataset],
  );
  const byInst = new Map<string, { name: string; region: string; days: Map<string, { records: number; passed: number }> }>();
  for (const r of rows.rows) {
    let e = byInst.get(r.institution_id);
    if (!e) byInst.set(r.institution_id, (e = { name: r.name, region: r.region_code, days: new Map() }));
    e.days.set(r.day, { records: Number(r.records), passed: Number(r.passed) });
  }
  const bad = (days: Map<string, { records: number; passed: number }>, d: string) => {
    const v = days.get(d);
    return !!v && v.records > 0 && pct(v.passed, v.records) < threshold;
  };
  const out: NewNotification[] = [];
  for (const [institutionId, e] of byInst) {
    const end = [today, addDays(today, -1)].find((d) => Array.from({ length: n }, (_, i) => addDays(d, -i)).every((x) => bad(e.days, x)));
    if (!end) continue;
    let start = addDays(end, -(n - 1));
    while (bad(e.days, addDays(start, -1))) start = addDays(start, -1);
    const series = [];
    for (let d = start; d <= end; d = addDays(d, 1)) {
      const v = e.days.get(d)!;
      series.push({ day: d, records: v.records, passed: v.passed, passRate: pct(v.passed, v.records) });
    }
    const scopeLabel = scope.dataset ? `（${scope.dataset}）` : '';
    out.push({
      dedupeKey: `pass_rate_below:${rule.id}:${institutionId}:${scope.dataset ?? '*'}:${start}`,
      kind: 'pass_rate_below',
      institutionId,
      dataset: scope.dataset,
      regionCode: e.region,
      title: `${e.name}${scopeLabel}数据质量合格率连续${n}天低于${threshold}%`,
      message: `Data quality pass rate below ${threshold}% for ${n} consecutive day(s) since ${start} (${rule.name})`,
      details: { thresholdPercent: threshold, days: n, streakStart: start, streakEnd: end, series },
    });
  }
  return out;
}

async function silentCadences(client: PgPoolClient, rule: RuleRow, now: Date): Promise<NewNotification[]> {
  const cadences = Number(rule.threshold ?? rule.days ?? 3);
  if (!Number.isFinite(cadences) || cadences <= 0) return [];
  const scope = scopeOf(rule);
  const rows = await client.query<{ institution_id: string; name: string; region_code: string; dataset: string; last_received_at: Date; cadence_hours: number }>(
    `select s.institution_id, i.name, i.region_code, s.dataset, s.last_received_at, s.cadence_hours
       from institution_dataset_status s join institutions i on i.id = s.institution_id
      where s.expected and i.active and s.last_received_at is not null
        and s.last_received_at < $1::timestamptz - make_interval(secs => s.cadence_hours * 3600 * $2::float8)
        and ($3::text is null or i.region_code = $3) and ($4::uuid is null or s.institution_id = $4) and ($5::text is null or s.dataset = $5)`,
    [now.toISOString(), cadences, scope.regionCode, scope.institutionId, scope.dataset],
  );
  return rows.rows.map((r) => {
    const hours = Math.floor((now.getTime() - r.last_received_at.getTime()) / 3_600_000);
    return {
      dedupeKey: `silent_cadences:${rule.id}:${r.institution_id}:${r.dataset}:${r.last_received_at.getTime()}`,
      kind: 'silent_cadences',
      institutionId: r.institution_id,
      dataset: r.dataset,
      regionCode: r.region_code,
      title: `${r.name}（${r.dataset}）已超过${cadences}个上报周期未上传数据`,
      message: `No ${r.dataset} data for ${hours} h (cadence ${r.cadence_hours} h, rule: ${cadences} cadences) since ${r.last_received_at.toISOString()} (${rule.name})`,
      details: { cadences, cadenceHours: r.cadence_hours, lastReceivedAt: r.last_received_at.toISOString(), silentHours: hours },
    };
  });
}

/** Inserts what is new (the dedupe key makes re-evaluation harmless) and queues a webhook delivery for each. */
async function insertNotifications(client: PgPoolClient, rule: RuleRow, found: NewNotification[]): Promise<number> {
  await client.query('begin');
  try {
    const inserted = await client.query<{ id: string }>(
      `insert into notifications (rule_id, kind, dedupe_key, institution_id, dataset, region_code, severity, title, message, details)
       select $1, x.kind, x.dedupe_key, x.institution_id, x.dataset, x.region_code, 'warning', left(x.title, 300), x.message, x.details
         from jsonb_to_recordset($2::jsonb) as x(kind text, dedupe_key text, institution_id uuid, dataset text, region_code text, title text, message text, details jsonb)
       on conflict (dedupe_key) do nothing
       returning id::text`,
      [
        rule.id,
        JSON.stringify(found.map((f) => ({ kind: f.kind, dedupe_key: f.dedupeKey, institution_id: f.institutionId, dataset: f.dataset, region_code: f.regionCode, title: f.title, message: f.message, details: f.details }))),
      ],
    );
    if (rule.webhook_url && inserted.rows.length) {
      await client.query(
        `insert into webhook_deliveries (notification_id, url, status, next_attempt_at) select unnest($1::bigint[]), $2, 'pending', now()`,
        [inserted.rows.map((r) => r.id), rule.webhook_url],
      );
    }
    await client.query('commit');
    return inserted.rows.length;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}
