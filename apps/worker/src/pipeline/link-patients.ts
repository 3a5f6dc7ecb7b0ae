import type { PgPoolClient } from '@rhip/db';
import type { PiiCipher } from '@rhip/pii';
import { identifierType, identityKey, type PatientIdentity } from './identity';

export type LinkMethod = 'exact_id' | 'probabilistic' | 'new_person';

export interface LinkResult {
  masterPersonId: string | null;
  method: LinkMethod | 'review';
  score: number | null;
  /** For review: the best candidate and the field comparisons behind the score. */
  candidate?: { masterPersonId: string; score: number; comparisons: unknown };
}

export interface MatchCandidate {
  id: string;
  name: string;
  namePinyin: string | null;
  sex: string;
  birthDate: string | null;
  phone: string | null;
  regionCode: string | null;
}

/** The probabilistic matcher (packages/domain): pinyin, pair weights, thresholds and the ambiguity margin. */
export interface Matcher {
  pinyin(name: string): string;
  /** Picks among the scored candidates: auto-link, review (with the best), or a new person. */
  choose(incoming: PatientIdentity, candidates: MatchCandidate[]): { decision: 'auto_link' | 'review' | 'new_person'; best: MatchCandidate | null; score: number | null; comparisons: unknown };
}

/** Candidates per incoming identity are capped: blocking keys are selective, a runaway common name is not worth scanning. */
const MAX_CANDIDATES = 40;

/**
 * Links every distinct patient identity of a batch to a master person, in a
 * handful of set-based statements:
 * 1. resident ID (GB 11643) → exact, on the blind index; unseen IDs create persons;
 * 2. other documents and institution patient ids → person_identifiers;
 * 3. the rest → probabilistic (blocking on birth date, name pinyin, phone),
 *    auto-link above the upper threshold, review between, new person below.
 * Runs inside the batch transaction; concurrent batches creating the same
 * person meet at the unique blind index (ON CONFLICT) and read the winner.
 */
