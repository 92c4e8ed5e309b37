/**
 * What the fault suites start and kill: private MariaDB, Redis and nginx (through
 * scripts/services.sh, so tests, benchmarks and the test command start them one way) and the built
 * api server as a child process, the way production runs it (node dist/apps/api/src/main.js).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';

export const MAIN = resolve('dist/apps/api/src/main.js');
const SERVICES = resolve('scripts/services.sh');

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

/** Fails with a clear message when the server was not built (the test command builds first). */
export function requireBuild(): void {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build:api first`);
}

/** Private services in a temp folder of their own; each can be stopped, killed and restarted on its port and data. */
export class PrivateServices {
  readonly dir = mkdtempSync(join(tmpdir(), 'cchc-faults-'));

  private run(cmd: string, ...args: string[]): string {
    return execFileSync('bash', [SERVICES, cmd, this.dir, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, REDIS_APPENDONLY: this.redisAppendOnly ? 'yes' : 'no' },
    }).trim();
  }

  constructor(private readonly redisAppendOnly = false) {}

  startMysql(): string {
    return this.run('start-mysql');
  }
  stopMysql(): void {
    this.run('stop-mysql');
  }
  killMysql(): void {
    this.run('kill-mysql');
  }
  startRedis(): string {
    return this.run('start-redis');
  }
  stopRedis(): void {
    this.run('stop-redis');
  }
  killRedis(): void {
    this.run('kill-redis');
  }
  startNginx(conf: string): void {
    this.run('start-nginx', conf);
  }
  stopNginx(): void {
    this.run('stop-nginx');
  }

  /** Stops everything and removes the folder. */
  stopAll(): void {
    try {
      this.run('stop');
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** A new empty database on a MariaDB server; returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = await createConnection(serverUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return `${serverUrl}/${name}`;
}

export const ADMIN = { username: 'faultadmin', password: 'fault-password-123' };
export const JWT_SECRET = 'fault-suite-secret-0123456789-0123456789-abcdef';

/**
 * The built api server in a child process on a fixed port, so that a restart comes back where
 * clients expect it. `kill9` is a crash; `start` again is the supervisor restarting it.
 */
export class ApiProcess {
  private child: ChildProcess | null = null;
  private output = '';
  /** Set when the process exited without being told to (its output is kept in log()). */
  exitedOnItsOwn: string | null = null;
  readonly url: string;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server and waits until /health/ready answers 200. Returns how long that took, ms. */
  async start(within = 60_000): Promise<number> {
    const t0 = Date.now();
    this.output = '';
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        JWT_SECRET,
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        LOGIN_RATE_PER_MINUTE: '1000000',
        WEB_DIR: join(tmpdir(), 'cchc-faults-no-web'),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (d: Buffer): void => {
      this.output = (this.output + d.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => {
      if (this.child === child) this.exitedOnItsOwn = `code ${code}, signal ${signal}`;
    });
    for (;;) {
      try {
        const r = await fetch(`${this.url}/health/ready`);
        if (r.status === 200) return Date.now() - t0;
      } catch {
        /* not listening yet */
      }
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${this.output}`);
      if (Date.now() - t0 > within) throw new Error(`the server was not ready within ${within} ms:\n${this.output}`);
      await sleep(100);
    }
  }

  /** kill -9: no shutdown hooks, no draining; whatever was in flight is cut. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** A clean stop (SIGTERM). */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(sig: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    this.child = null;
    child.kill(sig);
    await gone;
  }

  /** The last lines the server printed (for failure messages). */
  log(): string {
    return this.output;
  }
}

/** One line of figures, printed where the test command's output shows it. */
export function printFigures(suite: string, figures: Record<string, unknown>): void {
  process.stderr.write(`\n[faults] ${suite}: ${JSON.stringify({ ...figures, date: new Date().toISOString() })}\n`);
}
