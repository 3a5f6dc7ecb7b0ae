import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DuplicateListQuerySchema, DuplicatePageSchema, ErrorBodySchema, FailingRecordPageSchema, FailingRecordsQuerySchema, FailingRulesQuerySchema,
  FailingRulesSchema, FindingListQuerySchema, FindingPageSchema, QualityRuleCatalogueSchema, QualityRuleListQuerySchema, QualityScorePageSchema,
  QualityScoreQuerySchema, QualitySummaryQuerySchema, QualitySummarySchema,
  type QualityScoreRow, type QualityScores,
} from '@rhip/contracts';
import { sendCsv, type CsvColumn } from '../../lib/csv';
import { scopeFilters } from '../../lib/scope';
import { createAuditService } from '../audit/audit-service';
import { resolveDayRange } from '../interconnection/day-range';
import { createRegionDirectory } from '../interconnection/region-directory';
import { DIMENSIONS } from './quality-scores';
import { createQualityService } from './quality-service';

const csv = z.string().describe('text/csv when ?format=csv');
/** Aggregates: every staff role (analysts see aggregates only) and institution keys (their own). */
const aggregateReaders = { roles: 'any' as const, institution: true };
/** Findings name records (source ids) but carry no personal values. */
const findingReaders = { roles: ['admin', 'quality_officer', 'auditor', 'institution_operator'] as const, institution: true };
/** Records with (masked) personal fields: audited. */
const recordReaders = { roles: ['admin', 'quality_officer', 'institution_operator'] as const };

const DIMENSION_LABELS: Record<string, string> = { completeness: '完整性', consistency: '一致性', integration: '整合性', timeliness: '及时性', uniqueness: '唯一性' };

function scoreColumns<T extends QualityScores>(): CsvColumn<T>[] {
  return [
    { header: '记录数 records', value: (r) => r.records },
    { header: '合格数 passed', value: (r) => r.passed },
    { header: '合格率% pass rate', value: (r) => r.passRate },
    ...DIMENSIONS.flatMap((d): CsvColumn<T>[] => [
      { header: `${DIMENSION_LABELS[d]}% ${d}`, value: (r) => r[d].score },
      { header: `${d} numerator`, value: (r) => r[d].numerator },
      { header: `${d} denominator`, value: (r) => r[d].denominator },
    ]),
  ];
}

const SCORE_ROW_COLUMNS: CsvColumn<QualityScoreRow>[] = [
  { header: '日期 day', value: (r) => r.day },
  { header: '机构编码 code', value: (r) => r.institutionCode },
  { header: '机构名称 institution', value: (r) => r.institutionName },
  { header: '区划 region', value: (r) => r.regionName ?? r.regionCode },
  { header: '数据集 dataset', value: (r) => r.dataset },
  ...scoreColumns<QualityScoreRow>(),
];

function actorOf(req: FastifyRequest) {
  const p = req.principal!;
  return p.kind === 'staff' ? { actorType: 'staff' as const, actorId: p.user.id, ip: req.ip } : { actorType: 'institution' as const, actorId: p.institutionId, ip: req.ip };
}

