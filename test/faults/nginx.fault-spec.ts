/**
 * Two api instances behind nginx (the Debian package) with the shipped config/nginx/cchc.conf,
 * templated with this run's ports: HTTP and websocket upgrades through nginx, a contest whose
 * players sit on both instances, and one instance stopped while traffic goes on to the other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join as joinPath, resolve } from 'node:path';
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createPool, type Pool, type ResultSetHeader } from 'mysql2/promise';
import { ContestClient, join } from '../contest/contest-support.js';
import { FaultPlayer, type PlayerStats } from './support/contest-players.js';
import { HttpClient, inPool } from './support/http.js';
import {
  ADMIN,
  ApiProcess,
  PrivateServices,
  createDatabase,
  freePort,
  printFigures,
  requireBuild,
  sleep,
} from './support/processes.js';

jest.setTimeout(180_000);

const PER_SIDE = 40;

/** config/nginx/cchc.conf with this run's ports; fails if the shipped file no longer has what is replaced. */
function templatedConf(nginxPort: number, apiPorts: [number, number]): string {
  const shipped = readFileSync(resolve('config/nginx/cchc.conf'), 'utf8');
  const swaps: [string, string][] = [
    ['listen 80;', `listen 127.0.0.1:${nginxPort};`],
    ['server 127.0.0.1:3001 ', `server 127.0.0.1:${apiPorts[0]} `],
    ['server 127.0.0.1:3002 ', `server 127.0.0.1:${apiPorts[1]} `],
  ];
  let conf = shipped;
  for (const [from, to] of swaps) {
    if (!conf.includes(from)) throw new Error(`config/nginx/cchc.conf no longer contains "${from}"`);
    conf = conf.replace(from, to);
  }
  return conf;
}

