import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnomalyListQuerySchema, AnomalyPageSchema, ErrorBodySchema, InstitutionStatusDetailQuerySchema, InstitutionStatusDetailSchema,
  InstitutionStatusListQuerySchema, InstitutionStatusPageSchema, InterconnectionSummaryQuerySchema, InterconnectionSummarySchema,
  type InstitutionStatusItem, type RegionInterconnection, type VolumeAnomaly,
} from '@rhip/contracts';
import { sendCsv, type CsvColumn } from '../../lib/csv';
import { scopeFilters } from '../../lib/scope';
import { resolveDayRange } from './day-range';
import { createInterconnectionService } from './interconnection-service';
import { createRegionDirectory } from './region-directory';

/** Everyone on the staff may read interconnection aggregates; institution operators and keys see their own institution. */
const readers = { roles: 'any' as const, institution: true };
const csv = z.string().describe('text/csv when ?format=csv');

const INSTITUTION_COLUMNS: CsvColumn<InstitutionStatusItem>[] = [
  { header: '机构编码 code', value: (r) => r.code },
  { header: '机构名称 name', value: (r) => r.name },
  { header: '区县 county', value: (r) => r.regionName ?? r.regionCode },
  { header: '等级 level', value: (r) => r.level },
  { header: '类型 type', value: (r) => r.type },
  { header: '所有制 ownership', value: (r) => r.ownership },
  { header: '状态 status', value: (r) => r.status },
  { header: '已接入 connected', value: (r) => r.connected },
  { header: '最近接收 last received', value: (r) => r.lastReceivedAt },
  { header: '应报数据集 expected', value: (r) => r.expectedDatasets },
  { header: '在线数据集 online', value: (r) => r.onlineDatasets },
  { header: '接收 received', value: (r) => r.received },
  { header: '拒收 rejected', value: (r) => r.rejected },
  { header: '拒收率% rejection rate', value: (r) => r.rejectionRate },
  { header: '及时率% timeliness', value: (r) => r.timeliness },
  { header: '数据集状态 data sets', value: (r) => r.datasets.map((d) => `${d.dataset}:${d.status}`).join(' ') },
];

const REGION_COLUMNS: CsvColumn<RegionInterconnection>[] = [
  { header: '区划代码 code', value: (r) => r.code },
  { header: '名称 name', value: (r) => r.name },
  { header: '级别 level', value: (r) => r.level },
  { header: '机构数 institutions', value: (r) => r.institutions },
  { header: '已接入 connected', value: (r) => r.connectedInstitutions },
  { header: '公立机构 public', value: (r) => r.publicInstitutions },
  { header: '公立已接入 public connected', value: (r) => r.connectedPublicInstitutions },
  { header: '公立医疗卫生机构接入平台比例% connected public share', value: (r) => r.connectedPublicShare },
  { header: '应报数据集 expected data sets', value: (r) => r.expectedDatasets },
  { header: '在线 online', value: (r) => r.online },
  { header: '延迟 delayed', value: (r) => r.delayed },
  { header: '静默 silent', value: (r) => r.silent },
  { header: '未接入 never', value: (r) => r.never },
  { header: '在线率% online share', value: (r) => r.onlineShare },
  { header: '接收 received', value: (r) => r.received },
  { header: '拒收率% rejection rate', value: (r) => r.rejectionRate },
  { header: '及时率% timeliness', value: (r) => r.timeliness },
  { header: '量异常 anomalies', value: (r) => r.anomalies },
];

const ANOMALY_COLUMNS: CsvColumn<VolumeAnomaly>[] = [
  { header: '日期 day', value: (r) => r.day },
  { header: '机构编码 code', value: (r) => r.institutionCode },
  { header: '机构名称 name', value: (r) => r.institutionName },
  { header: '区县 county', value: (r) => r.regionCode },
  { header: '数据集 dataset', value: (r) => r.dataset },
  { header: '数量 count', value: (r) => r.count },
  { header: '基线中位数 median', value: (r) => r.baselineMedian },
  { header: 'MAD', value: (r) => r.baselineMad },
  { header: '稳健Z z-score', value: (r) => r.zScore },
  { header: '方向 direction', value: (r) => r.direction },
];

/** 互联互通: status per institution × data set (worker-computed), daily series, county rollups, volume anomalies. */
export default async function interconnectionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createInterconnectionService({ pg: app.pg, regions: createRegionDirectory(app.pg) });
  const tags = ['interconnection'];

  r.get(
    '/api/v1/interconnection/institutions',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Institutions with their interconnection status and volumes over a day range; filtered, sorted, paged (?format=csv exports all rows)',
        querystring: InstitutionStatusListQuerySchema,
        response: { 200: InstitutionStatusPageSchema.or(csv), 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const range = resolveDayRange(req.query);
      const scope = scopeFilters(req, { regionCode: req.query.regionCode });
      if (req.query.format === 'csv') {
        const page = await service.list(req.query, range, scope, true);
        return sendCsv(reply, `interconnection-institutions-${range.from}-${range.to}`, INSTITUTION_COLUMNS, page.items);
      }
      return service.list(req.query, range, scope);
    },
  );

  r.get(
    '/api/v1/interconnection/institutions/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'One institution: status per data set, dense daily series (volume, rejections, delay p50/p90, timeliness) and its volume anomalies',
        params: z.object({ id: z.uuid() }),
        querystring: InstitutionStatusDetailQuerySchema,
        response: { 200: InstitutionStatusDetailSchema, 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    async (req) => service.detail(req.params.id, req.query, resolveDayRange(req.query), scopeFilters(req, { institutionId: req.params.id })),
  );

  r.get(
    '/api/v1/interconnection/regions',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Per county and for the city: connected share of public institutions (公立医疗卫生机构接入平台比例), online share, timeliness, rejections, anomalies',
        querystring: InterconnectionSummaryQuerySchema,
        response: { 200: InterconnectionSummarySchema.or(csv), 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const range = resolveDayRange(req.query);
      const summary = await service.summary(range, scopeFilters(req, {}));
      if (req.query.format === 'csv') return sendCsv(reply, `interconnection-regions-${range.from}-${range.to}`, REGION_COLUMNS, [summary.city, ...summary.counties]);
      return summary;
    },
  );

  r.get(
    '/api/v1/interconnection/anomalies',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Volume anomalies: days whose count departs from the institution\'s own baseline (modified z-score on median and MAD)',
        querystring: AnomalyListQuerySchema,
        response: { 200: AnomalyPageSchema.or(csv), 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const range = resolveDayRange(req.query);
      const scope = scopeFilters(req, { regionCode: req.query.regionCode, institutionId: req.query.institutionId });
      if (req.query.format === 'csv') {
        const page = await service.anomalies(req.query, range, scope, true);
        return sendCsv(reply, `volume-anomalies-${range.from}-${range.to}`, ANOMALY_COLUMNS, page.items);
      }
      return service.anomalies(req.query, range, scope);
    },
  );
}
