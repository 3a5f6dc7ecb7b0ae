import type { QueryClient } from '@tanstack/react-query';
import type { StaffUser } from '@rhip/contracts';
import { authKeys } from './query-keys';

/**
 * Why the user was sent to the login page. Kept in the query cache next to the
 * user so the guard can tell "your session ended" from a first visit.
 */
export type SessionEndReason = 'expired';

export function markSessionExpired(queryClient: QueryClient): void {
  const had = queryClient.getQueryData<StaffUser | null>(authKeys.me());
  if (had) queryClient.setQueryData<SessionEndReason>(authKeys.sessionEnd(), 'expired');
  queryClient.setQueryData<StaffUser | null>(authKeys.me(), null);
}

export function sessionEndReason(queryClient: QueryClient): SessionEndReason | undefined {
  return queryClient.getQueryData<SessionEndReason>(authKeys.sessionEnd());
}

export function clearSessionEnd(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: authKeys.sessionEnd(), exact: true });
}

/** Where to go after login: only paths inside the console, never back to /login. */
export function safeRedirect(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return '/';
  return value;
}

export function loginPath(from: string): string {
  return from === '/' ? '/login' : `/login?redirect=${encodeURIComponent(from)}`;
}
