import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The built server as a user starts it (node dist/…/main.js). The test command builds first; run
 * `npm run build:api` before running this file alone.
 */
const MAIN = resolve('dist/apps/api/src/main.js');

const freePort = (): Promise<number> =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  let out = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    cwd: mkdtempSync(join(tmpdir(), 'cchc-proc-')),
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return { child, output: () => out, exited };
}

async function waitForHealth(port: number, within = 30_000): Promise<Response> {
  const until = Date.now() + within;
  for (;;) {
    try {
      return await fetch(`http://127.0.0.1:${port}/health`);
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build:api first`);
  });

  it('refuses to start on bad configuration, naming each bad variable', async () => {
    const p = start({ PORT: 'eighty', DB_TYPE: 'oracle' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('PORT="eighty"');
    expect(p.output()).toContain('DB_TYPE="oracle"');
  });

  it('starts on the embedded default, answers /health and /docs, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const p = start({ PORT: String(port), DB_PATH: join(dir, 'db', 'cchc.sqlite'), SEED_DEMO: 'false' });
    const health = await waitForHealth(port);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { database: string }).database).toBe('up');
    expect((await fetch(`http://127.0.0.1:${port}/docs`)).status).toBe(200);
    expect(existsSync(join(dir, 'db', 'cchc.sqlite-wal'))).toBe(true);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 60_000);
});
