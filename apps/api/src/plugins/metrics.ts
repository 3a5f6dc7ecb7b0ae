import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: { registry: Registry };
  }
}

/**
 * Prometheus metrics: process defaults, HTTP request durations by route, and
 * whatever other plugins register on `app.metrics.registry` (queue depth,
 * records ingested). Served at GET /metrics.
 */
export default fp(
  async function metricsPlugin(app: FastifyInstance) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'rhip_api_' });
    const duration = new Histogram({
      name: 'rhip_http_request_duration_seconds',
      help: 'HTTP request duration by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    const requests = new Counter({
      name: 'rhip_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
    app.decorate('metrics', { registry });

    app.addHook('onResponse', async (req, reply) => {
      // Label by route pattern, not raw URL, so ids do not explode cardinality.
      const route = req.routeOptions.url ?? 'unmatched';
      const labels = { method: req.method, route, status: String(reply.statusCode) };
      duration.observe(labels, reply.elapsedTime / 1000);
      requests.inc(labels);
    });

    app.get('/metrics', { config: { access: { public: true } }, schema: { hide: true } }, async (_req, reply) => {
      void reply.type(registry.contentType);
      return registry.metrics();
    });
  },
  { name: 'metrics' },
);
