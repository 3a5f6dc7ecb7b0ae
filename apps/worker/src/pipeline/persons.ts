import type { PgPoolClient } from '@rhip/db';
import type { CheckedRecord } from '@rhip/domain';
import type { PiiCipher } from '@rhip/pii';
import type { LinkResult, Matcher } from './link-patients';

/**
 * The `persons` data set writes the master person index itself: one
 * person_links row per source record (institution, persons, sourceId) carrying
 * the link method, score and the version last applied, and — for a newer
 * version — the demographics it brings onto the master person.
 */
export async function storePersons(
  client: PgPoolClient,
  deps: { pii: PiiCipher; matcher: Matcher },
  batch: { id: string; institutionId: string },
  current: { index: number; c: CheckedRecord }[],
  links: Map<number, LinkResult>,
): Promise<{ updated: Set<number> }> {
  const rows = current.map((a) => {
    const l = links.get(a.index);
    return {
      index: a.index,
      source_id: a.c.sourceId,
      master_person_id: l?.masterPersonId ?? null,
      score: l?.score ?? null,
      method: l?.method === 'review' ? 'probabilistic' : (l?.method ?? 'new_person'),
      status: l?.method === 'review' ? 'review' : 'linked',
      version: a.c.version,
    };
  });
  const res = await client.query<{ source_id: string }>(
    `insert into person_links (institution_id, dataset, source_id, master_person_id, score, method, status, version, batch_id, updated_at)
     select $1, 'persons', x.source_id, x.master_person_id, x.score, x.method, x.status, x.version, $2, now()
       from jsonb_to_recordset($3::jsonb) as x(source_id text, master_person_id bigint, score float8, method link_method, status link_status, version int)
     on conflict (institution_id, dataset, source_id) do update
       set master_person_id = excluded.master_person_id, score = excluded.score, method = excluded.method, status = excluded.status,
           version = excluded.version, batch_id = excluded.batch_id, updated_at = now()
       where person_links.version < excluded.version or person_links.batch_id is null
     returning source_id`,
    [batch.institutionId, batch.id, JSON.stringify(rows)],
  );
  const changed = new Set(res.rows.map((r) => r.source_id));
  const updated = new Set(current.filter((a) => changed.has(String(a.c.sourceId))).map((a) => a.index));

  // Demographics of the newest version win (name, sex and birth date only for persons without a resident ID:
  // with one, those are fixed by the ID number itself).
  const demographics = current
    .filter((a) => updated.has(a.index) && links.get(a.index)?.masterPersonId)
    .map((a) => {
      const r = a.c.record ?? {};
      return {
        id: links.get(a.index)?.masterPersonId,
        name: r.name,
        name_pinyin: deps.matcher.pinyin(String(r.name ?? '')),
        phone: r.phone ?? null,
        ethnicity: r.ethnicity ?? null,
        marital_status: r.maritalStatus ?? null,
        region_code: r.regionCode ?? null,
        address: r.address ?? null,
        death_date: r.deathDate ?? null,
      };
    });
  if (demographics.length) {
    await client.query(
      `update master_persons p set
          name = x.name, name_pinyin = x.name_pinyin,
          phone = coalesce(x.phone, p.phone), ethnicity = coalesce(x.ethnicity, p.ethnicity),
          marital_status = coalesce(x.marital_status, p.marital_status), region_code = coalesce(x.region_code, p.region_code),
          address = coalesce(x.address, p.address), death_date = coalesce(x.death_date, p.death_date),
          vital_status = case when x.death_date is not null then 'deceased'::vital_status else p.vital_status end,
          updated_at = now()
         from jsonb_to_recordset($1::jsonb) as x(id bigint, name text, name_pinyin text, phone text, ethnicity text, marital_status text, region_code text, address text, death_date date)
        where p.id = x.id`,
      [JSON.stringify(demographics)],
    );
  }
  return { updated };
}
