import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@app/platform';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { dropTestDatabase, freshTestConfig } from './test-database.js';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** http://127.0.0.1:PORT */
  url: string;
  /** fetch against the server, JSON in and out; `token` adds the Bearer header. */
  api<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  /** Stops the server; `keepDatabase` leaves the data for a restart on the same database. */
  close(opts?: { keepDatabase?: boolean }): Promise<void>;
}

/** Starts the real server on a free port, on a fresh database of the suite's kind (TEST_DB). */
export async function startTestApp(env: Record<string, string> = {}, config?: AppConfig): Promise<TestApp> {
  const cfg = config ?? (await freshTestConfig(env));
  const app = await createApp(cfg);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    config: cfg,
    url,
    async api<T>(method: string, path: string, body?: unknown, token?: string) {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(url + path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: res.status, body: parsed as T };
    },
    async close(opts = {}) {
      await app.close();
      if (!opts.keepDatabase) await dropTestDatabase(cfg);
    },
  };
}
