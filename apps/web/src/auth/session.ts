import { isRole, type Role } from './roles.js';

/** The logged-in user as GET /api/auth/me and POST /api/auth/login return it. */
export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  agencyId: number | null;
}

/** A candidate who entered with a candidate number and access code (POST /api/exam/candidate-login). */
export interface CandidateInfo {
  id: number;
  sessionId: number;
  candidateNumber: string | null;
  fullName: string;
  agencyId: number | null;
}

/**
 * POST /api/auth/login's answer, kept for the tab's lifetime. A candidate's session has `candidate`
 * set and a stand-in `user` (id 0, role official) so the rest of the UI treats it as an official.
 */
export interface Session {
  accessToken: string;
  expiresAt: string;
  user: SessionUser;
  candidate?: CandidateInfo;
}

/** The session a candidate login gives. */
export function candidateSession(r: { accessToken: string; expiresAt: string; candidate: CandidateInfo }): Session {
  const c = r.candidate;
  return {
    accessToken: r.accessToken,
    expiresAt: r.expiresAt,
    user: {
      id: 0,
      username: c.candidateNumber ?? `#${c.id}`,
      fullName: c.fullName,
      role: 'official',
      agencyId: c.agencyId,
    },
    candidate: c,
  };
}

export const SESSION_STORAGE_KEY = 'cchc.session';

interface SessionStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The session lives in sessionStorage: it survives a reload but not closing the tab, and a shared
 * office PC does not keep the last person logged in.
 */
export function readSession(store: SessionStore, now = Date.now()): Session | null {
  let raw: string | null;
  try {
    raw = store.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    if (typeof s.accessToken !== 'string' || !s.user || !isRole(s.user.role)) return null;
    if (!(Date.parse(s.expiresAt) > now)) return null;
    return s;
  } catch {
    return null;
  }
}

export function writeSession(store: SessionStore, session: Session | null): void {
  try {
    if (session) store.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    else store.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Storage blocked: the session lasts for this page only.
  }
}