describe('two api instances behind nginx', () => {
  const services = new PrivateServices();
  const apis: ApiProcess[] = [];
  let db: Pool;
  let viaNginx: HttpClient;
  let nginxUrl = '';
  let token = '';
  const stats: PlayerStats = { sent: 0, acked: 0, retries: 0, refusals: {}, reconnects: 0, reconnectMs: [] };
  const figures: Record<string, unknown> = {};
  const players: FaultPlayer[] = [];
  let host: ContestClient;
  const t0 = Date.now();

  beforeAll(async () => {
    requireBuild();
    const dbUrl = await createDatabase(services.startMysql(), 'cchc_nginx');
    const env = { DB_TYPE: 'mariadb', DB_URL: dbUrl, REDIS_URL: services.startRedis(), LOG_LEVEL: 'info' };
    for (let i = 0; i < 2; i++) apis.push(new ApiProcess(await freePort(), env));
    await apis[0].start();
    await apis[1].start();
    const nginxPort = await freePort();
    const dir = services.dir;
    writeFileSync(joinPath(dir, 'cchc.conf'), templatedConf(nginxPort, [apis[0].port, apis[1].port]));
    const temp = joinPath(dir, 'nginx', 'temp');
    writeFileSync(
      joinPath(dir, 'nginx.conf'),
      [
        process.getuid?.() === 0 ? 'user root;' : '',
        'worker_processes 1;',
        'events { worker_connections 2048; }',
        'http {',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${temp}/${t};`),
        `  include ${joinPath(dir, 'cchc.conf')};`,
        '}',
      ].join('\n'),
    );
    services.startNginx(joinPath(dir, 'nginx.conf'));
    nginxUrl = `http://127.0.0.1:${nginxPort}`;
    viaNginx = new HttpClient(nginxUrl);
    db = createPool({ uri: dbUrl, connectionLimit: 2, timezone: 'Z' });
  });

  afterAll(async () => {
    figures.players = players.length;
    figures.answers_acked = stats.acked;
    figures.refusals = stats.refusals;
    figures.reconnects_through_nginx = stats.reconnects;
    figures.server_errors_5xx = Object.values(viaNginx?.serverErrors ?? {}).reduce((s, n) => s + n, 0);
    figures.total_s = Math.round((Date.now() - t0) / 1000);
    printFigures('two instances behind nginx', figures);
    for (const p of players) p.close();
    host?.close();
    await Promise.all(apis.map((a) => a.stop()));
    await db?.end();
    viaNginx?.close();
    services.stopAll();
  });

  /** Which instance nginx sends this client to: a unique path, looked for in the instances' request logs. */
  async function servedBy(): Promise<number> {
    const probe = `/api/nginx-probe-${randomBytes(6).toString('hex')}`;
    expect((await viaNginx.request('GET', probe)).status).toBe(404);
    await sleep(200);
    const hits = apis.map((a, i) => (a.log().includes(probe) ? i : -1)).filter((i) => i >= 0);
    expect(hits).toHaveLength(1);
    return hits[0];
  }

  let first = 0;

  it('passes HTTP through, with a request id from nginx in the instance log', async () => {
    const health = await viaNginx.request<{ database: string }>('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.database).toBe('up');
    token = (await viaNginx.expect<{ accessToken: string }>(200, 'POST', '/api/auth/login', ADMIN)).accessToken;
    first = await servedBy();
    const id = /"id":"([0-9a-f]{32})","method":"GET","url":"\/api\/nginx-probe/.exec(apis[first].log());
    expect(id).not.toBeNull();
  });

  let pin = '';
  let sessionId = 0;

  it('upgrades websockets through nginx; players on both instances play one contest', async () => {
    const [lvl] = await db.query<ResultSetHeader>(
      "INSERT INTO agency_levels (code, name, depth, active) VALUES ('ngx', 'Cấp thử', 1, 1)",
    );
    const [agency] = await db.query<ResultSetHeader>(
      "INSERT INTO agencies (code, name, level_id, active) VALUES ('NGX1', 'Sở thử nghiệm', ?, 1)",
      [lvl.insertId],
    );
    const contest = await viaNginx.expect<{ id: number }>(
      201,
      'POST',
      '/api/contests',
      { title: 'Hội thi qua nginx', mode: 'individual' },
      token,
    );
    const round = await viaNginx.expect<{ id: number }>(
      201,
      'POST',
      `/api/contests/${contest.id}/rounds`,
      { title: 'Tăng tốc', type: 'speed' },
      token,
    );
    for (let q = 0; q < 2; q++) {
      await viaNginx.expect(
        201,
        'POST',
        `/api/contests/${contest.id}/rounds/${round.id}/questions`,
        {
          text: `Câu ${q + 1}`,
          options: ['a', 'b', 'c', 'd'].map((key) => ({ key, text: key })),
          correctKey: 'a',
          points: 100,
          timeLimitSec: 20,
        },
        token,
      );
    }
    const session = await viaNginx.expect<{ sessionId: number; pin: string }>(
      201,
      'POST',
      `/api/contests/${contest.id}/sessions`,
      {},
      token,
    );
    pin = session.pin;
    sessionId = session.sessionId;
    host = await join(nginxUrl, { role: 'host', sessionId, token });
    // half through nginx (all on the instance its ip_hash picks for this address), half straight to the other
    const other = apis[1 - first].url;
    for (let i = 0; i < 2 * PER_SIDE; i++) {
      players.push(
        new FaultPlayer(
          `Người chơi ${i + 1}`,
          () => 'a',
          () => 200 + Math.random() * 1500,
          stats,
          () => nginxUrl,
        ),
      );
    }
    await inPool(players, 20, (p, i) => p.join(i < PER_SIDE ? nginxUrl : other, pin, agency.insertId));
    figures.websocket_players_through_nginx = PER_SIDE;
    figures.players_on_the_other_instance = PER_SIDE;

    expect(await host.send('host:start', {}, 10_000)).toMatchObject({ ok: true, index: 0 });
    const until = Date.now() + 15_000;
    while (players.some((p) => !p.settled.has(0)) && Date.now() < until) await sleep(100);
    expect(players.every((p) => p.acked.has(0))).toBe(true);
    expect(await host.send('host:reveal', {}, 10_000)).toMatchObject({ ok: true });
  });

  it('sends everything to the other instance when one stops', async () => {
    const t = Date.now();
    await apis[first].stop();
    // the host's phone notices and comes back through nginx, which now reaches only the other instance
    for (let tries = 0; ; tries++) {
      try {
        host = await join(nginxUrl, { role: 'host', sessionId, token });
        break;
      } catch (e) {
        if (tries > 50) throw e;
        await sleep(200);
      }
    }
    const until = Date.now() + 20_000;
    while (stats.reconnects < PER_SIDE && Date.now() < until) await sleep(100);
    figures.failover_all_back_ms = Date.now() - t;
    expect(stats.reconnects).toBe(PER_SIDE);
    expect(await servedBy()).toBe(1 - first);
    let ok = 0;
    for (let i = 0; i < 50; i++) if ((await viaNginx.request('GET', '/health/ready')).status === 200) ok++;
    figures.http_ok_after_stop = `${ok}/50`;
    expect(ok).toBe(50);

    expect(await host.send('host:next', {}, 10_000)).toMatchObject({ ok: true, index: 1 });
    const open = Date.now() + 15_000;
    while (players.some((p) => !p.settled.has(1)) && Date.now() < open) await sleep(100);
    expect(players.every((p) => p.acked.has(1))).toBe(true);
    expect(await host.send('host:reveal', {}, 10_000)).toMatchObject({ ok: true });
    await host.send('host:next', {}, 10_000);
    expect(await host.send('host:end', {}, 20_000)).toMatchObject({ ok: true, phase: 'ended' });
    const results = await viaNginx.expect<{ players: { score: number }[] }>(
      200,
      'GET',
      `/api/contest-sessions/${sessionId}/results`,
      undefined,
      token,
    );
    expect(results.players).toHaveLength(2 * PER_SIDE);
    expect(results.players.every((p) => p.score > 0)).toBe(true);
    expect(viaNginx.serverErrors).toEqual({});
  });
});
