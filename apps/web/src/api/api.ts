import { readSession, SESSION_STORAGE_KEY } from '../auth/session.js';
import { createApiClient } from './api-client.js';
import { ApiError } from './api-error.js';

/** Fired on window when the server refuses the stored token; the auth context logs out. */
export const UNAUTHENTICATED_EVENT = 'cchc:unauthenticated';

const token = (): string | null => readSession(sessionStorage)?.accessToken ?? null;

/** The app's one API client: same origin, the session's token, logout when the token is refused. */
export const api = createApiClient({
  getToken: token,
  onUnauthenticated: (err) => {
    if (err.code === 'UNAUTHENTICATED' && sessionStorage.getItem(SESSION_STORAGE_KEY)) {
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    }
  },
});

/** Downloads a file the API serves behind the login (an <a href> cannot send the bearer token). */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const t = token();
  const res = await fetch(path, { headers: t ? { authorization: `Bearer ${t}` } : {} });
  if (!res.ok) {
    throw ApiError.fromBody(res.status, await res.json().catch(() => null));
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
