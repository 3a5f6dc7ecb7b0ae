import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '@rhip/config';
import { PHI_REDACT_PATHS } from '@rhip/logger';
import accessPlugin from './plugins/access';
import consolePlugin from './plugins/console';
import errorsPlugin from './plugins/errors';
import infraPlugin from './plugins/infra';
import metricsPlugin from './plugins/metrics';
import swaggerPlugin from './plugins/swagger';
import healthRoutes from './modules/health/health-routes';
import authRoutes from './modules/auth/auth-routes';
import { createAuthService } from './modules/auth/auth-service';
import regionRoutes from './modules/regions/region-routes';
import institutionRoutes from './modules/institutions/institution-routes';
import ingestRoutes from './modules/ingest/ingest-routes';
import personIndexRoutes from './modules/person-index/person-index-routes';
import fhirRoutes from './modules/fhir/fhir-routes';
import interconnectionRoutes from './modules/interconnection/interconnection-routes';
import qualityRoutes from './modules/quality/quality-routes';
import alertRoutes from './modules/alerts/alert-routes';
import kpiRoutes from './modules/kpi/kpi-routes';

export interface BuildAppOptions {
  config: Config;
  /** Pino options or `false` to silence (tests). */
  logger?: FastifyServerOptions['logger'];
}

/** Where `npm run build` puts the console, relative to this file in source and in the bundle. */
function defaultWebDist(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../web/dist');
}

/** The whole API as one Fastify instance; `server.ts` listens, tests `inject()`. */
export async function buildApp({ config, logger }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.LOG_LEVEL, redact: { paths: PHI_REDACT_PATHS, censor: '[REDACTED]' } },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: true,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });

  await app.register(metricsPlugin);
  await app.register(infraPlugin, { config });
  await app.register(consolePlugin, { distDir: config.SERVE_CONSOLE ? (config.WEB_DIST_DIR ?? defaultWebDist()) : null });
  await app.register(errorsPlugin);
  await app.register(cookie);
  await app.register(helmet, {
    // The console is a same-origin SPA; Swagger UI needs inline styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    // Per institution key or per session token when present, else per IP.
    keyGenerator: (req) => req.headers.authorization ?? req.ip,
  });

  const auth = createAuthService({ db: app.db, config });
  await app.register(accessPlugin, { resolver: auth.resolver });
  await app.register(swaggerPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes, { auth });
  await app.register(regionRoutes);
  await app.register(institutionRoutes);
  await app.register(ingestRoutes);
  await app.register(personIndexRoutes);
  await app.register(fhirRoutes);
  await app.register(interconnectionRoutes);
  await app.register(qualityRoutes);
  await app.register(alertRoutes);
  await app.register(kpiRoutes);

  return app;
}
