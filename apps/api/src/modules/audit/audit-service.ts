import type { PgPool, PgPoolClient } from '@rhip/db';
import { auditHash, type AuditEntryBody } from './audit-chain';

export interface AuditEvent {
  actorType: 'staff' | 'institution' | 'system' | 'anonymous';
  actorId?: string | null;
  action: string;
  resourceType?: string | null;
  resourceId?: string | null;
  masterPersonId?: string | null;
  purpose?: string | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

/** Serialises appends to the chain across API replicas (transaction-scoped advisory lock). */
const CHAIN_LOCK = 727_001;

/**
 * Append-only, hash-chained audit trail. Appends take a transaction-level
 * advisory lock so entries chain in one order even with several API
 * replicas; pass the caller's transaction client to make the entry part of
 * the change it records (it commits or rolls back with it).
 */
export function createAuditService(deps: { pg: PgPool }) {
  async function appendWith(client: PgPoolClient, e: AuditEvent): Promise<void> {
    await client.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const last = await client.query<{ hash: string }>('select hash from audit_log order by id desc limit 1');
    const body: AuditEntryBody = {
      at: new Date().toISOString(),
      actorType: e.actorType,
      actorId: e.actorId ?? null,
      action: e.action,
      resourceType: e.resourceType ?? null,
      resourceId: e.resourceId ?? null,
      masterPersonId: e.masterPersonId ?? null,
      purpose: e.purpose ?? null,
      ip: e.ip ?? null,
      details: e.details ?? null,
      prevHash: last.rows[0]?.hash ?? null,
    };
    await client.query(
      `insert into audit_log (at, actor_type, actor_id, action, resource_type, resource_id, master_person_id, purpose, ip, details, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [body.at, body.actorType, body.actorId, body.action, body.resourceType, body.resourceId, body.masterPersonId, body.purpose, body.ip, body.details === null ? null : JSON.stringify(body.details), body.prevHash, auditHash(body)],
    );
  }

  /** Appends in a transaction of its own. */
  async function append(e: AuditEvent): Promise<void> {
    const client = await deps.pg.connect();
    try {
      await client.query('begin');
      await appendWith(client, e);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  return { append, appendWith };
}

export type AuditService = ReturnType<typeof createAuditService>;
