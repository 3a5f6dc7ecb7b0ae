import type { PgPool, PgPoolClient } from '@rhip/db';
import { maskName } from '@rhip/pii';
import { ConflictError, NotFoundError } from '../../lib/errors';
import type { AuditService } from '../audit/audit-service';
import { CHILD_TABLES, DATASET_TABLE } from './person-tables';

export interface ReviewItem {
  id: string;
  institutionId: string;
  institutionName: string | null;
  dataset: string;
  sourceId: string;
  score: number;
  comparisons: unknown;
  status: 'pending' | 'accepted' | 'rejected';
  incoming: { name: string | null; sex: string | null; birthDate: string | null; idType: string | null } | null;
  candidate: { masterPersonId: string; name: string | null; sex: string; birthDate: string | null };
  createdAt: string;
  decidedAt: string | null;
}

interface Actor {
  userId: string;
  ip: string;
}

/**
 * The match review queue: records whose best candidate scored between the two
 * thresholds wait here unlinked. Accepting links the record to the candidate;
 * rejecting gives it a new master person. Personal fields are masked in lists.
 */
export function createReviewService(deps: { pg: PgPool; audit: AuditService }) {
  const { pg, audit } = deps;

  async function list(q: { status: 'pending' | 'accepted' | 'rejected'; page: number; pageSize: number }) {
    const rows = await pg.query<{
      id: string; institution_id: string; institution_name: string | null; dataset: string; source_id: string; score: number; comparisons: unknown;
      status: ReviewItem['status']; incoming: Record<string, string | null> | null; candidate_id: string; c_name: string | null; c_sex: string;
      c_birth: string | null; created_at: Date; decided_at: Date | null; total: string;
    }>(
      `select r.id::text, r.institution_id, i.name as institution_name, r.dataset, r.source_id, r.score, r.comparisons, r.status, r.incoming,
              r.candidate_master_person_id::text as candidate_id, p.name as c_name, p.sex as c_sex, p.birth_date::text as c_birth,
              r.created_at, r.decided_at, count(*) over () as total
         from match_reviews r
         left join institutions i on i.id = r.institution_id
         left join master_persons p on p.id = r.candidate_master_person_id
        where r.status = $1
        order by r.created_at desc, r.id desc
        limit $2 offset $3`,
      [q.status, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const items: ReviewItem[] = rows.rows.map((r) => ({
      id: r.id,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      dataset: r.dataset,
      sourceId: r.source_id,
      score: r.score,
      comparisons: r.comparisons,
      status: r.status,
      incoming: r.incoming
        ? { name: maskName(r.incoming.name ?? null), sex: r.incoming.sex ?? null, birthDate: r.incoming.birthDate ?? null, idType: r.incoming.idType ?? null }
        : null,
      candidate: { masterPersonId: r.candidate_id, name: maskName(r.c_name), sex: r.c_sex, birthDate: r.c_birth },
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
    }));
    return { items, total: Number(rows.rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize };
  }

  /** Points the reviewed record (and its child rows) at a master person. */
  async function linkRecord(client: PgPoolClient, review: { institution_id: string; dataset: string; source_id: string }, personId: string, method: 'manual') {
    const table = DATASET_TABLE[review.dataset];
    if (!table) throw new ConflictError(`Data set ${review.dataset} has no person`);
    if (table === 'person_links') {
      await client.query(
        `update person_links set master_person_id = $4, status = 'linked', method = $5, updated_at = now()
          where institution_id = $1 and dataset = $2 and source_id = $3`,
        [review.institution_id, review.dataset, review.source_id, personId, method],
      );
      return;
    }
    const res = await client.query<{ id: string }>(
      `update ${table} set master_person_id = $3 where institution_id = $1 and source_id = $2 returning id::text`,
      [review.institution_id, review.source_id, personId],
    );
    for (const child of CHILD_TABLES[table] ?? []) {
      await client.query(`update ${child.table} set master_person_id = $2 where ${child.fk} = any($1::bigint[])`, [res.rows.map((r) => r.id), personId]);
    }
  }

  async function decide(id: string, decision: 'accept' | 'reject', actor: Actor, note?: string) {
    const client = await pg.connect();
    try {
      await client.query('begin');
      const r = await client.query<{ id: string; institution_id: string; dataset: string; source_id: string; status: string; candidate: string; incoming: Record<string, string | null> | null }>(
        `select id::text, institution_id, dataset, source_id, status, candidate_master_person_id::text as candidate, incoming from match_reviews where id = $1 for update`,
        [id],
      );
      const review = r.rows[0];
      if (!review) throw new NotFoundError('Match review');
      if (review.status !== 'pending') throw new ConflictError(`Review already ${review.status}`);
      let personId = review.candidate;
      if (decision === 'reject') {
        const inc = review.incoming ?? {};
        const created = await client.query<{ id: string }>(
          `insert into master_persons (name, name_pinyin, sex, birth_date, phone, region_code) values ($1, $2, $3, $4, $5, $6) returning id::text`,
          [inc.name ?? '', inc.namePinyin ?? null, inc.sex ?? '0', inc.birthDate ?? null, inc.phone ?? null, inc.regionCode ?? null],
        );
        personId = created.rows[0]!.id;
      }
      await linkRecord(client, review, personId, 'manual');
      // Other candidates for the same record are settled by this decision.
      await client.query(
        `update match_reviews set status = case when id = $1 then $2::review_status else 'rejected'::review_status end, decided_by = $3, decided_at = now(), note = $4
          where institution_id = $5 and dataset = $6 and source_id = $7 and status = 'pending'`,
        [id, decision === 'accept' ? 'accepted' : 'rejected', actor.userId, note ?? null, review.institution_id, review.dataset, review.source_id],
      );
      await audit.appendWith(client, {
        actorType: 'staff', actorId: actor.userId, action: `match_review.${decision}`, resourceType: 'match_review', resourceId: id,
        masterPersonId: personId, ip: actor.ip, details: { dataset: review.dataset, sourceId: review.source_id, institutionId: review.institution_id },
      });
      await client.query('commit');
      return { id, status: decision === 'accept' ? 'accepted' : 'rejected', masterPersonId: personId };
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  return { list, decide };
}
