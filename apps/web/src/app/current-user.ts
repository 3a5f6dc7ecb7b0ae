import { createContext, use } from 'react';
import type { StaffUser } from '@rhip/contracts';

/** The signed-in user, provided by the auth guard to everything behind it. */
export const CurrentUserContext = createContext<StaffUser | null>(null);

export function useStaffUser(): StaffUser {
  const user = use(CurrentUserContext);
  if (!user) throw new Error('useStaffUser() must be used inside <RequireAuth>');
  return user;
}
