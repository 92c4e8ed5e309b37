import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiClient } from './api-client.js';
import { ApiError } from './api-error.js';

/** A real HTTP server whose answers each test scripts, one handler per request. */
describe('API client against a real HTTP server', () => {
  let server: Server;
  let baseUrl: string;
  let handlers: ((req: IncomingMessage, body: string, res: ServerResponse) => void)[] = [];
  const seen: { method: string; url: string; auth?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
        const h = handlers.shift();
        if (h) h(req, body, res);
        else json(res, 500, { statusCode: 500, code: 'INTERNAL', message: 'no handler' });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    handlers = [];
    seen.length = 0;
  });

  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const noSleep = (): Promise<void> => Promise.resolve();

  it('sends JSON with the bearer token and returns the parsed body', async () => {
    handlers.push((_req, body, res) => json(res, 200, { echo: JSON.parse(body) }));
    const api = createApiClient({ baseUrl, getToken: () => 'tok' });
    const out = await api.post<{ echo: unknown }>('/api/x', { a: 'Nguyễn' }, { query: { q: 'a b', empty: '' } });
    expect(out.echo).toEqual({ a: 'Nguyễn' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/x?q=a%20b', auth: 'Bearer tok' });
  });

  it('turns the API error body into an ApiError with its code and field errors', async () => {
    const fields = [{ field: 'username', messages: ['username must be a string'] }];
    handlers.push((_q, _b, res) =>
      json(res, 400, { statusCode: 400, code: 'VALIDATION_FAILED', message: 'bad', details: { fields } }),
    );
    const err = await createApiClient({ baseUrl })
      .post('/api/auth/login', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', transient: false });
    expect((err as ApiError).fieldErrors).toEqual(fields);
  });

  it('retries an idempotent save after server faults, then succeeds', async () => {
    handlers.push((_q, _b, res) => json(res, 503, { statusCode: 503, code: 'UNAVAILABLE', message: 'x' }));
    handlers.push((_q, _b, res) => json(res, 429, { statusCode: 429, code: 'RATE_LIMITED', message: 'x' }));
    handlers.push((_q, _b, res) => json(res, 200, { ok: true }));
    const delays: number[] = [];
    const api = createApiClient({ baseUrl, sleep: async (ms) => void delays.push(ms) });
    expect(await api.put('/api/answers/1', { choice: 2 })).toEqual({ ok: true });
    expect(seen.map((s) => s.method)).toEqual(['PUT', 'PUT', 'PUT']);
    expect(delays).toHaveLength(2);
  });

  it('does not retry a POST, nor a refusal', async () => {
    handlers.push((_q, _b, res) => json(res, 503, { statusCode: 503, code: 'UNAVAILABLE', message: 'x' }));
    await expect(createApiClient({ baseUrl, sleep: noSleep }).post('/api/x', {})).rejects.toMatchObject({
      status: 503,
    });
    handlers.push((_q, _b, res) => json(res, 409, { statusCode: 409, code: 'ATTEMPT_CLOSED', message: 'closed' }));
    await expect(createApiClient({ baseUrl, sleep: noSleep }).put('/api/x', {})).rejects.toMatchObject({
      code: 'ATTEMPT_CLOSED',
    });
    expect(seen).toHaveLength(2);
  });

  it('gives up after the timeout with code TIMEOUT', async () => {
    handlers.push((_q, _b, res) => setTimeout(() => json(res, 200, {}), 500));
    const err = await createApiClient({ baseUrl, timeoutMs: 50 })
      .post('/api/slow')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 0, code: 'TIMEOUT', transient: true });
  });

  it('reports an unreachable server as NETWORK', async () => {
    const err = await createApiClient({ baseUrl: 'http://127.0.0.1:1', sleep: noSleep })
      .get('/api/x', { attempts: 2 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('tells the app when the token is refused', async () => {
    handlers.push((_q, _b, res) => json(res, 401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'x' }));
    const refused: string[] = [];
    await createApiClient({ baseUrl, getToken: () => 'old', onUnauthenticated: (e) => refused.push(e.code) })
      .get('/api/auth/me')
      .catch(() => undefined);
    expect(refused).toEqual(['UNAUTHENTICATED']);
  });

  it('names a non-JSON failure by its status', async () => {
    handlers.push((_q, _b, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    await expect(createApiClient({ baseUrl }).post('/api/x')).rejects.toMatchObject({ status: 502, code: 'INTERNAL' });
  });
});
