/**
 * What the contest screens keep on the device (localStorage, so a reload or a closed tab keeps it):
 * the player's token, and the sessions this browser started with their projector tokens.
 */
export const PLAYER_KEY = 'cchc.contest.player';
export const HOSTED_KEY = 'cchc.contest.hosted';

export interface StoredPlayer {
  playerToken: string;
  sessionId: number;
  name: string;
}

export interface HostedSession {
  contestId: number;
  sessionId: number;
  pin: string;
  viewToken: string;
  startedAt: string;
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage blocked (private mode): the player stays joined until the page closes.
  }
}

export const readPlayer = (): StoredPlayer | null => {
  const p = read<StoredPlayer>(PLAYER_KEY);
  return p && typeof p.playerToken === 'string' && typeof p.sessionId === 'number' ? p : null;
};
export const writePlayer = (p: StoredPlayer | null): void => write(PLAYER_KEY, p);

export const hostedSessions = (): HostedSession[] => {
  const list = read<HostedSession[]>(HOSTED_KEY);
  return Array.isArray(list) ? list : [];
};
export const hostedSession = (sessionId: number): HostedSession | null =>
  hostedSessions().find((s) => s.sessionId === sessionId) ?? null;
/** Remembers a started session (newest first, the last 20). */
export const rememberHosted = (s: HostedSession): void =>
  write(HOSTED_KEY, [s, ...hostedSessions().filter((h) => h.sessionId !== s.sessionId)].slice(0, 20));
