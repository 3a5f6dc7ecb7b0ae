import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema, NotifiableDiseaseReportQuerySchema, NotifiableDiseaseReportSchema, type StaffRole } from '@rhip/contracts';
import { createRegionResolver } from '../kpi/regions';
import { createNotifiableDiseaseService, notifiableDiseaseTable } from './notifiable-disease-service';
import { sendTable } from './table-export';

/** Aggregate statistics: every staff role but institution operators (who see their own institution only). */
export const REPORT_READERS: readonly StaffRole[] = ['admin', 'analyst', 'quality_officer', 'clinician', 'auditor'];

/** Statutory reports (统计报表) built from the worker's rollups. */
export default async function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const diseases = createNotifiableDiseaseService({ pg: app.pg, regions: createRegionResolver({ pg: app.pg }) });

  r.get(
    '/api/v1/reports/notifiable-diseases',
    {
      config: { access: { roles: REPORT_READERS } },
      schema: {
        tags: ['reports'],
        summary: '法定传染病疫情概况: monthly cases and deaths per notifiable disease, in the national bulletin layout (format=csv|xlsx to download)',
        description:
          'Counted by final-review date (终审日期, China time) from the monthly tallies kept by the KPI worker. Rows: 甲乙丙类总计, 甲乙类传染病合计, each 甲/乙类 disease (病毒性肝炎 is the sum of its subtypes, listed after it), 丙类传染病合计, each 丙类 disease. The disease list is the version in force at the end of the month.',
        querystring: NotifiableDiseaseReportQuerySchema,
        response: { 200: NotifiableDiseaseReportSchema, 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const report = await diseases.report(req, req.query);
      return req.query.format === 'json' ? report : sendTable(reply, notifiableDiseaseTable(report), req.query.format);
    },
  );
}
