import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from './client';
import type { PublicUser } from './contract';

/** The signed-in user (src/contract/accounts.ts), with the role as the pages name it. */
export type User = Omit<PublicUser, 'role'> & { role: Role };

export type Role =
  | 'holder'
  | 'employer_hr'
  | 'acceptance_clerk'
  | 'district_reviewer'
  | 'district_approver'
  | 'city_supervisor'
  | 'admin';

interface SessionResponse {
  user?: User | null;
  csrfToken?: string;
}

interface SessionState {
  user: User | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  /** 修改密码: the server ends the other sessions and renews this one (new CSRF token). */
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    api<SessionResponse>('GET', '/api/v1/auth/session')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user ?? null);
      })
      .catch(() => setUser(null))
      .finally(() => setLoading(false));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await api<Required<SessionResponse> & { user: User }>('POST', '/api/v1/auth/login', {
      username,
      password,
    });
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    return s.user;
  }, []);

  const logout = useCallback(async () => {
    await api('POST', '/api/v1/auth/logout', {}).catch(() => undefined);
    setCsrfToken(undefined);
    setUser(null);
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const r = await api<{ csrfToken: string }>('POST', '/api/v1/auth/password', {
      currentPassword,
      newPassword,
    });
    setCsrfToken(r.csrfToken);
    setUser((u) => (u ? { ...u, passwordChangeRequired: false } : u));
  }, []);

  const value = useMemo(
    () => ({ user, loading, login, logout, changePassword }),
    [user, loading, login, logout, changePassword],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** 中文 role names as officers call themselves (workflow.md). */
export const ROLE_LABEL: Record<Role, string> = {
  holder: '持证人',
  employer_hr: '单位经办人',
  acceptance_clerk: '受理窗口',
  district_reviewer: '区审核人员',
  district_approver: '区核定人员',
  city_supervisor: '市级监督',
  admin: '系统管理员',
};
