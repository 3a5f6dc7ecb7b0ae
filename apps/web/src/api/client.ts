import type { CSRF_HEADER as CsrfHeader, CSRF_HEADER_VALUE as CsrfHeaderValue, ErrorBody } from '@rhip/contracts';

// Type-only imports keep zod out of the bundle; the literal types make the
// compiler fail here if the contract's header name or value ever changes.
const CSRF_HEADER: typeof CsrfHeader = 'x-requested-with';
const CSRF_HEADER_VALUE: typeof CsrfHeaderValue = 'rhip-console';

/** Base path of the versioned REST API, same origin as the console. */
export const API_BASE = '/api/v1';

/**
 * An answer other than 2xx, mapped from the API's one error body
 * `{ statusCode, code, message, details?, requestId? }`. Network failures
 * become status 0 / `NETWORK_ERROR`, so every caller sees one error type.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details?: unknown, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** Query-string values; `undefined`, `null` and `''` are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): keep the HTTP status only.
  }
  if (isErrorBody(body)) {
    return new ApiError(res.status, body.code, body.message, body.details, body.requestId);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
}

/**
 * The one fetcher of the console. The session rides in the httpOnly cookie
 * (`credentials: 'same-origin'`); every request carries the console's CSRF
 * header so cookie-authenticated changes are accepted.
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), init);
  } catch (err) {
    // Cancellation is not an error to show: let TanStack Query see the AbortError.
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'NETWORK_ERROR', err instanceof Error ? err.message : 'Network error');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204 || res.headers.get('content-length') === '0') return undefined as T;
  return (await res.json()) as T;
}
