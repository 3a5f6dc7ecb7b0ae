import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateIndicatorEntrySchema, ErrorBodySchema, IndicatorCodeParamsSchema, IndicatorEntryListQuerySchema, IndicatorEntryListSchema,
  IndicatorEntrySchema, IndicatorListQuerySchema, IndicatorListSchema, IndicatorSchema, KpiStatusSchema, KpiValuesQuerySchema, KpiValuesSchema,
  PlanTableQuerySchema, PlanTableSchema, RecomputeKpiResultSchema, RecomputeKpiSchema, type StaffRole,
} from '@rhip/contracts';
import { createAuditService } from '../audit/audit-service';
import reportRoutes, { REPORT_READERS } from '../reports/report-routes';
import { sendTable } from '../reports/table-export';
import { createEntryService } from './entry-service';
import { syncIndicatorTable } from './indicator-registry';
import { planTable, registryTable, valuesTable } from './kpi-export';
import { createKpiRepository } from './kpi-repository';
import { createKpiService } from './kpi-service';
import { createRegionResolver } from './regions';

/** KPIs are aggregates: readable by every staff role that reads aggregates (analysts included). */
const KPI_READERS = REPORT_READERS;
/** Planning and statistics staff enter the values the platform cannot compute. */
const KPI_EDITORS: readonly StaffRole[] = ['admin', 'analyst'];

/**
 * 指标 (KPI) and the statutory reports: the registry, values by region,
 * county, institution and month, the plan table, entered values with their
 * history, recompute requests and the worker's state. Every table also
 * downloads as CSV or XLSX with `format=`.
 */
export default async function kpiRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repo = createKpiRepository({ pg: app.pg });
  const regions = createRegionResolver({ pg: app.pg });
  const kpi = createKpiService({ repo, regions, queue: app.queues.kpi, redis: app.redis, queuePrefix: app.config.QUEUE_PREFIX });
  const entries = createEntryService({ pg: app.pg, repo, regions, audit: createAuditService({ pg: app.pg }), kpi });
  const tags = ['kpi'];

  // Keep the indicators table (referenced by entries) in step with the registry.
  app.addHook('onReady', async () => {
    await syncIndicatorTable(app.pg).catch((err: Error) => app.log.warn({ err: err.message }, 'indicator registry not synced'));
  });

  r.get(
    '/api/v1/kpi/indicators',
    {
      config: { access: { roles: 'any' } },
      schema: { tags, summary: 'The indicator registry: the 14 plan indicators (baseline 2020, target 2025) and the health-service indicators', querystring: IndicatorListQuerySchema, response: { 200: IndicatorListSchema } },
    },
    async (req, reply) => {
      const items = kpi.registry(req.query.group);
      return req.query.format === 'json' ? { items } : sendTable(reply, registryTable(items), req.query.format);
    },
  );

  r.get(
    '/api/v1/kpi/indicators/:code',
    { config: { access: { roles: 'any' } }, schema: { tags, summary: 'One indicator of the registry', params: IndicatorCodeParamsSchema, response: { 200: IndicatorSchema, 404: ErrorBodySchema } } },
    async (req) => kpi.indicator(req.params.code),
  );

  r.get(
    '/api/v1/kpi/plan',
    {
      config: { access: { roles: KPI_READERS } },
      schema: {
        tags,
        summary: 'The plan table (“十四五”全民健康信息化建设指标): each of the 14 indicators with its value, source and progress toward the 2025 target',
        querystring: PlanTableQuerySchema,
        response: { 200: PlanTableSchema, 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const table = await kpi.plan(req, req.query);
      return req.query.format === 'json' ? table : sendTable(reply, planTable(table), req.query.format);
    },
  );

  r.get(
    '/api/v1/kpi/values',
    {
      config: { access: { roles: KPI_READERS } },
      schema: {
        tags,
        summary: 'Indicator values for a period: for the region, each county, each institution, or each month of a year',
        description:
          'Computed values come from the rollups kept by the KPI worker; an entered value overrides the computed one (shown under `computed`). Month values of coverage and management rates are as of the end of the month (year to date for management rates).',
        querystring: KpiValuesQuerySchema,
        response: { 200: KpiValuesSchema, 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const values = await kpi.values(req, req.query);
      return req.query.format === 'json' ? values : sendTable(reply, valuesTable(values), req.query.format);
    },
  );

  r.get(
    '/api/v1/kpi/indicators/:code/entries',
    {
      config: { access: { roles: KPI_READERS } },
      schema: { tags, summary: 'Entered values of an indicator, newest first (who, when, evidence); `current` marks the value in force', params: IndicatorCodeParamsSchema, querystring: IndicatorEntryListQuerySchema, response: { 200: IndicatorEntryListSchema, 403: ErrorBodySchema, 404: ErrorBodySchema } },
    },
    async (req) => ({ items: await entries.history(req, req.params.code, req.query) }),
  );

  r.post(
    '/api/v1/kpi/indicators/:code/entries',
    {
      config: { access: { roles: KPI_EDITORS } },
      schema: {
        tags,
        summary: 'Enter a value (with evidence) for an indicator, region and period; it overrides any computed value and keeps the earlier entries',
        params: IndicatorCodeParamsSchema,
        body: CreateIndicatorEntrySchema,
        response: { 201: IndicatorEntrySchema, 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await entries.create(req, req.params.code, req.body)),
  );

  r.get(
    '/api/v1/kpi/status',
    { config: { access: { roles: KPI_READERS } }, schema: { tags, summary: 'When the rollups were last written and how much work the KPI worker has queued', response: { 200: KpiStatusSchema } } },
    async () => kpi.status(),
  );

  r.post(
    '/api/v1/kpi/recompute',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags, summary: 'Ask the KPI worker to recompute every rollup of a period (as `npm run kpi:recompute -- --period`)', body: RecomputeKpiSchema, response: { 202: RecomputeKpiResultSchema } },
    },
    async (req, reply) => reply.status(202).send(await kpi.recompute(req.body.period, req.id)),
  );

  await app.register(reportRoutes);
}
