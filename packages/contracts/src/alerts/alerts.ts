import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/paging';
import { DatasetSchema } from '../institutions/institutions';
import { DayRangeQuerySchema, FormatSchema, QueryBooleanSchema } from '../interconnection/report-query';

/**
 * Alert rules, the notifications they raise (one per occurrence of the
 * condition) and webhook deliveries (POSTed by the worker, retried with
 * exponential back-off, status kept).
 *   pass_rate_below  pass rate (合格率) below `thresholdPercent` on each of `days` consecutive days
 *   silent_cadences  an expected data set silent for `cadences` × its cadence
 */
export const AlertKindSchema = z.enum(['pass_rate_below', 'silent_cadences']);
export type AlertKind = z.infer<typeof AlertKindSchema>;

export const AlertScopeSchema = z
  .object({
    regionCode: z.string().regex(/^\d{6}$/).optional().describe('County code'),
    institutionId: z.uuid().optional(),
    dataset: DatasetSchema.optional(),
  })
  .strict();
export type AlertScope = z.infer<typeof AlertScopeSchema>;

const WebhookUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .describe('POSTed a JSON body { event, deliveryId, notification } for each new notification');

const RuleCommon = {
  name: z.string().trim().min(1).max(200),
  scope: AlertScopeSchema.default({}),
  webhookUrl: WebhookUrlSchema.nullable().optional(),
  active: z.boolean().default(true),
};

export const CreateAlertRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pass_rate_below'),
    thresholdPercent: z.number().min(0).max(100).describe('e.g. 95 (plan target)'),
    days: z.number().int().min(1).max(90),
    ...RuleCommon,
  }),
  z.object({
    kind: z.literal('silent_cadences'),
    cadences: z.number().positive().max(1000).describe('e.g. 3: nothing for three times the data set\'s cadence'),
    ...RuleCommon,
  }),
]);
export type CreateAlertRule = z.infer<typeof CreateAlertRuleSchema>;

export const UpdateAlertRuleSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  thresholdPercent: z.number().min(0).max(100).optional(),
  days: z.number().int().min(1).max(90).optional(),
  cadences: z.number().positive().max(1000).optional(),
  scope: AlertScopeSchema.optional(),
  webhookUrl: WebhookUrlSchema.nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateAlertRule = z.infer<typeof UpdateAlertRuleSchema>;

export const AlertRuleSchema = z.object({
  id: z.string(),
  kind: AlertKindSchema,
  name: z.string(),
  thresholdPercent: z.number().nullable(),
  days: z.number().int().nullable(),
  cadences: z.number().nullable(),
  scope: AlertScopeSchema,
  webhookUrl: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

export const AlertRuleListQuerySchema = PageQuerySchema.extend({
  kind: AlertKindSchema.optional(),
  active: QueryBooleanSchema.optional(),
});
export const AlertRulePageSchema = pageOf(AlertRuleSchema);

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  url: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  ruleId: z.string().nullable(),
  ruleName: z.string().nullable(),
  kind: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  title: z.string(),
  message: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  dataset: z.string().nullable(),
  regionCode: z.string().nullable(),
  details: z.unknown(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  deliveries: z.array(WebhookDeliverySchema),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = PageQuerySchema.extend(DayRangeQuerySchema.partial().shape).extend({
  acknowledged: QueryBooleanSchema.optional(),
  kind: AlertKindSchema.optional(),
  ruleId: z.uuid().optional(),
  institutionId: z.uuid().optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  dataset: DatasetSchema.optional(),
  format: FormatSchema,
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;
export const NotificationPageSchema = pageOf(NotificationSchema).extend({ unacknowledged: z.number().int().describe('Unacknowledged notifications in the caller\'s scope (badge)') });

export const AcknowledgeManySchema = z.object({ ids: z.array(z.string().regex(/^\d+$/)).min(1).max(500) });
