import { lazy, type ReactNode } from 'react';
import type { StaffRole } from '@rhip/contracts';
import { useStaffUser } from './current-user';

// Rarely shown: its own chunk keeps antd's Result out of the initial bundle.
const ForbiddenPage = lazy(() => import('./ForbiddenPage'));

/** Does the signed-in user have one of these roles? */
export function useHasRole(roles: readonly StaffRole[]): boolean {
  return roles.includes(useStaffUser().role);
}

/**
 * Renders a page only for the given roles; others see a 403 page with a way
 * back (the API refuses them anyway, this only explains it).
 */
export function RequireRole({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  return useHasRole(roles) ? children : <ForbiddenPage />;
}
