import http from 'node:http';

export interface Reply<T> {
  /** HTTP status; 0 when the connection failed or was cut before an answer (not acknowledged). */
  status: number;
  body: T;
  ms: number;
}

/**
 * A plain HTTP client with a keep-alive agent, as a load generator needs: no retries, so a request
 * cut by a crash shows as status 0 (never acknowledged) instead of being hidden.
 */
export class HttpClient {
  // Idle sockets close after 4 s, before the server's 5 s keep-alive timeout can reset one in use.
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
  /** Answers with status >= 500, by "METHOD status". */
  readonly serverErrors: Record<string, number> = {};

  constructor(private readonly base: string) {}

  request<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<Reply<T>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    if (token) headers.authorization = `Bearer ${token}`;
    const t0 = performance.now();
    const failed = (): Reply<T> => ({ status: 0, body: undefined as T, ms: performance.now() - t0 });
    return new Promise((resolve) => {
      const req = http.request(`${this.base}${path}`, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            /* keep the text */
          }
          const status = res.statusCode ?? 0;
          if (status >= 500) {
            const k = `${method} ${status}`;
            this.serverErrors[k] = (this.serverErrors[k] ?? 0) + 1;
          }
          resolve({ status, body: parsed as T, ms: performance.now() - t0 });
        });
        res.on('error', () => resolve(failed()));
        res.on('aborted', () => resolve(failed()));
      });
      req.setTimeout(30_000, () => req.destroy());
      req.on('error', () => resolve(failed()));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /**
   * For requests that are safe to repeat (reads, starting or resuming an attempt): a connection
   * cut or reset before any answer is tried again, up to three times, as a browser would.
   */
  async idempotent<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<Reply<T>> {
    let r = await this.request<T>(method, path, body, token);
    for (let tries = 1; r.status === 0 && tries < 4; tries++) {
      this.retried++;
      await new Promise((ok) => setTimeout(ok, 500 * tries));
      r = await this.request<T>(method, path, body, token);
    }
    return r;
  }

  /** Requests tried again by idempotent(). */
  retried = 0;

  /** Throws unless the answer has the expected status. */
  async expect<T = unknown>(status: number, method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const r = await (method === 'GET'
      ? this.idempotent<T>(method, path, body, token)
      : this.request<T>(method, path, body, token));
    if (r.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    return r.body;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `work` over items with at most `limit` in flight. */
export async function inPool<T>(items: T[], limit: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}
