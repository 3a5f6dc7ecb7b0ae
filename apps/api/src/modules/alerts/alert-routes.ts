import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcknowledgeManySchema, AlertRuleListQuerySchema, AlertRulePageSchema, AlertRuleSchema, CreateAlertRuleSchema, ErrorBodySchema, NotificationListQuerySchema,
  NotificationPageSchema, NotificationSchema, UpdateAlertRuleSchema,
} from '@rhip/contracts';
import { sendCsv } from '../../lib/csv';
import { requireStaff } from '../../plugins/access';
import { scopeFilters } from '../../lib/scope';
import { createAuditService } from '../audit/audit-service';
import { resolveDayRange } from '../interconnection/day-range';
import { createAlertService } from './alert-service';

const ruleReaders = ['admin', 'quality_officer', 'analyst', 'auditor'] as const;
/** Who may acknowledge: not auditors (read-only) nor clinicians. */
const acknowledgers = ['admin', 'quality_officer', 'analyst', 'institution_operator'] as const;
const csv = z.string().describe('text/csv when ?format=csv');
const IdParams = z.object({ id: z.uuid() });
const NotificationParams = z.object({ id: z.string().regex(/^\d+$/) });

/** Alert rules (admin), the notifications they raise and their webhook deliveries. */
export default async function alertRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const alerts = createAlertService({ pg: app.pg, audit: createAuditService({ pg: app.pg }) });
  const tags = ['alerts'];
  const actor = (req: Parameters<typeof requireStaff>[0]) => ({ userId: requireStaff(req).user.id, ip: req.ip });

  r.get(
    '/api/v1/alerts/rules',
    { config: { access: { roles: ruleReaders } }, schema: { tags, summary: 'Alert rules', querystring: AlertRuleListQuerySchema, response: { 200: AlertRulePageSchema } } },
    async (req) => alerts.listRules(req.query),
  );

  r.get(
    '/api/v1/alerts/rules/:id',
    { config: { access: { roles: ruleReaders } }, schema: { tags, summary: 'One alert rule', params: IdParams, response: { 200: AlertRuleSchema, 404: ErrorBodySchema } } },
    async (req) => alerts.getRule(req.params.id),
  );

  r.post(
    '/api/v1/alerts/rules',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Create a rule: pass_rate_below (thresholdPercent, days) or silent_cadences (cadences); scope and webhook URL optional',
        body: CreateAlertRuleSchema,
        response: { 201: AlertRuleSchema, 400: ErrorBodySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await alerts.createRule(req.body, actor(req))),
  );

  r.patch(
    '/api/v1/alerts/rules/:id',
    { config: { access: { roles: ['admin'] } }, schema: { tags, summary: 'Change a rule (webhookUrl: null removes the webhook)', params: IdParams, body: UpdateAlertRuleSchema, response: { 200: AlertRuleSchema, 400: ErrorBodySchema, 404: ErrorBodySchema } } },
    async (req) => alerts.updateRule(req.params.id, req.body, actor(req)),
  );

  r.delete(
    '/api/v1/alerts/rules/:id',
    { config: { access: { roles: ['admin'] } }, schema: { tags, summary: 'Delete a rule (its notifications stay)', params: IdParams, response: { 204: z.null().describe('Deleted'), 404: ErrorBodySchema } } },
    async (req, reply) => {
      await alerts.deleteRule(req.params.id, actor(req));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/alerts/notifications',
    {
      config: { access: { roles: 'any', institution: true } },
      schema: {
        tags,
        summary: 'Notifications, newest first, with webhook delivery status (county staff: their county; institutions: their own)',
        querystring: NotificationListQuerySchema,
        response: { 200: NotificationPageSchema.or(csv), 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const range = req.query.from || req.query.to ? resolveDayRange(req.query) : null;
      const scope = scopeFilters(req, { regionCode: req.query.regionCode, institutionId: req.query.institutionId });
      if (req.query.format === 'csv') {
        const page = await alerts.notifications(req.query, range, scope, true);
        return sendCsv(reply, 'notifications', [
          { header: '时间 created', value: (x) => x.createdAt },
          { header: '类型 kind', value: (x) => x.kind },
          { header: '级别 severity', value: (x) => x.severity },
          { header: '标题 title', value: (x) => x.title },
          { header: '机构 institution', value: (x) => x.institutionName },
          { header: '数据集 dataset', value: (x) => x.dataset },
          { header: '区县 county', value: (x) => x.regionCode },
          { header: '已确认 acknowledged', value: (x) => x.acknowledgedAt },
          { header: '推送 webhook', value: (x) => x.deliveries.map((d) => d.status).join(' ') },
        ], page.items);
      }
      return alerts.notifications(req.query, range, scope);
    },
  );

  r.get(
    '/api/v1/alerts/notifications/:id',
    {
      config: { access: { roles: 'any', institution: true } },
      schema: { tags, summary: 'One notification with its details and webhook deliveries', params: NotificationParams, response: { 200: NotificationSchema, 404: ErrorBodySchema } },
    },
    async (req) => alerts.notification(req.params.id, scopeFilters(req, {})),
  );

  r.post(
    '/api/v1/alerts/notifications/:id/acknowledge',
    {
      config: { access: { roles: acknowledgers } },
      schema: { tags, summary: 'Acknowledge a notification', params: NotificationParams, response: { 200: NotificationSchema, 404: ErrorBodySchema } },
    },
    async (req) => {
      const scope = scopeFilters(req, {});
      const current = await alerts.notification(req.params.id, scope);
      await alerts.acknowledge([current.id], scope, actor(req));
      return alerts.notification(req.params.id, scope);
    },
  );

  r.post(
    '/api/v1/alerts/notifications/acknowledge',
    {
      config: { access: { roles: acknowledgers } },
      schema: { tags, summary: 'Acknowledge several notifications', body: AcknowledgeManySchema, response: { 200: z.object({ acknowledged: z.array(z.string()) }) } },
    },
    async (req) => ({ acknowledged: await alerts.acknowledge(req.body.ids, scopeFilters(req, {}), actor(req)) }),
  );
}
