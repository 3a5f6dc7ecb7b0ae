import type { PgPoolClient } from '@rhip/db';
import type { RowContext } from './datasets';

/**
 * A follow-up names the chronic-disease registration it belongs to (or brings
 * it along). Registrations are identified by their own sourceId, or — when the
 * sender has none — by person and disease, so follow-ups of one patient for one
 * disease share one registration (the denominator of standardised management).
 */
export async function upsertChronicRegistrations(
  client: PgPoolClient,
  batch: { id: string; institutionId: string },
  followups: { record: Record<string, unknown>; ctx: RowContext }[],
): Promise<void> {
  const rows = new Map<string, Record<string, unknown>>();
  for (const { record, ctx } of followups) {
    const reg = (record.registration ?? null) as Record<string, unknown> | null;
    if (!ctx.masterPersonId && !reg?.sourceId) continue;
    const sourceId = typeof reg?.sourceId === 'string' && reg.sourceId ? reg.sourceId : `auto:${String(record.disease)}:${ctx.masterPersonId}`;
    const prev = rows.get(sourceId);
    const registeredAt = (reg?.registeredAt as string | undefined) ?? (record.followupAt as string);
    if (prev && String(prev.registered_at) <= registeredAt) continue;
    rows.set(sourceId, {
      institution_id: batch.institutionId,
      source_id: sourceId,
      version: ctx.version,
      batch_id: batch.id,
      master_person_id: ctx.masterPersonId,
      disease: record.disease,
      registered_at: registeredAt,
      icd10: reg?.icd10 ?? null,
      diagnosis_date: reg?.diagnosisDate ?? null,
      status: reg?.status ?? 'active',
      closed_at: reg?.closedAt ?? null,
      received_at: ctx.receivedAt,
      explicit: Boolean(reg),
    });
  }
  if (!rows.size) return;
  // An explicit registration updates the stored one; an implied one only fills a gap (keeps the earliest date).
  await client.query(
    `insert into chronic_registrations (institution_id, source_id, version, batch_id, master_person_id, disease, registered_at, icd10, diagnosis_date, status, closed_at, received_at)
     select institution_id, source_id, version, batch_id, master_person_id, disease, registered_at, icd10, diagnosis_date, status, closed_at, received_at
       from jsonb_to_recordset($1::jsonb) as x(institution_id uuid, source_id text, version int, batch_id uuid, master_person_id bigint, disease text,
            registered_at timestamptz, icd10 text, diagnosis_date date, status text, closed_at timestamptz, received_at timestamptz, explicit boolean)
     on conflict (institution_id, source_id) do update set
       registered_at = least(chronic_registrations.registered_at, excluded.registered_at),
       icd10 = coalesce(excluded.icd10, chronic_registrations.icd10),
       diagnosis_date = coalesce(excluded.diagnosis_date, chronic_registrations.diagnosis_date),
       status = excluded.status, closed_at = excluded.closed_at, batch_id = excluded.batch_id,
       master_person_id = coalesce(chronic_registrations.master_person_id, excluded.master_person_id)`,
    [JSON.stringify([...rows.values()])],
  );
}
