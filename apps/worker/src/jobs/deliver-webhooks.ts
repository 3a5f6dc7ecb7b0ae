import { createHmac } from 'node:crypto';
import type { PgPoolClient } from '@rhip/db';
import type { Logger } from '@rhip/logger';

export interface WebhookOptions {
  timeoutMs: number;
  maxAttempts: number;
  /** First retry after this long, doubling each attempt. */
  retryBaseMs: number;
  /** Signs the body: x-rhip-signature: sha256=<hex HMAC>. */
  signingSecret?: string | undefined;
  /** Deliveries per run. */
  limit?: number;
}

interface DueRow {
  id: string;
  url: string;
  attempts: number;
  notification_id: string;
  kind: string;
  severity: string;
  title: string;
  message: string | null;
  details: unknown;
  institution_id: string | null;
  institution_name: string | null;
  institution_code: string | null;
  dataset: string | null;
  region_code: string | null;
  created_at: Date;
  rule_id: string | null;
  rule_name: string | null;
}

/** The JSON a webhook receives. */
export function webhookBody(r: DueRow) {
  return {
    event: 'notification.created',
    deliveryId: r.id,
    notification: {
      id: r.notification_id,
      kind: r.kind,
      severity: r.severity,
      title: r.title,
      message: r.message,
      institution: r.institution_id ? { id: r.institution_id, name: r.institution_name, code: r.institution_code } : null,
      dataset: r.dataset,
      regionCode: r.region_code,
      details: r.details,
      createdAt: r.created_at.toISOString(),
      rule: r.rule_id ? { id: r.rule_id, name: r.rule_name } : null,
    },
  };
}

/** Delay before attempt n + 1 after n failed attempts: base × 2^(n − 1). */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attempts - 1);
}

/**
 * Sends due webhook deliveries (pending, next attempt reached), one POST each.
 * A 2xx answer marks it delivered; anything else (non-2xx, redirect, timeout,
 * refused connection) is recorded and retried with exponential back-off until
 * `maxAttempts`, then the delivery is failed. State lives in PostgreSQL, so a
 * worker restart or a Redis flush loses no delivery. Redirects are not
 * followed (the URL configured is the URL called).
 */
export async function deliverWebhooks(client: PgPoolClient, log: Logger, opts: WebhookOptions): Promise<{ delivered: number; failed: number; retried: number }> {
  const due = await client.query<DueRow>(
    `select d.id::text, d.url, d.attempts, n.id::text as notification_id, n.kind, n.severity::text, n.title, n.message, n.details,
            n.institution_id, i.name as institution_name, i.code as institution_code, n.dataset, n.region_code, n.created_at,
            n.rule_id, r.name as rule_name
       from webhook_deliveries d
       join notifications n on n.id = d.notification_id
       left join institutions i on i.id = n.institution_id
       left join alert_rules r on r.id = n.rule_id
      where d.status = 'pending' and (d.next_attempt_at is null or d.next_attempt_at <= now())
      order by d.next_attempt_at nulls first, d.id
      limit $1`,
    [opts.limit ?? 50],
  );
  const counts = { delivered: 0, failed: 0, retried: 0 };
  for (const r of due.rows) {
    const body = JSON.stringify(webhookBody(r));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'rhip-alerts/1',
      'x-rhip-event': 'notification.created',
      'x-rhip-delivery': r.id,
    };
    if (opts.signingSecret) headers['x-rhip-signature'] = `sha256=${createHmac('sha256', opts.signingSecret).update(body).digest('hex')}`;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(r.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(opts.timeoutMs) });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      error = e.name === 'TimeoutError' ? `timed out after ${opts.timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    }
    const attempts = r.attempts + 1;
    if (!error) {
      await client.query(
        `update webhook_deliveries set status = 'delivered', attempts = $2, last_status_code = $3, last_error = null, delivered_at = now(), next_attempt_at = null where id = $1`,
        [r.id, attempts, status],
      );
      counts.delivered += 1;
    } else if (attempts >= opts.maxAttempts) {
      await client.query(
        `update webhook_deliveries set status = 'failed', attempts = $2, last_status_code = $3, last_error = $4, next_attempt_at = null where id = $1`,
        [r.id, attempts, status, error.slice(0, 2000)],
      );
      counts.failed += 1;
      log.warn({ deliveryId: r.id, attempts, error }, 'webhook delivery failed for good');
    } else {
      await client.query(
        `update webhook_deliveries set attempts = $2, last_status_code = $3, last_error = $4, next_attempt_at = now() + make_interval(secs => $5::float8 / 1000) where id = $1`,
        [r.id, attempts, status, error.slice(0, 2000), retryDelayMs(attempts, opts.retryBaseMs)],
      );
      counts.retried += 1;
    }
  }
  if (due.rows.length) log.info(counts, 'webhook deliveries sent');
  return counts;
}
