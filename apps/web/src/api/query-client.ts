import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { markSessionExpired } from './session';
import { isApiError } from './client';

/**
 * One QueryClient for the console. A 401 from any request means the session is
 * gone: the cached user becomes `null`, and the auth guard sends the user to
 * the login page (remembering where they were). 4xx answers are not retried.
 */
export function createQueryClient(): QueryClient {
  const onError = (err: unknown) => {
    if (isApiError(err) && err.status === 401) {
      markSessionExpired(queryClient);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, err) => {
          if (isApiError(err) && err.status >= 400 && err.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
