import { createContext, useContext } from 'react';
import type { Theme } from '../lib/theme';

export type AdminRole = 'admin' | 'viewer';

export interface AdminUser {
  id: string;
  email: string;
  name: string | null;
}

export interface AdminOrg {
  id: string;
  slug: string;
  name: string;
  /** Branding from the public tenant endpoint; null until (or if it never) loads. */
  theme: Theme | null;
  logoUrl: string | null;
}

export interface AdminContextValue {
  user: AdminUser;
  role: AdminRole;
  org: AdminOrg;
  /** Viewers are read-only: hide or disable every control that changes something. */
  isAdmin: boolean;
  /**
   * Call when an admin API answers 401 (the session expired or was revoked elsewhere):
   * the shell sends the person back to sign-in, returning here afterwards.
   */
  sessionExpired: () => void;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

/** The signed-in member. Only valid under the admin shell's auth guard. */
export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value) throw new Error('useAdmin() must be used inside the admin shell (AdminApp)');
  return value;
}
