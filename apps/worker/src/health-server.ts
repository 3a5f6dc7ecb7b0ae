import http from 'node:http';
import type { Registry } from 'prom-client';

/** A tiny HTTP endpoint for the orchestrator: /healthz and Prometheus /metrics. */
export function startHealthServer(port: number, registry: Registry, isHealthy: () => boolean) {
  const server = http.createServer((req, res) => {
    if (req.url === '/healthz') {
      const ok = isHealthy();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ok' : 'unhealthy' }));
    } else if (req.url === '/metrics') {
      registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
    } else {
      res.writeHead(404).end();
    }
  });
  server.listen(port);
  return server;
}
