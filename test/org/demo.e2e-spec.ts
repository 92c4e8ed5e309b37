import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DEMO_AGENCIES, DEMO_USERS, DemoOrg, DemoOrgSeeder } from '@app/org';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import type { TreeReply } from './org-helpers.js';

// Starting a server (migrations, argon2, the demo province) takes seconds on a busy machine.
jest.setTimeout(60_000);

/** Starts the server with stdout captured; returns what the start printed. */
async function startCapturing(env: Record<string, string>, config?: TestApp['config']) {
  let printed = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    const t = await startTestApp(env, config);
    return { t, printed };
  } finally {
    spy.mockRestore();
  }
}

/** username → password, read from the printed block the way a person reads it. */
function printedPasswords(printed: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const m = new RegExp(`^\\s+${u.username.replace('.', '\\.')}\\s+(\\S+)\\s`, 'm').exec(printed);
    if (m) out.set(u.username, m[1]);
  }
  return out;
}

describe(`the demo province on first start (${TEST_DB})`, () => {
  let t: TestApp;
  let printed: string;

  beforeAll(async () => {
    ({ t, printed } = await startCapturing({
      SEED_DEMO: 'true',
      LOGIN_RATE_PER_MINUTE: '100',
      ADMIN_USERNAME: 'root.admin',
      ADMIN_PASSWORD: 'khoi-2026-tao',
    }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('prints every demo account once, and each logs in with its printed password', async () => {
    const passwords = printedPasswords(printed);
    expect([...passwords.keys()].sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    for (const [username, password] of passwords) {
      const res = await t.api<{ user: { username: string; role: string } }>('POST', '/api/auth/login', {
        username,
        password,
      });
      expect(res.status).toBe(200);
      expect(res.body.user.role).toBe(DEMO_USERS.find((u) => u.username === username)!.role);
    }
    const wrong = await t.api('POST', '/api/auth/login', { username: 'admin', password: 'sen-0000-sen' });
    expect(wrong.status).toBe(401);
  });

  it('seeds a province with 19 departments, 10 districts and 140 communes, each with a staff count', async () => {
    const { accessToken } = (
      await t.api<{ accessToken: string }>('POST', '/api/auth/login', {
        username: 'admin',
        password: printedPasswords(printed).get('admin'),
      })
    ).body;
    const tree = await t.api<TreeReply[]>('GET', '/api/agencies/tree', undefined, accessToken);
    expect(tree.status).toBe(200);
    expect(tree.body).toHaveLength(1);
    const [root] = tree.body;
    expect(root.name).toBe('Ủy ban nhân dân tỉnh Đồng Sen');
    const departments = root.children.filter((c) => c.levelCode === 'department');
    const districts = root.children.filter((c) => c.levelCode === 'district');
    expect(departments).toHaveLength(19);
    expect(departments.map((d) => d.name)).toEqual(expect.arrayContaining(['Sở Nội vụ', 'Sở Tài chính', 'Sở Tư pháp']));
    expect(districts).toHaveLength(10);
    for (const d of districts) expect(d.children.length).toBeGreaterThanOrEqual(4);
    const communes = districts.flatMap((d) => d.children);
    expect(communes).toHaveLength(140);
    for (const a of [...departments, ...districts, ...communes]) expect(a.staffCount).toBeGreaterThan(0);
    expect(communes.map((c) => c.name)).toContain('Xã Mỹ An, huyện Mỹ Hòa');
  });

  it('creates the first administrator from ADMIN_USERNAME and ADMIN_PASSWORD', async () => {
    const res = await t.api<{ user: { role: string; agencyId: number | null } }>('POST', '/api/auth/login', {
      username: 'root.admin',
      password: 'khoi-2026-tao',
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: 'admin', agencyId: null });
  });

  it('lets other modules read the demo organisation by code', async () => {
    const db = t.app.get(DataSource);
    const org = (await DemoOrg.load(db.manager))!;
    expect(org.communeIds).toHaveLength(140);
    expect(org.departmentIds).toHaveLength(19);
    expect(org.agencyIds.size).toBe(DEMO_AGENCIES.length);
    expect(org.userId('officer.myan')).toBeGreaterThan(0);
    expect(t.app.get(DemoOrgSeeder).lastSeeded?.homeAffairsId).toBe(org.homeAffairsId);
  });

  it('does not seed again, nor print passwords, on the next start', async () => {
    await t.close({ keepDatabase: true });
    const again = await startCapturing({}, t.config);
    t = again.t;
    expect(again.printed).not.toContain('DEMO DATA');
    const db = t.app.get(DataSource);
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM agencies');
    expect(Number(n)).toBe(DEMO_AGENCIES.length);
    expect(await new DemoOrgSeeder(db).seed()).toBeNull();
  });
});

describe(`the default for demo data (${TEST_DB})`, () => {
  it(TEST_DB === 'sqlite' ? 'seeds the embedded default' : 'never seeds MySQL/MariaDB unless asked', async () => {
    const { t } = await startCapturing({ SEED_DEMO: '' });
    try {
      const agencies = await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM agencies');
      expect(Number(agencies[0].n)).toBe(TEST_DB === 'sqlite' ? DEMO_AGENCIES.length : 0);
      const levels = await t.app.get(DataSource).query('SELECT code FROM agency_levels ORDER BY depth, code');
      expect(levels.map((l: { code: string }) => l.code)).toEqual(['province', 'department', 'district', 'commune']);
    } finally {
      await t.close();
    }
  });
});
