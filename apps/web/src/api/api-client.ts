import { ApiError } from './api-error.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Send again on a transient failure. On by default for GET, PUT and DELETE (idempotent). */
  retry?: boolean;
  /** Attempts in all, counting the first; default 4. */
  attempts?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** '' for the same origin (the server serves the UI and the API on one port). */
  baseUrl?: string;
  getToken?: () => string | null;
  /** Called when the server says the token is no good (401 UNAUTHENTICATED), e.g. to log out. */
  onUnauthenticated?: (err: ApiError) => void;
  timeoutMs?: number;
  backoff?: BackoffOptions;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface ApiClient {
  request<T>(method: Method, path: string, opts?: RequestOptions): Promise<T>;
  get<T>(path: string, opts?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T>;
  delete<T>(path: string, opts?: RequestOptions): Promise<T>;
}

const IDEMPOTENT: ReadonlySet<Method> = new Set(['GET', 'PUT', 'DELETE']);

export function buildUrl(baseUrl: string, path: string, query?: RequestOptions['query']): string {
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The one way the UI talks to the API: JSON in and out, the bearer token, errors as ApiError with
 * the server's code, a timeout per attempt, and retries with backoff for idempotent calls.
 * Bodies that are FormData (file uploads) are sent as they are.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? 15_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const sleep = options.sleep ?? defaultSleep;
  const doFetch = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function once<T>(method: Method, url: string, opts: RequestOptions): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (typeof FormData !== 'undefined' && opts.body instanceof FormData) body = opts.body;
    else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    const limit = opts.timeoutMs ?? timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), limit);
    const onOuterAbort = (): void => controller.abort();
    opts.signal?.addEventListener('abort', onOuterAbort);
    let res: Response;
    try {
      res = await doFetch(url, { method, headers, body, signal: controller.signal });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      throw controller.signal.aborted ? ApiError.timeout(limit) : ApiError.network(String(e));
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onOuterAbort);
    }
    const text = await res.text().catch(() => '');
    let parsed: unknown = text;
    if (text && (res.headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!res.ok) throw ApiError.fromBody(res.status, parsed);
    return (text ? parsed : undefined) as T;
  }

  async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
    const url = buildUrl(baseUrl, path, opts.query);
    const retry = opts.retry ?? IDEMPOTENT.has(method);
    const attempts = retry ? Math.max(1, opts.attempts ?? 4) : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await once<T>(method, url, opts);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) options.onUnauthenticated?.(e);
        const again = e instanceof ApiError && e.transient && attempt < attempts && !opts.signal?.aborted;
        if (!again) throw e;
        await sleep(backoffDelay(attempt, backoff));
      }
    }
  }

  return {
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
  };
}
