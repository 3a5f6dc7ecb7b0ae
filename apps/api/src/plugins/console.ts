import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

declare module 'fastify' {
  interface FastifyInstance {
    /** The console's index.html when it is served, for client-side routes (see the not-found handler). */
    consoleIndexHtml: string | null;
  }
}

const API_PREFIXES = ['/api', '/fhir', '/metrics', '/healthz', '/readyz'];

export function isConsolePath(url: string): boolean {
  const p = url.split('?')[0] ?? url;
  return !API_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
}

/** Serves the built console (apps/web/dist) at `/`. */
export default fp(
  async function consolePlugin(app: FastifyInstance, opts: { distDir: string | null }) {
    const dir = opts.distDir;
    if (!dir || !existsSync(path.join(dir, 'index.html'))) {
      if (dir) app.log.warn({ dir }, 'console build not found; serving the API only');
      app.decorate('consoleIndexHtml', null);
      return;
    }
    app.decorate('consoleIndexHtml', readFileSync(path.join(dir, 'index.html'), 'utf8'));
    await app.register(async function staticFiles(scope) {
      // The console's files are public: the login page must load before anyone logs in.
      scope.addHook('onRoute', (route) => {
        route.config = Object.assign(route.config ?? {}, { access: { public: true } });
      });
      await scope.register(fastifyStatic, {
        root: dir,
        wildcard: false,
        index: ['index.html'],
        // The build writes .br/.gz beside each asset (apps/web/scripts/precompress.ts).
        preCompressed: true,
        // Hashed assets are immutable; index.html must always be revalidated.
        setHeaders(reply, file) {
          void reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    });
  },
  { name: 'console' },
);
