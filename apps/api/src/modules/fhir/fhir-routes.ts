/**
 * FHIR R4 endpoint. Registered without fastify-plugin, so its content-type
 * parser (application/fhir+json) and its error handler (every failure answered
 * as an OperationOutcome) apply to these routes only.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, ForbiddenError } from '../../lib/errors';
import { createIngestService } from '../ingest/ingest-service';
import { SUPPORTED_RESOURCE_TYPES } from './fhir-mapper';
import { FHIR_JSON, FhirRequestError, operationOutcome } from './fhir-outcome';
import { BatchResponseSchema, FhirBundleRequestSchema, OperationOutcomeSchema } from './fhir-schemas';
import { createFhirService } from './fhir-service';
import type { EntryIssue, IssueType } from './fhir-types';
import { issue } from './mapped-record';

const STATUS_ISSUE_TYPE: Record<number, IssueType> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  413: 'too-costly',
  415: 'not-supported',
  429: 'throttled',
};

/** Fastify's own client errors, named as the rest of the API names them. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

export default async function fhirRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const fhir = createFhirService({ ingest: createIngestService({ pg: app.pg, queue: app.queues.ingest, log: app.log, pii: app.pii }) });
  const tags = ['fhir'];

  app.addContentTypeParser(['application/fhir+json', 'application/json+fhir'], { parseAs: 'string' }, app.getDefaultJsonParser('error', 'ignore'));

  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status: number;
    let issues: EntryIssue[];
    if (err instanceof FhirRequestError) {
      status = err.statusCode;
      issues = err.issues;
    } else if (err instanceof AppError) {
      status = err.statusCode;
      issues = [issue('error', STATUS_ISSUE_TYPE[status] ?? 'processing', err.code, err.message, undefined, [])];
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      issues = [issue('error', 'structure', 'FHIR.INVALID_BUNDLE', 'The body is not a FHIR resource (a JSON object)', '请求体不是FHIR资源（JSON对象）', ['Bundle'])];
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      const code = (err.code && FASTIFY_CODES[err.code]) ?? (status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST');
      issues = [issue('error', code === 'INVALID_JSON' ? 'structure' : (STATUS_ISSUE_TYPE[status] ?? 'invalid'), code, err.message, undefined, [])];
    } else {
      req.log.error({ err }, 'fhir request failed');
      status = 500;
      issues = [issue('error', 'exception', 'INTERNAL', 'Internal server error', '服务器内部错误', [])];
    }
    if (status < 500) req.log.info({ code: issues[0]?.rule, statusCode: status }, 'client error');
    void reply.status(status).type(FHIR_JSON).send(operationOutcome(issues));
  });

  r.post(
    '/fhir/R4',
    {
      config: { access: { institution: true }, rateLimit: { max: app.config.INGEST_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Push a FHIR R4 batch or transaction Bundle',
        description: [
          `Entries with ${SUPPORTED_RESOURCE_TYPES.join(', ')} are mapped to the ingest data sets (persons, encounters, lab-reports, prescriptions, immunizations) and go through the same pipeline as POST /api/v1/ingest/{dataset}.`,
          'The answer is a batch-response (or transaction-response) Bundle with one entry per request entry, in order: "202 Accepted" with the ingest batch as location, or "400 Bad Request" / "422 Unprocessable Entity" with an OperationOutcome naming the rule, the message and the FHIRPath of the element.',
          'A transaction is all or nothing at acceptance. Content types application/fhir+json and application/json.',
        ].join(' '),
        body: FhirBundleRequestSchema,
        response: { 200: BatchResponseSchema, 400: OperationOutcomeSchema, 401: OperationOutcomeSchema, 403: OperationOutcomeSchema, 422: OperationOutcomeSchema },
      },
    },
    async (req, reply) => {
      if (req.principal?.kind !== 'institution') throw new ForbiddenError('Only an institution key can push records');
      const answer = await fhir.submitBundle({ institutionId: req.principal.institutionId, body: req.body, requestId: req.id });
      return reply.status(200).type(FHIR_JSON).send(answer);
    },
  );

  const published = new Date().toISOString();
  app.get(
    '/fhir/R4/metadata',
    { config: { access: { public: true } }, schema: { tags, summary: 'FHIR CapabilityStatement of the ingest endpoint' } },
    async (_req, reply) =>
      reply.type(FHIR_JSON).send({
        resourceType: 'CapabilityStatement',
        status: 'active',
        date: published,
        kind: 'instance',
        fhirVersion: '4.0.1',
        format: ['application/fhir+json', 'json'],
        implementation: { description: '区域全民健康信息平台 FHIR ingest (batch/transaction of clinical resources)' },
        rest: [
          {
            mode: 'server',
            security: { description: 'Authorization: Bearer <institution API key>' },
            resource: SUPPORTED_RESOURCE_TYPES.map((type) => ({ type })),
            interaction: [{ code: 'batch' }, { code: 'transaction' }],
          },
        ],
      }),
  );
}