export async function linkPatients(
  client: PgPoolClient,
  deps: { pii: PiiCipher; matcher: Matcher; institutionId: string },
  identities: PatientIdentity[],
): Promise<Map<string, LinkResult>> {
  const { pii, matcher, institutionId } = deps;
  const results = new Map<string, LinkResult>();
  const byKey = new Map<string, PatientIdentity>();
  for (const p of identities) byKey.set(identityKey(p, pii), p);

  // Concurrent batches carrying the same person (a bundle split into data sets, or two
  // institutions at once) must not both create them: lock every identity of this batch,
  // in one global order so two batches never wait on each other in a cycle. The locks are
  // released at commit, when the winner's person and identifiers are visible to the other.
  await client.query(
    `select pg_advisory_xact_lock(h) from (select distinct hashtextextended(k, 727) as h from unnest($1::text[]) as k order by h) s`,
    [[...byKey.keys()]],
  );

  // 1. Resident IDs.
  const residents = [...byKey].filter(([k]) => k.startsWith('id:'));
  if (residents.length > 0) {
    const bidx = residents.map(([k]) => k.slice(3)).sort();
    const found = await client.query<{ id: string; bidx: string; merged: string | null }>(
      `select id::text, id_number_bidx as bidx, merged_into_id::text as merged from master_persons where id_number_bidx = any($1::text[])`,
      [bidx],
    );
    const have = new Map(found.rows.map((r) => [r.bidx, r.merged ?? r.id]));
    for (const [k] of residents) {
      const id = have.get(k.slice(3));
      if (id) results.set(k, { masterPersonId: id, method: 'exact_id', score: null });
    }
    const missing = residents.filter(([k]) => !have.has(k.slice(3))).sort(([a], [b]) => (a < b ? -1 : 1));
    if (missing.length > 0) {
      const created = await insertPersons(client, missing.map(([k, p]) => ({ ...personRow(p, matcher), id_number_enc: pii.encrypt(p.idNumber ?? ''), id_number_bidx: k.slice(3) })), true);
      const again = missing.filter(([k]) => !created.has(k.slice(3)));
      if (again.length > 0) {
        // Another batch created them concurrently; its row is committed now.
        const raced = await client.query<{ id: string; bidx: string }>(
          `select coalesce(merged_into_id, id)::text as id, id_number_bidx as bidx from master_persons where id_number_bidx = any($1::text[])`,
          [again.map(([k]) => k.slice(3))],
        );
        for (const r of raced.rows) results.set(`id:${r.bidx}`, { masterPersonId: r.id, method: 'exact_id', score: null });
      }
      for (const [k] of missing) {
        const id = created.get(k.slice(3));
        if (id) results.set(k, { masterPersonId: id, method: 'new_person', score: null });
      }
    }
  }

  // 2. Other documents and institution patient ids.
  const others = [...byKey].filter(([k]) => !k.startsWith('id:'));
  const identifierKeys = others.flatMap(([k, p]) => {
    const keys: { key: string; type: string; issuer: string; bidx: string }[] = [];
    if (k.startsWith('doc')) keys.push({ key: k, type: identifierType(p.idType), issuer: '', bidx: k.slice(k.indexOf(':') + 1) });
    if (p.patientId) keys.push({ key: k, type: 'patient_id', issuer: institutionId, bidx: pii.blindIndex(p.patientId, `pid:${institutionId}`) });
    return keys;
  });
  if (identifierKeys.length > 0) {
    const found = await client.query<{ type: string; issuer: string; bidx: string; id: string }>(
      `select i.type::text, i.issuer, i.value_bidx as bidx, coalesce(p.merged_into_id, p.id)::text as id
         from person_identifiers i join master_persons p on p.id = i.master_person_id
        where (i.type::text, i.issuer, i.value_bidx) in (select * from unnest($1::text[], $2::text[], $3::text[]))`,
      [identifierKeys.map((x) => x.type), identifierKeys.map((x) => x.issuer), identifierKeys.map((x) => x.bidx)],
    );
    const hit = new Map(found.rows.map((r) => [`${r.type}|${r.issuer}|${r.bidx}`, r.id]));
    for (const x of identifierKeys) {
      const id = hit.get(`${x.type}|${x.issuer}|${x.bidx}`);
      if (id && !results.has(x.key)) results.set(x.key, { masterPersonId: id, method: 'exact_id', score: null });
    }
  }

  // 3. Probabilistic for the rest.
  const unresolved = others.filter(([k]) => !results.has(k));
  if (unresolved.length > 0) {
    const queries = unresolved.map(([, p], i) => ({
      i,
      birth_date: p.birthDate,
      name_pinyin: matcher.pinyin(p.name),
      mmdd: p.birthDate ? p.birthDate.slice(5, 7) + p.birthDate.slice(8, 10) : null,
      yyyy: p.birthDate ? Number(p.birthDate.slice(0, 4)) : null,
      phone: p.phone ?? null,
    }));
    // Blocking: each key survives a different keying error (see packages/domain matching/blocking.ts):
    // same birth date; same pinyin and same month-day (year typo) or same year (day/month typo); same phone.
    const cands = await client.query<{ i: number } & { id: string; name: string; name_pinyin: string | null; sex: string; birth_date: string | null; phone: string | null; region_code: string | null }>(
      `select q.i, p.id::text, p.name, p.name_pinyin, p.sex, p.birth_date::text, p.phone, p.region_code
         from jsonb_to_recordset($1::jsonb) as q(i int, birth_date date, name_pinyin text, mmdd text, yyyy int, phone text)
         cross join lateral (
           -- One capped look-up per blocking key, so a crowded key (a common name) cannot crowd out the others.
           select * from (select p.id, p.name, p.name_pinyin, p.sex, p.birth_date, p.phone, p.region_code from master_persons p where p.birth_date = q.birth_date and p.merged_into_id is null limit ${MAX_CANDIDATES}) a
           union
           select * from (select p.id, p.name, p.name_pinyin, p.sex, p.birth_date, p.phone, p.region_code from master_persons p where p.name_pinyin = q.name_pinyin and to_char(p.birth_date, 'MMDD') = q.mmdd and p.merged_into_id is null limit ${MAX_CANDIDATES}) b
           union
           select * from (select p.id, p.name, p.name_pinyin, p.sex, p.birth_date, p.phone, p.region_code from master_persons p where p.name_pinyin = q.name_pinyin and extract(year from p.birth_date)::int = q.yyyy and p.merged_into_id is null limit ${MAX_CANDIDATES}) c
           union
           select * from (select p.id, p.name, p.name_pinyin, p.sex, p.birth_date, p.phone, p.region_code from master_persons p where q.phone is not null and p.phone = q.phone and p.merged_into_id is null limit ${MAX_CANDIDATES}) d
         ) p`,
      [JSON.stringify(queries)],
    );
    const byQuery = new Map<number, MatchCandidate[]>();
    for (const c of cands.rows) {
      const list = byQuery.get(c.i) ?? [];
      list.push({ id: c.id, name: c.name, namePinyin: c.name_pinyin, sex: c.sex, birthDate: c.birth_date, phone: c.phone, regionCode: c.region_code });
      byQuery.set(c.i, list);
    }
    const toCreate: [string, PatientIdentity][] = [];
    unresolved.forEach(([k, p], i) => {
      const choice = matcher.choose(p, byQuery.get(i) ?? []);
      if (choice.best && choice.decision === 'auto_link') results.set(k, { masterPersonId: choice.best.id, method: 'probabilistic', score: choice.score });
      else if (choice.best && choice.decision === 'review')
        results.set(k, { masterPersonId: null, method: 'review', score: choice.score, candidate: { masterPersonId: choice.best.id, score: choice.score ?? 0, comparisons: choice.comparisons } });
      else toCreate.push([k, p]);
    });
    if (toCreate.length > 0) {
      const created = await insertPersons(client, toCreate.map(([k, p]) => ({ ...personRow(p, matcher), id_number_enc: null, id_number_bidx: null, key: k })), false);
      for (const [k] of toCreate) {
        const id = created.get(k);
        if (id) results.set(k, { masterPersonId: id, method: 'new_person', score: null });
      }
    }
  }

  // Remember documents and institution patient ids for the next exact match.
  const newIdentifiers = identifierKeys.flatMap((x) => {
    const r = results.get(x.key);
    const p = byKey.get(x.key);
    if (!r?.masterPersonId || !p) return [];
    const value = x.type === 'patient_id' ? (p.patientId ?? '') : (p.idNumber ?? '');
    return [{ master_person_id: r.masterPersonId, type: x.type, issuer: x.issuer, doc_type_code: x.type === 'patient_id' ? null : p.idType, value_enc: pii.encrypt(value), value_bidx: x.bidx }];
  });
  if (newIdentifiers.length > 0) {
    await client.query(
      `insert into person_identifiers (master_person_id, type, issuer, doc_type_code, value_enc, value_bidx)
       select master_person_id, type, issuer, doc_type_code, value_enc, value_bidx
         from jsonb_to_recordset($1::jsonb) as x(master_person_id bigint, type identifier_type, issuer text, doc_type_code text, value_enc text, value_bidx text)
       on conflict (type, issuer, value_bidx) do nothing`,
      [JSON.stringify(newIdentifiers)],
    );
  }
  return results;
}

