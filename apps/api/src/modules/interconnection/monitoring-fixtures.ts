import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { chinaDate, generateResidentId, generateUscc } from '@rhip/domain';
import { bearer, json, login } from '../../../test/helper';
import { waitFor } from '../../../test/processes';
import { hashPassword } from '../auth/password';

/** Worker settings that make the monitoring jobs run every fraction of a second. */
export const FAST_MONITORING_ENV = {
  STATUS_INTERVAL_MS: '400',
  ROLLUP_INTERVAL_MS: '300',
  ANOMALY_INTERVAL_MS: '400',
  DUPLICATE_INTERVAL_MS: '300',
  ALERT_INTERVAL_MS: '400',
  WEBHOOK_POLL_MS: '200',
  WEBHOOK_RETRY_BASE_MS: '200',
  WEBHOOK_MAX_ATTEMPTS: '3',
  WEBHOOK_TIMEOUT_MS: '2000',
};

let seq = randomInt(1, 900_000);

export interface InstitutionSpec {
  name: string;
  regionCode: string;
  ownership?: 'public' | 'private';
  level?: string;
  type?: string;
  expectedDatasets?: { dataset: string; cadenceHours?: number; timelinessHours?: number }[];
}

/** Registers an institution through the admin API and issues it a key. */
export async function createInstitution(app: FastifyInstance, spec: InstitutionSpec): Promise<{ id: string; key: string; name: string }> {
  const token = await login(app);
  seq += 1;
  const code = generateUscc({ regionCode: spec.regionCode, sequence: (seq * 97) % 99_999_999 });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/institutions',
    headers: bearer(token),
    payload: {
      code,
      name: spec.name,
      regionCode: spec.regionCode,
      level: spec.level ?? '2A',
      type: spec.type ?? 'general_hospital',
      ownership: spec.ownership ?? 'public',
      ...(spec.expectedDatasets ? { expectedDatasets: spec.expectedDatasets } : {}),
    },
  });
  if (res.statusCode !== 201) throw new Error(`create institution: ${res.statusCode} ${res.body}`);
  const id = json<{ id: string }>(res).id;
  const cred = await app.inject({ method: 'POST', url: `/api/v1/institutions/${id}/credentials`, headers: bearer(token), payload: {} });
  if (cred.statusCode !== 201) throw new Error(`issue key: ${cred.statusCode} ${cred.body}`);
  return { id, key: json<{ key: string }>(cred).key, name: spec.name };
}

/** A staff user with a role (and optionally a county or an institution), logged in. */
export async function createStaffUser(app: FastifyInstance, role: string, opts: { regionScope?: string; institutionId?: string } = {}): Promise<string> {
  seq += 1;
  const username = `${role}-${seq}`;
  const password = 'Test-Staff@2026';
  await app.pg.query(
    `insert into staff_users (username, display_name, password_hash, role, region_scope, institution_id) values ($1, $1, $2, $3, $4, $5)`,
    [username, await hashPassword(password), role, opts.regionScope ?? null, opts.institutionId ?? null],
  );
  return login(app, { username, password });
}

/** A patient whose resident ID is unique to (region, i). */
export function patient(region: string, i: number) {
  const birthDate = `19${String(40 + (i % 50)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const sex = i % 2 === 0 ? '2' : '1';
  const idNumber = generateResidentId({ regionCode: region, birthDate, sex, sequence: i % 500 });
  return { idType: '01', idNumber, name: `患者${String.fromCharCode(0x4e00 + (i % 20000))}${String.fromCharCode(0x4e00 + ((i * 7) % 20000))}`, sex, birthDate };
}

export function encounter(sourceId: string, p: ReturnType<typeof patient>, startAt: Date, overrides: Record<string, unknown> = {}) {
  return {
    sourceId,
    patient: p,
    type: 'outpatient',
    startAt: startAt.toISOString(),
    department: '内科',
    diagnoses: [{ code: 'I10.x00', name: '原发性高血压', primary: true }],
    ...overrides,
  };
}

export async function pushBatch(app: FastifyInstance, key: string, dataset: string, records: unknown[]): Promise<string> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/ingest/${dataset}`, headers: bearer(key), payload: { records } });
  if (res.statusCode !== 202) throw new Error(`push: ${res.statusCode} ${res.body}`);
  return json<{ batchId: string }>(res).batchId;
}

export async function batchDone(app: FastifyInstance, key: string, batchId: string): Promise<void> {
  await waitFor(
    async () => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/ingest/batches/${batchId}`, headers: bearer(key) });
      const s = json<{ status: string }>(res).status;
      return s === 'done' || s === 'failed';
    },
    { what: `batch ${batchId} done` },
  );
}

/** Waits until the quality job has scanned the batch (duplicates, rule rollups). */
export async function batchScanned(app: FastifyInstance, batchId: string): Promise<void> {
  await waitFor(async () => (await app.pg.query(`select 1 from quality_batch_scans where batch_id = $1`, [batchId])).rowCount === 1, { what: `batch ${batchId} scanned` });
}

/** Waits until the worker has rebuilt the dashboard rollups (monitoring_daily_rollups) after this moment. */
export async function rollupsRefreshed(app: FastifyInstance): Promise<void> {
  const t0 = (await app.pg.query<{ t: Date }>('select clock_timestamp() as t')).rows[0]!.t;
  await waitFor(
    async () => {
      const r = await app.pg.query<{ at: Date | null }>('select max(refreshed_at) as at from monitoring_daily_rollups');
      return !!r.rows[0]?.at && r.rows[0].at > t0;
    },
    { what: 'dashboard rollups refreshed' },
  );
}

/** Writes an ingest rollup row directly: history, or an arrival long ago. */
export async function insertIngestRollup(
  app: FastifyInstance,
  row: { institutionId: string; dataset: string; day: string; received: number; rejected?: number; within?: number; lastReceivedAt: Date },
): Promise<void> {
  await app.pg.query(
    `insert into ingest_daily_rollups (institution_id, dataset, day, received, accepted, rejected, within_timeliness, last_received_at)
     values ($1::uuid, $2, $3::date, $4::int, $4::int - $5::int, $5::int, $6::int, $7::timestamptz)
     on conflict (institution_id, dataset, day) do update set received = excluded.received, accepted = excluded.accepted, rejected = excluded.rejected,
       within_timeliness = excluded.within_timeliness, last_received_at = excluded.last_received_at`,
    [row.institutionId, row.dataset, row.day, row.received, row.rejected ?? 0, row.within ?? row.received, row.lastReceivedAt.toISOString()],
  );
}

export const today = () => chinaDate(new Date());
export function dayOffset(n: number, from = today()): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
