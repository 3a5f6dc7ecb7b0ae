import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json } from '../../../test/helper';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(async () => {
  await app.close();
});

describe('operations endpoints', () => {
  it('answers /healthz and /readyz when PostgreSQL and Redis are reachable', async () => {
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(json(ready)).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('answers /readyz 503 naming the dependency that is down', async () => {
    const { app: broken } = await buildTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await broken.inject('/readyz');
      expect(res.statusCode).toBe(503);
      expect(json<{ checks: Record<string, string> }>(res).checks).toEqual({ postgres: 'ok', redis: 'unreachable' });
    } finally {
      await broken.close();
    }
  });

  it('exposes Prometheus metrics with HTTP and queue series', async () => {
    await app.inject('/healthz');
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/rhip_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(res.body).toContain('rhip_queue_jobs{queue="ingest",state="waiting"}');
  });

  it('serves the OpenAPI document', async () => {
    const res = await app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = json<{ openapi: string; paths: Record<string, unknown> }>(res);
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/login');
  });

  it('answers unknown routes and malformed JSON with the error body, not a stack trace', async () => {
    const missing = await app.inject('/api/v1/nope');
    expect(missing.statusCode).toBe(404);
    expect(json(missing).code).toBe('NOT_FOUND');
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).code).toBe('INVALID_JSON');
    expect(bad.body).not.toContain('at ');
  });
});

describe('access control', () => {
  it('has a declared permission on every route (default deny)', () => {
    expect(app.undeclaredRoutes()).toEqual([]);
  });
});