/** 数据质量: the rule catalogue, scores and their rollups, the drill-down to failing rules and records, findings, duplicates. */
export default async function qualityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createQualityService({ pg: app.pg, regions: createRegionDirectory(app.pg), audit: createAuditService({ pg: app.pg }), pii: app.pii });
  const tags = ['quality'];

  r.get(
    '/api/v1/quality/rules',
    {
      config: { access: aggregateReaders },
      schema: { tags, summary: 'The rule catalogue (数据质量规则库): code, dimension, severity, zh/en title and description, data sets — the codes findings carry', querystring: QualityRuleListQuerySchema, response: { 200: QualityRuleCatalogueSchema.or(csv) } },
    },
    async (req, reply) => {
      const catalogue = service.rules(req.query);
      if (req.query.format !== 'csv') return catalogue;
      return sendCsv(reply, 'quality-rules', [
        { header: '规则编码 code', value: (x) => x.code },
        { header: '维度 dimension', value: (x) => `${x.dimensionName.zh} ${x.dimension}` },
        { header: '严重程度 severity', value: (x) => x.severity },
        { header: '名称 title', value: (x) => x.title.zh },
        { header: 'title', value: (x) => x.title.en },
        { header: '说明 description', value: (x) => x.description.zh },
        { header: 'description', value: (x) => x.description.en },
        { header: '数据集 data sets', value: (x) => x.datasets.join(' ') },
        { header: '依据 reference', value: (x) => x.reference },
      ], catalogue.rules);
    },
  );

  r.get(
    '/api/v1/quality/scores',
    {
      config: { access: aggregateReaders },
      schema: {
        tags,
        summary: 'Scores per dimension and pass rate (%), at a grain from institution × data set × day up to county and city (Σnumerator ÷ Σdenominator); filtered, sorted, paged',
        querystring: QualityScoreQuerySchema,
        response: { 200: QualityScorePageSchema.or(csv), 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const range = resolveDayRange(req.query);
      const scope = scopeFilters(req, { regionCode: req.query.regionCode, institutionId: req.query.institutionId });
      if (req.query.format === 'csv') {
        const page = await service.scores(req.query, range, scope, true);
        return sendCsv(reply, `quality-scores-${req.query.groupBy}-${range.from}-${range.to}`, SCORE_ROW_COLUMNS, page.items);
      }
      return service.scores(req.query, range, scope);
    },
  );

  r.get(
    '/api/v1/quality/summary',
    {
      config: { access: aggregateReaders },
      schema: { tags, summary: 'Scores per county and for the city against the plan target (合格率 95%)', querystring: QualitySummaryQuerySchema, response: { 200: QualitySummarySchema.or(csv), 400: ErrorBodySchema, 403: ErrorBodySchema } },
    },
    async (req, reply) => {
      const range = resolveDayRange(req.query);
      const summary = await service.summary(req.query, range, scopeFilters(req, {}));
      if (req.query.format !== 'csv') return summary;
      type RegionRow = (typeof summary.counties)[number];
      return sendCsv(reply, `quality-summary-${range.from}-${range.to}`, [
        { header: '区划代码 code', value: (x: RegionRow) => x.code },
        { header: '名称 name', value: (x: RegionRow) => x.name },
        { header: '级别 level', value: (x: RegionRow) => x.level },
        { header: '机构数 institutions', value: (x: RegionRow) => x.institutions },
        ...scoreColumns<RegionRow>(),
        { header: '达标 meets target', value: (x: RegionRow) => x.meetsTarget },
      ], [summary.city as RegionRow, ...summary.counties]);
    },
  );

  r.get(
    '/api/v1/quality/failing-rules',
    {
      config: { access: aggregateReaders },
      schema: { tags, summary: 'Drill-down from a score: the rules that failed in the scope, with findings and records', querystring: FailingRulesQuerySchema, response: { 200: FailingRulesSchema.or(csv), 400: ErrorBodySchema, 403: ErrorBodySchema } },
    },
    async (req, reply) => {
      const range = resolveDayRange(req.query);
      const result = await service.failingRules(req.query, range, scopeFilters(req, { regionCode: req.query.regionCode, institutionId: req.query.institutionId }));
      if (req.query.format !== 'csv') return result;
      return sendCsv(reply, `quality-failing-rules-${range.from}-${range.to}`, [
        { header: '规则编码 code', value: (x) => x.ruleCode },
        { header: '名称 title', value: (x) => x.title?.zh ?? null },
        { header: '维度 dimension', value: (x) => x.dimension },
        { header: '严重程度 severity', value: (x) => x.severity },
        { header: '问题数 findings', value: (x) => x.findings },
        { header: '记录数 records', value: (x) => x.records },
        { header: '记录占比% record share', value: (x) => x.recordShare },
      ], result.items);
    },
  );

  r.get(
    '/api/v1/quality/findings',
    {
      config: { access: findingReaders },
      schema: {
        tags,
        summary: 'Findings, newest first. With an institution\'s API key: only that institution\'s own, filterable by date, data set and rule',
        querystring: FindingListQuerySchema,
        response: { 200: FindingPageSchema.or(csv), 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const range = resolveDayRange(req.query);
      const scope = scopeFilters(req, { regionCode: req.query.regionCode, institutionId: req.query.institutionId });
      if (req.query.format === 'csv') {
        const page = await service.findings(req.query, range, scope, true);
        return sendCsv(reply, `quality-findings-${range.from}-${range.to}`, [
          { header: '日期 day', value: (x) => x.day },
          { header: '机构 institution', value: (x) => x.institutionName },
          { header: '数据集 dataset', value: (x) => x.dataset },
          { header: '记录号 sourceId', value: (x) => x.sourceId },
          { header: '批次 batch', value: (x) => x.batchId },
          { header: '序号 index', value: (x) => x.recordIndex },
          { header: '规则 rule', value: (x) => x.ruleCode },
          { header: '名称 title', value: (x) => x.title?.zh ?? null },
          { header: '维度 dimension', value: (x) => x.dimension },
          { header: '严重程度 severity', value: (x) => x.severity },
          { header: '数据元 path', value: (x) => x.path },
        ], page.items);
      }
      return service.findings(req.query, range, scope);
    },
  );

  r.get(
    '/api/v1/quality/records',
    {
      config: { access: recordReaders },
      schema: {
        tags,
        summary: 'Drill-down to records: records of one institution and data set failing a rule, with every finding and the value at fault (personal fields masked; each read audited)',
        querystring: FailingRecordsQuerySchema,
        response: { 200: FailingRecordPageSchema, 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (req) => {
      const range = resolveDayRange(req.query);
      const scope = scopeFilters(req, { institutionId: req.query.institutionId });
      return service.failingRecords(req.query, range, scope, actorOf(req));
    },
  );

  r.get(
    '/api/v1/quality/duplicates',
    {
      config: { access: { roles: ['admin', 'quality_officer', 'analyst', 'auditor', 'institution_operator'], institution: true } },
      schema: {
        tags,
        summary: 'Records found to duplicate an earlier record (same person, same event), within and across institutions',
        querystring: DuplicateListQuerySchema,
        response: { 200: DuplicatePageSchema.or(csv), 400: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const range = resolveDayRange(req.query);
      const scope = scopeFilters(req, { regionCode: req.query.regionCode, institutionId: req.query.institutionId });
      if (req.query.format === 'csv') {
        const page = await service.duplicates(req.query, range, scope, true);
        return sendCsv(reply, `quality-duplicates-${range.from}-${range.to}`, [
          { header: '日期 day', value: (x) => x.day },
          { header: '机构 institution', value: (x) => x.institutionName },
          { header: '数据集 dataset', value: (x) => x.dataset },
          { header: '记录号 sourceId', value: (x) => x.sourceId },
          { header: '规则 kind', value: (x) => x.kind },
          { header: '原记录机构 original institution', value: (x) => x.originalInstitutionName },
          { header: '原记录号 original sourceId', value: (x) => x.originalSourceId },
        ], page.items);
      }
      return service.duplicates(req.query, range, scope);
    },
  );
}
