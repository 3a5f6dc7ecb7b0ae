import type { PgPool } from '@rhip/db';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors';
import type { AuditService } from '../audit/audit-service';
import { PERSON_TABLES } from './person-tables';

interface Actor {
  userId: string;
  ip: string;
}

type Moved = Record<string, string[]> & { __redirected?: string[]; __idNumber?: string[] };

/**
 * Merge moves every row of the merged person to the survivor and remembers
 * exactly which rows moved; unmerge moves those rows back. Two persons with
 * different resident ID numbers are two people and are never merged.
 */
export function createMergeService(deps: { pg: PgPool; audit: AuditService }) {
  const { pg, audit } = deps;

  async function merge(survivorId: string, mergedId: string, reason: string | undefined, actor: Actor) {
    if (survivorId === mergedId) throw new ValidationError('A person cannot be merged into itself');
    const client = await pg.connect();
    try {
      await client.query('begin');
      const persons = await client.query<{ id: string; merged_into_id: string | null; id_number_bidx: string | null; id_number_enc: string | null }>(
        `select id::text, merged_into_id::text, id_number_bidx, id_number_enc from master_persons where id = any($1::bigint[]) order by id for update`,
        [[survivorId, mergedId]],
      );
      const survivor = persons.rows.find((p) => p.id === survivorId);
      const merged = persons.rows.find((p) => p.id === mergedId);
      if (!survivor || !merged) throw new NotFoundError('Master person');
      if (survivor.merged_into_id || merged.merged_into_id) throw new ConflictError('One of the persons was already merged into another');
      if (survivor.id_number_bidx && merged.id_number_bidx && survivor.id_number_bidx !== merged.id_number_bidx) {
        throw new ConflictError('The two persons carry different resident ID numbers: they are different people');
      }
      const moved: Moved = {};
      for (const table of PERSON_TABLES) {
        const res = await client.query<{ id: string }>(`update ${table} set master_person_id = $1 where master_person_id = $2 returning id::text`, [survivorId, mergedId]);
        if (res.rows.length) moved[table] = res.rows.map((r) => r.id);
      }
      // Persons merged into the merged one earlier now point at the survivor.
      const redirected = await client.query<{ id: string }>(`update master_persons set merged_into_id = $1 where merged_into_id = $2 returning id::text`, [survivorId, mergedId]);
      if (redirected.rows.length) moved.__redirected = redirected.rows.map((r) => r.id);
      if (merged.id_number_bidx && !survivor.id_number_bidx) {
        // The resident ID moves with the person it identifies (unique column: clear it first).
        await client.query(`update master_persons set id_number_bidx = null, id_number_enc = null where id = $1`, [mergedId]);
        await client.query(`update master_persons set id_number_bidx = $2, id_number_enc = $3 where id = $1`, [survivorId, merged.id_number_bidx, merged.id_number_enc]);
        moved.__idNumber = [mergedId];
      }
      await client.query(`update master_persons set merged_into_id = $1, updated_at = now() where id = $2`, [survivorId, mergedId]);
      const rec = await client.query<{ id: string }>(
        `insert into person_merges (survivor_id, merged_id, moved_links, reason, merged_by) values ($1, $2, $3, $4, $5) returning id::text`,
        [survivorId, mergedId, JSON.stringify(moved), reason ?? null, actor.userId],
      );
      const mergeId = rec.rows[0]!.id;
      await audit.appendWith(client, {
        actorType: 'staff', actorId: actor.userId, action: 'person.merge', resourceType: 'person_merge', resourceId: mergeId, masterPersonId: survivorId, ip: actor.ip,
        details: { survivorId, mergedId, reason: reason ?? null, movedRows: Object.fromEntries(Object.entries(moved).map(([t, ids]) => [t, ids.length])) },
      });
      await client.query('commit');
      return { mergeId, survivorId, mergedId, movedRows: Object.values(moved).reduce((s, ids) => s + ids.length, 0) };
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async function undo(mergeId: string, actor: Actor) {
    const client = await pg.connect();
    try {
      await client.query('begin');
      const r = await client.query<{ survivor_id: string; merged_id: string; moved_links: Moved; undone_at: Date | null }>(
        `select survivor_id::text, merged_id::text, moved_links, undone_at from person_merges where id = $1 for update`,
        [mergeId],
      );
      const m = r.rows[0];
      if (!m) throw new NotFoundError('Merge');
      if (m.undone_at) throw new ConflictError('This merge was already undone');
      const later = await client.query(`select 1 from person_merges where merged_id = $1 and undone_at is null and id > $2 limit 1`, [m.survivor_id, mergeId]);
      if (later.rows.length) throw new ConflictError('The survivor was merged again since; undo that merge first');
      const moved = m.moved_links;
      if (moved.__idNumber) {
        const s = await client.query<{ bidx: string; enc: string }>(`select id_number_bidx as bidx, id_number_enc as enc from master_persons where id = $1`, [m.survivor_id]);
        await client.query(`update master_persons set id_number_bidx = null, id_number_enc = null where id = $1`, [m.survivor_id]);
        await client.query(`update master_persons set id_number_bidx = $2, id_number_enc = $3 where id = $1`, [m.merged_id, s.rows[0]?.bidx ?? null, s.rows[0]?.enc ?? null]);
      }
      for (const table of PERSON_TABLES) {
        const ids = moved[table];
        if (ids?.length) await client.query(`update ${table} set master_person_id = $1 where id = any($2::bigint[]) and master_person_id = $3`, [m.merged_id, ids, m.survivor_id]);
      }
      if (moved.__redirected?.length) await client.query(`update master_persons set merged_into_id = $1 where id = any($2::bigint[])`, [m.merged_id, moved.__redirected]);
      await client.query(`update master_persons set merged_into_id = null, updated_at = now() where id = $1`, [m.merged_id]);
      await client.query(`update person_merges set undone_at = now(), undone_by = $2 where id = $1`, [mergeId, actor.userId]);
      await audit.appendWith(client, {
        actorType: 'staff', actorId: actor.userId, action: 'person.unmerge', resourceType: 'person_merge', resourceId: mergeId, masterPersonId: m.merged_id, ip: actor.ip,
        details: { survivorId: m.survivor_id, mergedId: m.merged_id },
      });
      await client.query('commit');
      return { mergeId, survivorId: m.survivor_id, mergedId: m.merged_id };
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  return { merge, undo };
}
