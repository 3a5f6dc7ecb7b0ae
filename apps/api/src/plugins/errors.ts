import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from '@rhip/contracts';
import { AppError } from '../lib/errors';
import { isConsolePath } from './console';

/** Fastify's own client errors (bad JSON, body too large, wrong content type…) keep their 4xx. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    app.setErrorHandler((err: FastifyError, req, reply) => {
      let body: ErrorBody;
      if (err instanceof AppError) {
        body = { statusCode: err.statusCode, code: err.code, message: err.message, details: err.details, requestId: req.id };
      } else if (hasZodFastifySchemaValidationErrors(err)) {
        body = {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'The request does not match the schema',
          details: err.validation.map((v) => ({
            path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
            code: v.keyword,
            message: v.message ?? 'invalid value',
          })),
          requestId: req.id,
        };
      } else if (err.validation) {
        body = { statusCode: 400, code: 'VALIDATION_FAILED', message: err.message, details: err.validation, requestId: req.id };
      } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
        body = {
          statusCode: err.statusCode,
          code: (err.code && FASTIFY_CODES[err.code]) ?? (err.statusCode === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST'),
          message: err.message,
          requestId: req.id,
        };
      } else {
        // Never leak stack traces, SQL or internals to the caller.
        req.log.error({ err, serialization: isResponseSerializationError(err) }, 'request failed');
        body = { statusCode: 500, code: 'INTERNAL', message: 'Internal server error', requestId: req.id };
      }
      if (body.statusCode >= 400 && body.statusCode < 500) req.log.info({ code: body.code, statusCode: body.statusCode }, 'client error');
      void reply.status(body.statusCode).send(body);
    });

    app.setNotFoundHandler((req, reply) => {
      // Client-side routes of the console (/login, /institutions…) get its index.html.
      if (req.method === 'GET' && app.consoleIndexHtml && isConsolePath(req.url)) {
        void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(app.consoleIndexHtml);
        return;
      }
      const body: ErrorBody = { statusCode: 404, code: 'NOT_FOUND', message: `Route ${req.method} ${req.url.split('?')[0]} not found`, requestId: req.id };
      void reply.status(404).send(body);
    });
  },
  { name: 'errors', dependencies: ['console'] },
);
