import { expect, inject } from 'vitest';
import type { BatchStatus, IngestResponse, InstitutionDetail, IssuedCredential, Region } from '@rhip/contracts';

/**
 * The test's own calls to the API (from Node, outside the browser): what an
 * institution's system does (push records with its key) and setup a test needs
 * before it opens a page. Staff calls use a bearer token, not the console's cookie.
 */
export async function call<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(`/api/v1${path}`, inject('baseUrl')), {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function staffToken(): Promise<string> {
  const res = await call<{ accessToken: string }>('/auth/login', {
    method: 'POST',
    body: { username: inject('adminUsername'), password: inject('adminPassword') },
  });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

export async function counties(token: string): Promise<Region[]> {
  const res = await call<Region[]>('/regions', { token });
  return res.body.filter((r) => r.level === 'county').sort((a, b) => a.code.localeCompare(b.code));
}

/** Registers an institution and issues it a key, over the API. */
export async function institutionWithKey(token: string, input: { code: string; name: string; regionCode: string }): Promise<{ id: string; key: string }> {
  const created = await call<InstitutionDetail>('/institutions', { method: 'POST', token, body: { ...input, level: '2A', type: 'general_hospital', ownership: 'public' } });
  expect(created.status).toBe(201);
  const key = await call<IssuedCredential>(`/institutions/${created.body.id}/credentials`, { method: 'POST', token, body: {} });
  expect(key.status).toBe(201);
  return { id: created.body.id, key: key.body.key };
}

/** What an institution's system does: POST /api/v1/ingest/{dataset} with its key. */
export function push(key: string, dataset: string, records: unknown[]) {
  return call<IngestResponse>(`/ingest/${dataset}`, { method: 'POST', token: key, body: { records } });
}

/** Polls the batch (with the institution's key) until the worker has finished it. */
export async function waitForBatch(key: string, batchId: string, timeoutMs = 30_000): Promise<BatchStatus> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await call<BatchStatus>(`/ingest/batches/${batchId}`, { token: key });
    if (res.status === 200 && (res.body.status === 'done' || res.body.status === 'failed')) return res.body;
    if (Date.now() > until) throw new Error(`batch ${batchId} not finished after ${timeoutMs} ms (last: ${res.status} ${JSON.stringify(res.body).slice(0, 200)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Pushes and waits; the push itself must be accepted as a request (202). */
export async function pushAndWait(key: string, dataset: string, records: unknown[]): Promise<BatchStatus> {
  const res = await push(key, dataset, records);
  expect(res.status).toBe(202);
  return waitForBatch(key, res.body.batchId);
}

/** An hour ago, so timeliness rules see a fresh clinical event. */
export const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString();
