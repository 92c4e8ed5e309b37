import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, UNAUTHENTICATED_EVENT } from '../api/api.js';
import { readSession, writeSession, type CandidateInfo, type Session, type SessionUser } from './session.js';

export interface Auth {
  user: SessionUser | null;
  /** Set when the session came from a candidate number and access code. */
  candidate: CandidateInfo | null;
  /** Why the last session ended, when it was not the user's choice. */
  expired: boolean;
  login(username: string, password: string): Promise<SessionUser>;
  /** For screens that get a session another way (candidate number + access code). */
  adopt(session: Session): void;
  logout(): void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => readSession(sessionStorage));
  const [expired, setExpired] = useState(false);

  const adopt = useCallback((s: Session | null) => {
    writeSession(sessionStorage, s);
    setSession(s);
  }, []);

  useEffect(() => {
    const onRefused = (): void => {
      adopt(null);
      setExpired(true);
    };
    window.addEventListener(UNAUTHENTICATED_EVENT, onRefused);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onRefused);
  }, [adopt]);

  // On load, check the stored token with the server and pick up changes to the account (role,
  // agency); a refused token logs out through UNAUTHENTICATED_EVENT. Candidates have no account.
  const accessToken = session?.accessToken;
  const isCandidate = !!session?.candidate;
  useEffect(() => {
    if (!accessToken || isCandidate) return;
    const controller = new AbortController();
    api.get<SessionUser>('/api/auth/me', { signal: controller.signal, attempts: 1 }).then(
      (user) =>
        setSession((s) => {
          if (!s || s.accessToken !== accessToken) return s;
          const next = { ...s, user };
          writeSession(sessionStorage, next);
          return next;
        }),
      () => undefined,
    );
    return () => controller.abort();
  }, [accessToken, isCandidate]);

  // Log out when the token expires while the page stays open.
  useEffect(() => {
    if (!session) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(
      () => {
        adopt(null);
        setExpired(true);
      },
      Math.max(0, Math.min(ms, 2 ** 31 - 1)),
    );
    return () => clearTimeout(timer);
  }, [session, adopt]);

  const value = useMemo<Auth>(
    () => ({
      user: session?.user ?? null,
      candidate: session?.candidate ?? null,
      expired,
      async login(username, password) {
        const s = await api.post<Session>('/api/auth/login', { username, password });
        setExpired(false);
        adopt(s);
        return s.user;
      },
      adopt: (s) => {
        setExpired(false);
        adopt(s);
      },
      logout: () => adopt(null),
    }),
    [session, expired, adopt],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
