/**
 * A thin client of the platform's public HTTP API (the contract in issue 3 and
 * docs/ingest-api.md): staff login, institutions and their keys, ingest, batch
 * status and FHIR. Ingest calls never throw on HTTP errors: the caller counts them.
 */
import type { BatchStatus, IngestResponse } from '@rhip/contracts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
  }
}

export interface HttpResult<T> {
  readonly status: number;
  /** Parsed JSON body (or text when it is not JSON); null on a network error. */
  readonly body: T | null;
  readonly ms: number;
  /** Seconds from a Retry-After header (429, 503). */
  readonly retryAfter: number | null;
  /** Set on a network error (status 0). */
  readonly error?: string;
}

export interface InstitutionSummary {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  level?: string;
  type: string;
  ownership?: string;
  active?: boolean;
}

export interface CreateInstitutionInput {
  code: string;
  name: string;
  regionCode: string;
  level: string;
  type: string;
  ownership: string;
}

async function request<T>(url: string, init: RequestInit & { timeoutMs?: number }): Promise<HttpResult<T>> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 60_000) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    const ra = res.headers.get('retry-after');
    return { status: res.status, body: body as T, ms: performance.now() - started, retryAfter: ra && Number.isFinite(Number(ra)) ? Number(ra) : null };
  } catch (err) {
    return { status: 0, body: null, ms: performance.now() - started, retryAfter: null, error: (err as Error).cause ? String((err as Error & { cause: unknown }).cause) : (err as Error).message };
  }
}

function expectOk<T>(res: HttpResult<T>, what: string, ok = [200, 201]): T {
  if (!ok.includes(res.status) || res.body === null) {
    const detail = typeof res.body === 'object' && res.body !== null ? JSON.stringify(res.body).slice(0, 300) : String(res.body ?? res.error ?? '');
    throw new ApiError(res.status, res.body, `${what} failed: HTTP ${res.status} ${detail}`);
  }
  return res.body;
}

export function createApiClient(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, '');
  const json = (token: string | null, body?: unknown, contentType = 'application/json'): RequestInit => ({
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': contentType } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

  return {
    baseUrl: base,

    async health(): Promise<boolean> {
      const res = await request<unknown>(`${base}/healthz`, { method: 'GET', timeoutMs: 5_000 });
      return res.status === 200;
    },

    async login(username: string, password: string): Promise<string> {
      const res = await request<{ accessToken: string }>(`${base}/api/v1/auth/login`, { method: 'POST', ...json(null, { username, password }) });
      return expectOk(res, 'login').accessToken;
    },

    async listInstitutions(token: string): Promise<InstitutionSummary[]> {
      const out: InstitutionSummary[] = [];
      for (let page = 1; page < 100; page++) {
        const res = await request<{ items: InstitutionSummary[]; total: number }>(`${base}/api/v1/institutions?pageSize=500&page=${page}`, { method: 'GET', ...json(token) });
        const body = expectOk(res, 'list institutions');
        out.push(...body.items);
        if (body.items.length === 0 || out.length >= body.total) break;
      }
      return out;
    },

    async createInstitution(token: string, input: CreateInstitutionInput): Promise<InstitutionSummary> {
      const res = await request<InstitutionSummary>(`${base}/api/v1/institutions`, { method: 'POST', ...json(token, input) });
      return expectOk(res, `create institution ${input.code}`);
    },

    async issueCredential(token: string, institutionId: string, label: string): Promise<{ id: string; key: string }> {
      const res = await request<{ id: string; key: string }>(`${base}/api/v1/institutions/${institutionId}/credentials`, { method: 'POST', ...json(token, { label }) });
      return expectOk(res, 'issue credential');
    },

    ingest(key: string, dataset: string, records: unknown[]): Promise<HttpResult<IngestResponse>> {
      return request<IngestResponse>(`${base}/api/v1/ingest/${dataset}`, { method: 'POST', ...json(key, { records }) });
    },

    /** The same call with a pre-serialised body (benchmarks serialise before the clock starts). */
    ingestRaw(key: string, dataset: string, body: string): Promise<HttpResult<IngestResponse>> {
      return request<IngestResponse>(`${base}/api/v1/ingest/${dataset}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
    },

    fhir(key: string, bundle: unknown): Promise<HttpResult<Record<string, unknown>>> {
      return request<Record<string, unknown>>(`${base}/fhir/R4`, { method: 'POST', ...json(key, bundle, 'application/fhir+json') });
    },

    batchStatus(token: string, batchId: string): Promise<HttpResult<BatchStatus>> {
      return request<BatchStatus>(`${base}/api/v1/ingest/batches/${batchId}`, { method: 'GET', ...json(token) });
    },

    get(token: string | null, path: string): Promise<HttpResult<unknown>> {
      return request<unknown>(`${base}${path}`, { method: 'GET', ...json(token) });
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
