import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { LoginRequest, StaffUser } from '@rhip/contracts';
import { isApiError } from '../../../api/client';
import { authKeys } from '../../../api/query-keys';
import { clearSessionEnd } from '../../../api/session';
import { login, logout, meQueryOptions } from './auth-api';

export function useCurrentUser() {
  return useQuery(meQueryOptions());
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => login(body),
    onSuccess: (res) => {
      clearSessionEnd(queryClient);
      queryClient.setQueryData<StaffUser | null>(authKeys.me(), res.user);
    },
  });
}

/**
 * Ends the session: tells the API, goes to the login page, then forgets every
 * cached answer that belonged to the session. Navigating first (synchronously)
 * keeps the auth guard from bouncing through `/login?redirect=…`.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } catch (err) {
        // Already signed out (expired session): the outcome the user asked for.
        if (!(isApiError(err) && err.status === 401)) throw err;
      }
    },
    onSuccess: async () => {
      await navigate('/login', { replace: true, state: { reason: 'loggedOut' }, flushSync: true });
      queryClient.clear();
    },
  });
}
