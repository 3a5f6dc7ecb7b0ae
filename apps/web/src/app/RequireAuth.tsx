import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { loginPath, sessionEndReason } from '../api/session';
import { ErrorState } from '../components/ErrorState';
import { PageSpin } from '../components/PageSpin';
import { useCurrentUser } from '../features/auth/api/useAuth';
import { CurrentUserContext } from './current-user';

/** Renders its children only for a signed-in user; otherwise goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useCurrentUser();

  if (me.isPending) return <PageSpin fullScreen />;
  if (me.isError) {
    return (
      <div className="page-spin page-spin-full">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!me.data) {
    const reason = sessionEndReason(queryClient);
    return <Navigate to={loginPath(location.pathname + location.search)} replace state={reason ? { reason } : null} />;
  }
  return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
}
