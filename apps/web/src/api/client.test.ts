import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, buildUrl } from './client';

function stubFetch(response: Response | Error) {
  const fn = vi.fn<typeof fetch>(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('sends the console header and same-origin credentials, and the JSON body', async () => {
    const fetchMock = stubFetch(new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } }));
    const signal = new AbortController().signal;
    await expect(apiFetch('/auth/login', { method: 'POST', body: { username: 'a' }, signal })).resolves.toEqual({ ok: true });

    const [input, init] = fetchMock.mock.calls[0]!;
    expect(input).toBe('/api/v1/auth/login');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.signal).toBe(signal);
    expect(init?.body).toBe('{"username":"a"}');
    expect(init?.headers).toMatchObject({ 'x-requested-with': 'rhip-console', 'content-type': 'application/json' });
  });

  it('maps the API error body to an ApiError', async () => {
    stubFetch(
      new Response(JSON.stringify({ statusCode: 423, code: 'ACCOUNT_LOCKED', message: 'locked', details: { until: 'x' }, requestId: 'r-1' }), {
        status: 423,
      }),
    );
    const err = await apiFetch('/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED', message: 'locked', details: { until: 'x' }, requestId: 'r-1' });
  });

  it('keeps the status when the error body is not the API’s (a proxy page)', async () => {
    stubFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(apiFetch('/regions')).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    await expect(apiFetch('/regions')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('answers undefined for 204', async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(apiFetch('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});

describe('buildUrl', () => {
  it('leaves out empty query values', () => {
    expect(buildUrl('/institutions', { page: 1, q: '', level: undefined, regionCode: null, ownership: 'public' })).toBe(
      '/api/v1/institutions?page=1&ownership=public',
    );
  });
});
