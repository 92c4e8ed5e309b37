import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the server on its own', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports live and ready with the database up', async () => {
    const res = await t.api<{ status: string; ready: boolean; database: string }>('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', ready: true, database: 'up' });
    expect((await t.api('GET', '/health/live')).status).toBe(200);
    expect((await t.api('GET', '/health/ready')).status).toBe(200);
  });

  it('serves the OpenAPI document at /docs', async () => {
    const res = await t.api<{ openapi: string; paths: Record<string, unknown> }>('GET', '/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/auth/login']).toBeDefined();
    const page = await fetch(`${t.url}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });

  it('answers 404 with a code for an unknown route', async () => {
    const res = await t.api<{ code: string }>('GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await t.api('GET', '/api/auth/me')).status).toBe(401);
    const forged = await t.api<{ code: string }>('GET', '/api/auth/me', undefined, 'eyJhbGciOiJIUzI1NiJ9.e30.x');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const res = await t.api<{ code: string }>('POST', '/api/auth/login', '{"username": "a",');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('refuses a body larger than BODY_LIMIT with 413', async () => {
    const res = await t.api<{ code: string }>('POST', '/api/auth/login', {
      username: 'a',
      password: 'x'.repeat(2_000_000),
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names each bad field and refuses unknown fields', async () => {
    const res = await t.api<{ code: string; details: { fields: { field: string }[] } }>('POST', '/api/auth/login', {
      username: 42,
      extra: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields.map((f) => f.field).sort()).toEqual(['extra', 'password', 'username']);
  });

  it('answers a wrong password with 401 and the same message as an unknown user', async () => {
    const res = await t.api<{ code: string }>('POST', '/api/auth/login', { username: "x' OR 1=1 --", password: 'p' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('BAD_CREDENTIALS');
  });
});
