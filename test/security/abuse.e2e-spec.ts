import { request } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { EvidenceFile } from '@app/results';
import { ContestClient, join as joinContest } from '../contest/contest-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { buildWorld, PDF, upload, type World } from './security-world.js';

jest.setTimeout(120_000);

const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode', 'latin1');

interface ErrorReply {
  code: string;
  details?: { retryAfterSeconds?: number };
}

/**
 * Abuse, end to end: guessing passwords, access codes and contest PINs is throttled; oversized
 * bodies and uploads are refused early with 413; uploads are judged by their bytes; every answer
 * carries the security headers.
 */
describe(`abuse: brute force, oversized input, uploads, headers (${TEST_DB})`, () => {
  let t: TestApp;
  let w: World;
  const uploads = mkdtempSync(join(tmpdir(), 'abuse-uploads-'));

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_DIR: uploads });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  describe('brute force', () => {
    it('throttles password guessing per address: the 11th try in a minute is refused, even with the right password', async () => {
      const made = await t.api(
        'POST',
        '/api/users',
        { username: 'muc.tieu', fullName: 'Mục Tiêu', password: 'dung-mat-khau-2026', role: 'inspector' },
        w.admin.token,
      );
      expect(made.status).toBe(201);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        statuses.push((await t.api('POST', '/api/auth/login', { username: 'muc.tieu', password: `doan-${i}` })).status);
      }
      expect(statuses).toEqual(Array(10).fill(401));
      const right = await t.api<ErrorReply>('POST', '/api/auth/login', {
        username: 'muc.tieu',
        password: 'dung-mat-khau-2026',
      });
      expect([right.status, right.body.code]).toEqual([429, 'RATE_LIMITED']);
      expect(right.body.details?.retryAfterSeconds).toBeGreaterThan(0);
      // the limit is on the address too: switching to another username does not help
      const other = await t.api<ErrorReply>('POST', '/api/auth/login', { username: 'nguoi.khac', password: 'x' });
      expect(other.status).toBe(429);
    });

    it('throttles guessing the current password when changing one’s own', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await t.api(
          'POST',
          '/api/auth/password',
          { currentPassword: `doan-${i}`, newPassword: 'mat-khau-moi-2026' },
          w.own.official.token,
        );
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    it('throttles guessing candidate access codes, then refuses even the right one', async () => {
      await t.api(
        'POST',
        `/api/exam/sessions/${w.examSessionId}/candidates`,
        { numbered: [{ candidateNumber: 'SBD-777', fullName: 'Thí sinh thử' }] },
        w.organizer.token,
      );
      const codes = await t.api<{ candidateNumber: string; accessCode: string }[]>(
        'POST',
        `/api/exam/sessions/${w.examSessionId}/access-codes`,
        {},
        w.organizer.token,
      );
      const code = codes.body.find((c) => c.candidateNumber === 'SBD-777')!.accessCode;
      const login = (accessCode: string) =>
        t.api<ErrorReply>('POST', '/api/exam/candidate-login', {
          candidateNumber: 'SBD-777',
          accessCode,
          sessionId: w.examSessionId,
        });
      for (let i = 0; i < 10; i++) expect((await login(`SAI${i}X`)).status).toBe(401);
      const right = await login(code);
      expect([right.status, right.body.code]).toEqual([429, 'RATE_LIMITED']);
    });

    it('throttles guessing contest PINs from one address, then refuses even the right PIN', async () => {
      const open: ContestClient[] = [];
      const tryPin = async (pin: string): Promise<string> => {
        try {
          open.push(await joinContest(t.url, { role: 'player', pin, name: 'Kẻ dò PIN', agencyId: w.own.agencyId }));
          return 'joined';
        } catch (e) {
          return (e as Error).message.split(':')[0];
        }
      };
      const wrong = w.contest.pin === '000000' ? '000001' : '000000';
      const answers: string[] = [];
      for (let i = 0; i < 30; i++) answers.push(await tryPin(wrong));
      expect(new Set(answers)).toEqual(new Set(['PIN_NOT_FOUND']));
      expect(await tryPin(wrong)).toBe('RATE_LIMITED');
      expect(await tryPin(w.contest.pin)).toBe('RATE_LIMITED');
      open.forEach((c) => c.close());
    });
  });

  describe('oversized input', () => {
    /** A raw request that declares `declared` bytes and sends only `sent`: the answer and when it came. */
    const partial = (declared: number, sent: number) =>
      new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
        const started = Date.now();
        const req = request(
          `${t.url}/api/auth/login`,
          { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': declared } },
          (res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => {
              req.destroy();
              resolve({ status: res.statusCode!, body, ms: Date.now() - started });
            });
          },
        );
        req.on('error', reject);
        req.write('{"username":"' + 'x'.repeat(sent));
      });

    it('refuses a JSON body declared larger than the limit before reading it, with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await partial(50 * 1024 * 1024, 1024);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(res.ms).toBeLessThan(5000); // answered without waiting for the 50 MB that never come
    });

    it('refuses a chunked body once it passes the limit', async () => {
      const res = await fetch(`${t.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Blob([`{"username":"${'x'.repeat(3 * 1024 * 1024)}"}`]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as ErrorReply).code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('uploads', () => {
    const evidencePath = () => `/api/results/scorecards/${w.own.scorecardId}/items/CDDH.2.1/evidence`;
    const stored = async () => t.app.get(DataSource).getRepository(EvidenceFile).count();
    const files = () => readdirSync(join(uploads, 'evidence'), { recursive: true }).length;

    it('refuses evidence over 10 MB with 413 and stores nothing', async () => {
      const [before, onDisk] = [await stored(), files()];
      const res = await upload(
        t,
        evidencePath(),
        w.own.officer.token,
        Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
        'to.pdf',
      );
      expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect([await stored(), files()]).toEqual([before, onDisk]);
    });

    it('judges a file by its bytes, not its name: a program named .pdf is refused', async () => {
      const before = await stored();
      const res = await upload(t, evidencePath(), w.own.officer.token, EXE, 'bao-cao.pdf');
      expect([res.status, res.body.code]).toEqual([400, 'FILE_TYPE_NOT_ALLOWED']);
      expect(await stored()).toBe(before);
    });

    it.each([
      ['/api/org/import/agencies', 'co-quan.xlsx'],
      ['/api/org/import/users', 'nguoi-dung.csv'],
      ['/api/bank/imports', 'cau-hoi.xlsx'],
      ['/api/results/schemes/import.xlsx', 'bo-chi-so.xlsx'],
    ])('refuses a program disguised as a spreadsheet on %s with a 4xx that names the problem', async (path, name) => {
      const res = await upload(t, path, w.admin.token, EXE, name);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.code).toMatch(/^[A-Z_]+$/);
    });

    it('refuses an import over its size limit with 413', async () => {
      const res = await upload(
        t,
        '/api/org/import/agencies',
        w.admin.token,
        Buffer.alloc(6 * 1024 * 1024, 0x41),
        'lon.csv',
      );
      expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    });
  });

  describe('security headers', () => {
    const expectHeaders = (h: Headers, what: string) => {
      const csp = h.get('content-security-policy') ?? '';
      expect([what, csp]).toEqual([what, expect.stringContaining("default-src 'self'")]);
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("object-src 'none'");
      expect([what, h.get('x-content-type-options')]).toEqual([what, 'nosniff']);
      expect([what, h.get('referrer-policy')]).toEqual([what, 'no-referrer']);
      expect([what, h.get('x-frame-options')]).toEqual([what, 'SAMEORIGIN']);
      expect([what, h.get('strict-transport-security')]).toEqual([what, expect.stringContaining('max-age=')]);
      expect([what, h.get('x-powered-by')]).toEqual([what, null]);
    };

    it('sends them on success, on refusals and on errors raised before the route (bad JSON, too large)', async () => {
      const cases: [string, RequestInit & { path: string }][] = [
        ['health', { path: '/health' }],
        ['200 JSON', { path: '/api/auth/me', headers: { authorization: `Bearer ${w.admin.token}` } }],
        ['401', { path: '/api/auth/me' }],
        ['404', { path: '/api/nothing-here' }],
        [
          'file download',
          {
            path: `/api/results/evidence/${w.own.evidenceId}`,
            headers: { authorization: `Bearer ${w.own.officer.token}` },
          },
        ],
        [
          'malformed JSON',
          { path: '/api/auth/login', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' },
        ],
        [
          'too large',
          {
            path: '/api/auth/login',
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'x'.repeat(2_000_000) }),
          },
        ],
      ];
      for (const [what, { path, ...init }] of cases) {
        const res = await fetch(t.url + path, init);
        await res.arrayBuffer();
        expectHeaders(res.headers, `${what} (${res.status})`);
      }
    });
  });
});
