import { queryOptions } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse, StaffUser } from '@rhip/contracts';
import { apiFetch, isApiError } from '../../../api/client';
import { authKeys } from '../../../api/query-keys';

export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiFetch<LoginResponse>('/auth/login', { method: 'POST', body });
}

export function logout(): Promise<void> {
  return apiFetch<void>('/auth/logout', { method: 'POST' });
}

/** The signed-in staff user, or `null` when there is no valid session. */
export async function fetchMe(signal?: AbortSignal): Promise<StaffUser | null> {
  try {
    return await apiFetch<StaffUser>('/auth/me', signal ? { signal } : {});
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
