import type { AlertRule, AlertScope, CreateAlertRule, Notification, NotificationListQuery, UpdateAlertRule, WebhookDelivery } from '@rhip/contracts';
import type { PgPool } from '@rhip/db';
import { CSV_MAX_ROWS } from '../../lib/csv';
import { NotFoundError, ValidationError } from '../../lib/errors';
import type { ReadScope } from '../../lib/scope';
import type { AuditService } from '../audit/audit-service';
import type { DayRange } from '../interconnection/day-range';
import { SqlParams, iso } from '../interconnection/sql-params';

interface RuleRow {
  id: string;
  kind: AlertRule['kind'];
  name: string;
  threshold: string | null;
  days: number | null;
  scope: AlertScope | null;
  webhook_url: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

/**
 * Storage of a rule's parameters in alert_rules: pass_rate_below keeps the
 * percentage in `threshold` and N in `days`; silent_cadences keeps N
 * cadences in `threshold`.
 */
function toRule(r: RuleRow): AlertRule {
  const t = r.threshold === null ? null : Number(r.threshold);
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    thresholdPercent: r.kind === 'pass_rate_below' ? t : null,
    days: r.kind === 'pass_rate_below' ? r.days : null,
    cadences: r.kind === 'silent_cadences' ? t : null,
    scope: r.scope ?? {},
    webhookUrl: r.webhook_url,
    active: r.active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

type Actor = { userId: string; ip: string };

export function createAlertService(deps: { pg: PgPool; audit: AuditService }) {
  const { pg, audit } = deps;

  async function listRules(q: { page: number; pageSize: number; kind?: string | undefined; active?: boolean | undefined }) {
    const res = await pg.query<RuleRow & { total: string }>(
      `select id, kind, name, threshold::text, days, scope, webhook_url, active, created_at, updated_at, count(*) over () as total
         from alert_rules where ($1::text is null or kind = $1) and ($2::boolean is null or active = $2)
        order by created_at desc, id limit $3 offset $4`,
      [q.kind ?? null, q.active ?? null, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items: res.rows.map(toRule), total: Number(res.rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize };
  }

  async function getRule(id: string): Promise<AlertRule> {
    const res = await pg.query<RuleRow>(`select id, kind, name, threshold::text, days, scope, webhook_url, active, created_at, updated_at from alert_rules where id = $1`, [id]);
    if (!res.rows[0]) throw new NotFoundError('Alert rule');
    return toRule(res.rows[0]);
  }

  async function createRule(input: CreateAlertRule, actor: Actor): Promise<AlertRule> {
    const threshold = input.kind === 'pass_rate_below' ? input.thresholdPercent : input.cadences;
    const days = input.kind === 'pass_rate_below' ? input.days : null;
    const res = await pg.query<{ id: string }>(
      `insert into alert_rules (kind, name, threshold, days, scope, webhook_url, active, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [input.kind, input.name, threshold, days, JSON.stringify(input.scope ?? {}), input.webhookUrl ?? null, input.active, actor.userId],
    );
    const id = res.rows[0]!.id;
    await audit.append({ actorType: 'staff', actorId: actor.userId, action: 'alerts.rule.create', resourceType: 'alert_rule', resourceId: id, ip: actor.ip, details: { kind: input.kind, name: input.name } });
    return getRule(id);
  }

  async function updateRule(id: string, input: UpdateAlertRule, actor: Actor): Promise<AlertRule> {
    const rule = await getRule(id);
    if (rule.kind === 'pass_rate_below' && input.cadences !== undefined) throw new ValidationError('cadences applies to silent_cadences rules');
    if (rule.kind === 'silent_cadences' && (input.thresholdPercent !== undefined || input.days !== undefined)) throw new ValidationError('thresholdPercent and days apply to pass_rate_below rules');
    const threshold = rule.kind === 'pass_rate_below' ? (input.thresholdPercent ?? rule.thresholdPercent) : (input.cadences ?? rule.cadences);
    await pg.query(
      `update alert_rules set name = $2, threshold = $3, days = $4, scope = $5, webhook_url = $6, active = $7, updated_at = now() where id = $1`,
      [
        id,
        input.name ?? rule.name,
        threshold,
        rule.kind === 'pass_rate_below' ? (input.days ?? rule.days) : null,
        JSON.stringify(input.scope ?? rule.scope),
        input.webhookUrl === undefined ? rule.webhookUrl : input.webhookUrl,
        input.active ?? rule.active,
      ],
    );
    await audit.append({ actorType: 'staff', actorId: actor.userId, action: 'alerts.rule.update', resourceType: 'alert_rule', resourceId: id, ip: actor.ip, details: { changed: Object.keys(input) } });
    return getRule(id);
  }

  async function deleteRule(id: string, actor: Actor): Promise<void> {
    const res = await pg.query(`delete from alert_rules where id = $1`, [id]);
    if (!res.rowCount) throw new NotFoundError('Alert rule');
    await audit.append({ actorType: 'staff', actorId: actor.userId, action: 'alerts.rule.delete', resourceType: 'alert_rule', resourceId: id, ip: actor.ip });
  }

  function notificationWhere(p: SqlParams, q: Partial<NotificationListQuery> & { id?: string }, range: DayRange | null, scope: ReadScope) {
    const where = ['true'];
    const add = (cond: string, v: unknown) => {
      if (v !== undefined && v !== null) where.push(cond.replace('?', p.add(v)));
    };
    add('n.id = ?::bigint', q.id);
    if (range) where.push(`n.created_at >= (${p.add(range.from)}::date::timestamp at time zone 'Asia/Shanghai') and n.created_at < ((${p.add(range.to)}::date + 1)::timestamp at time zone 'Asia/Shanghai')`);
    add('n.region_code = ?', scope.regionCode);
    add('n.institution_id = ?::uuid', scope.institutionId);
    add('n.region_code = ?', q.regionCode);
    add('n.institution_id = ?::uuid', q.institutionId);
    add('n.kind = ?', q.kind);
    add('n.rule_id = ?::uuid', q.ruleId);
    add('n.dataset = ?', q.dataset);
    if (q.acknowledged !== undefined) where.push(q.acknowledged ? 'n.acknowledged_at is not null' : 'n.acknowledged_at is null');
    return where.join(' and ');
  }

  async function notifications(q: NotificationListQuery, range: DayRange | null, scope: ReadScope, all = false) {
    const p = new SqlParams();
    const where = notificationWhere(p, q, range, scope);
    const pu = new SqlParams();
    const unackWhere = notificationWhere(pu, { acknowledged: false }, null, scope);
    const limit = all ? CSV_MAX_ROWS : q.pageSize;
    const offset = all ? 0 : (q.page - 1) * q.pageSize;
    const [rows, unack] = await Promise.all([
      pg.query<NotificationRow & { total: string }>(
        `${NOTIFICATION_SELECT}, count(*) over () as total ${NOTIFICATION_FROM}
          where ${where}
          order by n.created_at desc, n.id desc
          limit ${p.add(limit)} offset ${p.add(offset)}`,
        p.values,
      ),
      pg.query<{ n: number }>(`select count(*)::int as n from notifications n where ${unackWhere}`, pu.values),
    ]);
    return {
      items: rows.rows.map(toNotification),
      total: Number(rows.rows[0]?.total ?? 0),
      page: all ? 1 : q.page,
      pageSize: all ? rows.rows.length : q.pageSize,
      unacknowledged: unack.rows[0]?.n ?? 0,
    };
  }

  async function notification(id: string, scope: ReadScope): Promise<Notification> {
    const p = new SqlParams();
    const res = await pg.query<NotificationRow>(`${NOTIFICATION_SELECT} ${NOTIFICATION_FROM} where ${notificationWhere(p, { id }, null, scope)}`, p.values);
    if (!res.rows[0]) throw new NotFoundError('Notification');
    return toNotification(res.rows[0]);
  }

  /** Marks notifications acknowledged (already acknowledged ones keep their first acknowledgement). Returns the ids changed. */
  async function acknowledge(ids: string[], scope: ReadScope, actor: Actor): Promise<string[]> {
    const p = new SqlParams();
    const where = notificationWhere(p, {}, null, scope);
    const res = await pg.query<{ id: string }>(
      `update notifications n set acknowledged_at = now(), acknowledged_by = ${p.add(actor.userId)}::uuid
        where n.id = any(${p.add(ids)}::bigint[]) and n.acknowledged_at is null and ${where}
        returning n.id::text`,
      p.values,
    );
    if (res.rows.length) {
      await audit.append({ actorType: 'staff', actorId: actor.userId, action: 'alerts.notification.acknowledge', resourceType: 'notification', resourceId: res.rows.length === 1 ? res.rows[0]!.id : null, ip: actor.ip, details: { ids: res.rows.map((r) => r.id) } });
    }
    return res.rows.map((r) => r.id);
  }

  return { listRules, getRule, createRule, updateRule, deleteRule, notifications, notification, acknowledge };
}

const NOTIFICATION_SELECT = `select n.id::text, n.rule_id, r.name as rule_name, n.kind, n.severity::text as severity, n.title, n.message, n.institution_id, i.name as institution_name,
       n.dataset, n.region_code, n.details, n.created_at, n.acknowledged_at, n.acknowledged_by,
       coalesce((select jsonb_agg(jsonb_build_object('id', d.id::text, 'url', d.url, 'status', d.status, 'attempts', d.attempts, 'lastStatusCode', d.last_status_code,
                 'lastError', d.last_error, 'nextAttemptAt', d.next_attempt_at, 'deliveredAt', d.delivered_at, 'createdAt', d.created_at) order by d.id)
                   from webhook_deliveries d where d.notification_id = n.id), '[]'::jsonb) as deliveries`;
const NOTIFICATION_FROM = `from notifications n left join alert_rules r on r.id = n.rule_id left join institutions i on i.id = n.institution_id`;

interface NotificationRow {
  id: string;
  rule_id: string | null;
  rule_name: string | null;
  kind: string;
  severity: Notification['severity'];
  title: string;
  message: string | null;
  institution_id: string | null;
  institution_name: string | null;
  dataset: string | null;
  region_code: string | null;
  details: unknown;
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  deliveries: (Omit<WebhookDelivery, 'nextAttemptAt' | 'deliveredAt' | 'createdAt'> & { nextAttemptAt: string | null; deliveredAt: string | null; createdAt: string })[];
}

/** A webhook URL without credentials or query string (they may hold secrets). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}

function toNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    kind: r.kind,
    severity: r.severity,
    title: r.title,
    message: r.message,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    dataset: r.dataset,
    regionCode: r.region_code,
    details: r.details,
    createdAt: r.created_at.toISOString(),
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    deliveries: r.deliveries.map((d) => ({ ...d, url: displayUrl(d.url), nextAttemptAt: iso(d.nextAttemptAt), deliveredAt: iso(d.deliveredAt), createdAt: iso(d.createdAt) as string })),
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
