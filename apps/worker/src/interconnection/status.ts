import type { PgPoolClient } from '@rhip/db';
import { chinaDay } from './days';

/** 互联互通 status of one institution × data set. */
export type InterconnectionStatus = 'online' | 'delayed' | 'silent' | 'never';

/** Beyond this many cadences without data a data set is silent (issue 4: "silent beyond 3× cadence"). */
export const SILENT_CADENCES = 3;

/** Cadence of a data set an institution sends without being expected to. */
export const DEFAULT_CADENCE_HOURS = 24;

const HOUR_MS = 3_600_000;

/**
 * online: received within one cadence; delayed: within three; silent: longer;
 * never: nothing received yet.
 */
export function deriveStatus(lastReceivedAt: Date | null, cadenceHours: number, now: Date): InterconnectionStatus {
  if (!lastReceivedAt) return 'never';
  const age = now.getTime() - lastReceivedAt.getTime();
  const cadence = cadenceHours * HOUR_MS;
  if (age <= cadence) return 'online';
  if (age <= SILENT_CADENCES * cadence) return 'delayed';
  return 'silent';
}

/**
 * When the current status began: data arriving makes a data set online at
 * that moment, it turns delayed one cadence later and silent three cadences
 * later. `never` starts when the data set became expected.
 */
export function statusSince(status: InterconnectionStatus, lastReceivedAt: Date | null, cadenceHours: number, expectedSince: Date): Date {
  if (!lastReceivedAt || status === 'never') return expectedSince;
  const cadence = cadenceHours * HOUR_MS;
  if (status === 'online') return lastReceivedAt;
  if (status === 'delayed') return new Date(lastReceivedAt.getTime() + cadence);
  return new Date(lastReceivedAt.getTime() + SILENT_CADENCES * cadence);
}

interface StatusRow {
  institution_id: string;
  dataset: string;
  status: InterconnectionStatus;
  last_received_at: string | null;
  status_since: string | null;
  expected: boolean;
  cadence_hours: number;
}

/** Days of ingest rollups an incremental run looks at (a batch may be processed a day after it arrived). */
const RECENT_DAYS = 3;

/**
 * Recomputes institution_dataset_status for every expected data set of every
 * active institution, plus data sets an institution sends without being
 * expected to (they make it "connected"). Incremental: the last arrival only
 * moves forward, so a run merges the stored value with the rollups of the
 * last few days; `full` re-reads every day (first run of a process).
 */
export async function refreshStatuses(client: PgPoolClient, opts: { now?: Date; full?: boolean } = {}): Promise<{ rows: number; changed: number }> {
  const now = opts.now ?? new Date();
  const since = opts.full ? null : chinaDay(new Date(now.getTime() - RECENT_DAYS * 24 * HOUR_MS));
  // One client: the queries run one after another.
  const expected = await client.query<{ institution_id: string; dataset: string; cadence_hours: number; since: Date }>(
    `select d.institution_id, d.dataset, d.cadence_hours, coalesce(d.expected_since::timestamptz, d.created_at) as since
       from institution_datasets d join institutions i on i.id = d.institution_id
      where d.active and i.active`,
  );
  const recent = await client.query<{ institution_id: string; dataset: string; last: Date | null }>(
    `select r.institution_id, r.dataset, max(r.last_received_at) as last
       from ingest_daily_rollups r join institutions i on i.id = r.institution_id
      where i.active and ($1::date is null or r.day >= $1::date)
      group by r.institution_id, r.dataset`,
    [since],
  );
  const stored = await client.query<{ institution_id: string; dataset: string; status: InterconnectionStatus; last_received_at: Date | null; status_since: Date | null }>(
    `select institution_id, dataset, status, last_received_at, status_since from institution_dataset_status`,
  );
  const key = (i: string, d: string) => `${i}|${d}`;
  const storedBy = new Map(stored.rows.map((r) => [key(r.institution_id, r.dataset), r]));
  const recentBy = new Map(recent.rows.map((r) => [key(r.institution_id, r.dataset), r.last]));
  const pairs = new Map<string, { institutionId: string; dataset: string; cadence: number; since: Date; expected: boolean }>();
  for (const e of expected.rows) pairs.set(key(e.institution_id, e.dataset), { institutionId: e.institution_id, dataset: e.dataset, cadence: e.cadence_hours, since: e.since, expected: true });
  const received = (k: string) => {
    const a = storedBy.get(k)?.last_received_at ?? null;
    const b = recentBy.get(k) ?? null;
    if (!a) return b;
    if (!b) return a;
    return a > b ? a : b;
  };
  // Data sets sent without being expected: from the rollups, and from earlier runs.
  for (const k of new Set([...recentBy.keys(), ...storedBy.keys()])) {
    if (pairs.has(k) || !received(k)) continue;
    const [institutionId, dataset] = k.split('|') as [string, string];
    pairs.set(k, { institutionId, dataset, cadence: DEFAULT_CADENCE_HOURS, since: now, expected: false });
  }

  const rows: StatusRow[] = [];
  let changed = 0;
  for (const [k, p] of pairs) {
    const last = received(k);
    const status = deriveStatus(last, p.cadence, now);
    const prev = storedBy.get(k);
    const sinceAt = prev && prev.status === status && prev.status_since ? prev.status_since : statusSince(status, last, p.cadence, p.since);
    if (!prev || prev.status !== status) changed += 1;
    rows.push({
      institution_id: p.institutionId,
      dataset: p.dataset,
      status,
      last_received_at: last?.toISOString() ?? null,
      status_since: sinceAt.toISOString(),
      expected: p.expected,
      cadence_hours: p.cadence,
    });
  }
  await client.query('begin');
  try {
    if (rows.length) {
      await client.query(
        `insert into institution_dataset_status (institution_id, dataset, status, last_received_at, status_since, expected, cadence_hours, computed_at)
         select x.institution_id, x.dataset, x.status, x.last_received_at, x.status_since, x.expected, x.cadence_hours, $2
           from jsonb_to_recordset($1::jsonb) as x(institution_id uuid, dataset text, status interconnection_status, last_received_at timestamptz,
                                                   status_since timestamptz, expected boolean, cadence_hours int)
         on conflict (institution_id, dataset) do update set
           status = excluded.status, last_received_at = excluded.last_received_at, status_since = excluded.status_since,
           expected = excluded.expected, cadence_hours = excluded.cadence_hours, computed_at = excluded.computed_at`,
        [JSON.stringify(rows), now.toISOString()],
      );
    }
    // Rows for pairs that are neither expected nor ever received (a data set dropped, an institution deactivated).
    await client.query(
      `delete from institution_dataset_status s
        where not exists (select 1 from jsonb_to_recordset($1::jsonb) as x(institution_id uuid, dataset text) where x.institution_id = s.institution_id and x.dataset = s.dataset)`,
      [JSON.stringify(rows.map((r) => ({ institution_id: r.institution_id, dataset: r.dataset })))],
    );
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
  return { rows: rows.length, changed };
}
