import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jest } from '@jest/globals';

/**
 * The built server as operators run it, logging at the most talkative level to stdout: after
 * logins (right and wrong), user creation, a password reset, a password change and a candidate
 * login with an access code, no password, token, access code or secret is anywhere in its output.
 * The test command builds first; run `npm run build:api` before running this file alone.
 */
jest.setTimeout(90_000);

const MAIN = resolve('dist/apps/api/src/main.js');

const freePort = (): Promise<number> =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

describe('what the server writes to its log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-logs-'));
  const secrets = {
    jwt: 'khoa-ky-token-bi-mat-0123456789-abcdef',
    admin: 'Quan-Tri-Bi-Mat-2026',
    created: 'Mat-Khau-Tao-Moi-7781',
    reset: 'Mat-Khau-Dat-Lai-5532',
    changed: 'Mat-Khau-Tu-Doi-9043',
    wrong: 'Doan-Sai-Mat-Khau-4410',
  };
  let child: ChildProcess;
  let output = '';
  let base = '';
  const issued: string[] = [];

  const api = async <T>(method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const ok = async <T>(p: Promise<{ status: number; body: T }>, what: string): Promise<T> => {
    const r = await p;
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build:api first`);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [MAIN], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DB_PATH: join(dir, 'cchc.sqlite'),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'trace',
        JWT_SECRET: secrets.jwt,
        ADMIN_USERNAME: 'quantri',
        ADMIN_PASSWORD: secrets.admin,
      },
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const until = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/health`)).ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > until) throw new Error(`the server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('never contains a password, a token, an access code or the signing secret', async () => {
    expect((await api('POST', '/api/auth/login', { username: 'quantri', password: secrets.wrong })).status).toBe(401);
    const admin = await ok(
      api<{ accessToken: string }>('POST', '/api/auth/login', { username: 'quantri', password: secrets.admin }),
      'admin login',
    );
    issued.push(admin.accessToken);
    const user = await ok(
      api<{ id: number }>(
        'POST',
        '/api/users',
        { username: 'to.chuc', fullName: 'Người tổ chức', password: secrets.created, role: 'organizer' },
        admin.accessToken,
      ),
      'create user',
    );
    await ok(
      api(
        'POST',
        `/api/users/${user.id}/reset-password`,
        { newPassword: secrets.reset, reason: 'Quên mật khẩu' },
        admin.accessToken,
      ),
      'reset password',
    );
    const organizer = await ok(
      api<{ accessToken: string }>('POST', '/api/auth/login', { username: 'to.chuc', password: secrets.reset }),
      'organizer login',
    );
    issued.push(organizer.accessToken);
    const t = organizer.accessToken;
    expect(
      (await api('POST', '/api/auth/password', { currentPassword: secrets.reset, newPassword: secrets.changed }, t))
        .status,
    ).toBe(204);

    // An inspection-style session with a numbered candidate who logs in with a one-time access code.
    const topic = await ok(
      api<{ id: number }>('POST', '/api/bank/topics', { name: 'Cải cách hành chính' }, t),
      'topic',
    );
    await ok(
      api(
        'POST',
        '/api/bank/questions',
        {
          topicId: topic.id,
          type: 'single',
          status: 'ready',
          stem: 'Cơ quan nào chủ trì Chỉ số CCHC của tỉnh?',
          options: [
            { text: 'Sở Nội vụ', fraction: 1 },
            { text: 'Sở Tài chính', fraction: 0 },
          ],
        },
        t,
      ),
      'question',
    );
    const template = await ok(
      api<{ id: number }>(
        'POST',
        '/api/exam/templates',
        {
          name: 'Mẫu',
          navigation: 'free',
          parts: [
            {
              name: 'Phần 1',
              rules: [{ topicIds: [topic.id], count: 1 }],
              shuffleQuestions: false,
              shuffleOptions: false,
            },
          ],
        },
        t,
      ),
      'template',
    );
    const session = await ok(
      api<{ id: number }>(
        'POST',
        '/api/exam/sessions',
        {
          templateId: template.id,
          name: 'Đợt thử',
          purpose: 'training',
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          durationSeconds: 600,
          reviewShows: 'score',
          reviewWhen: 'after_close',
        },
        t,
      ),
      'session',
    );
    await ok(
      api(
        'POST',
        `/api/exam/sessions/${session.id}/candidates`,
        { numbered: [{ candidateNumber: 'SBD-001', fullName: 'Thí sinh' }] },
        t,
      ),
      'candidates',
    );
    const [code] = await ok(
      api<{ accessCode: string }[]>('POST', `/api/exam/sessions/${session.id}/access-codes`, {}, t),
      'codes',
    );
    expect(
      (await api('POST', '/api/exam/candidate-login', { candidateNumber: 'SBD-001', accessCode: 'SAI-MA-99' })).status,
    ).toBe(401);
    const candidate = await ok(
      api<{ accessToken: string }>('POST', '/api/exam/candidate-login', {
        candidateNumber: 'SBD-001',
        accessCode: code.accessCode,
        sessionId: session.id,
      }),
      'candidate login',
    );
    issued.push(candidate.accessToken);
    await api('GET', '/api/auth/me', undefined, candidate.accessToken);
    await new Promise((r) => setTimeout(r, 300)); // let the last lines reach the pipe

    // The log saw these requests (so the check below looks at real output) …
    for (const path of ['/api/auth/login', '/api/users', 'reset-password', '/api/auth/password', 'candidate-login']) {
      expect([path, output.includes(path)]).toEqual([path, true]);
    }
    // … and holds none of the secrets.
    const leaks = [
      ...Object.entries(secrets),
      ['access code', code.accessCode],
      ...issued.map((tok, i) => [`token ${i}`, tok] as const),
      ...issued.map((tok, i) => [`token ${i} signature`, tok.split('.')[2]] as const),
      ['a password hash', '$argon2'],
    ].filter(([, value]) => output.includes(value));
    expect(leaks.map(([what]) => what)).toEqual([]);
    console.log(`log check: ${output.split('\n').length} log lines at trace level, ${leaks.length} secrets found`);
  });
});