function personRow(p: PatientIdentity, matcher: Matcher) {
  return {
    name: p.name,
    name_pinyin: matcher.pinyin(p.name),
    sex: p.sex,
    birth_date: p.birthDate,
    phone: p.phone ?? null,
    region_code: p.regionCode ?? null,
  };
}

/** Inserts master persons; returns blind index (or key) → new id. */
async function insertPersons(
  client: PgPoolClient,
  rows: (ReturnType<typeof personRow> & { id_number_enc: string | null; id_number_bidx: string | null; key?: string })[],
  byBlindIndex: boolean,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (byBlindIndex) {
    const res = await client.query<{ id: string; bidx: string }>(
      `insert into master_persons (name, name_pinyin, sex, birth_date, phone, region_code, id_number_enc, id_number_bidx)
       select name, name_pinyin, sex, birth_date, phone, region_code, id_number_enc, id_number_bidx
         from jsonb_to_recordset($1::jsonb) as x(name text, name_pinyin text, sex text, birth_date date, phone text, region_code text, id_number_enc text, id_number_bidx text)
       on conflict (id_number_bidx) do nothing
       returning id::text, id_number_bidx as bidx`,
      [JSON.stringify(rows)],
    );
    for (const r of res.rows) out.set(r.bidx, r.id);
    return out;
  }
  // No natural key: take ids from the sequence first, then insert with them, so each row's id is known.
  const ids = await client.query<{ id: string }>(
    `select nextval(pg_get_serial_sequence('master_persons', 'id'))::text as id from generate_series(1, $1::int)`,
    [rows.length],
  );
  const withIds = rows.map(({ key: _k, id_number_enc: _e, id_number_bidx: _b, ...r }, i) => ({ ...r, id: ids.rows[i]?.id }));
  await client.query(
    `insert into master_persons (id, name, name_pinyin, sex, birth_date, phone, region_code)
     select id, name, name_pinyin, sex, birth_date, phone, region_code
       from jsonb_to_recordset($1::jsonb) as x(id bigint, name text, name_pinyin text, sex text, birth_date date, phone text, region_code text)`,
    [JSON.stringify(withIds)],
  );
  rows.forEach((r, i) => {
    const id = withIds[i]?.id;
    if (r.key && id) out.set(r.key, id);
  });
  return out;
}
