import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Agency, User } from '@app/org';
import { Role } from '@app/platform';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import type { AgencyReply, ErrorReply, PageReply, UserReply } from './org-helpers.js';

jest.setTimeout(60_000);

describe(`bad input to the agency and user endpoints (${TEST_DB})`, () => {
  let t: TestApp;
  let admin: TestUser;
  let parentId: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeUser(t, Role.Admin, null);
    parentId = (await makeAgency(t, { level: 'province', code: 'TINH' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.api<ErrorReply>('POST', '/api/agencies', '{"code": "X", "name": ', admin.token);
    expect([res.status, res.body.code]).toEqual([400, 'MALFORMED_JSON']);
  });

  it('names each field of the wrong type, and refuses unknown fields', async () => {
    const res = await t.api<ErrorReply>(
      'POST',
      '/api/agencies',
      { code: 42, name: ['Sở'], level: 'department', parentId: '1', staffCount: -5, isAdmin: true },
      admin.token,
    );
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.details!.fields!.map((f) => f.field).sort()).toEqual([
      'code',
      'isAdmin',
      'name',
      'parentId',
      'staffCount',
    ]);
    const user = await t.api<ErrorReply>(
      'POST',
      '/api/users',
      { username: 'ok.name', fullName: 'Tên', password: 'abc-1234-xyz', role: 'admin', passwordHash: 'x' },
      admin.token,
    );
    expect(user.body.details!.fields!.map((f) => f.field)).toEqual(['passwordHash']);
  });

  it('refuses bad route and query parameters with 400, unknown ids with 404', async () => {
    for (const path of ['/api/agencies/abc', '/api/agencies/1%20OR%201=1', '/api/users/-3', '/api/agencies/1.5']) {
      const res = await t.api<ErrorReply>('GET', path, undefined, admin.token);
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
    }
    for (const query of ['active=maybe', 'pageSize=100000', 'page=0', 'parentId=x', 'sort=name']) {
      expect((await t.api('GET', `/api/agencies?${query}`, undefined, admin.token)).status).toBe(400);
    }
    expect((await t.api('GET', '/api/users?role=king', undefined, admin.token)).status).toBe(400);
    const missing = await t.api<ErrorReply>('GET', '/api/agencies/999999', undefined, admin.token);
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses a body larger than the limit with 413', async () => {
    const res = await t.api<ErrorReply>(
      'POST',
      '/api/agencies',
      { code: 'BIG', name: 'x'.repeat(2_000_000), level: 'department', parentId },
      admin.token,
    );
    expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('stores SQL-looking text as plain text and searches it literally', async () => {
    const evil = 'Robert\'); DROP TABLE users;-- " OR 1=1 /* % _';
    const made = await t.api<AgencyReply>(
      'POST',
      '/api/agencies',
      { code: 'SQL-1', name: evil, level: 'department', parentId },
      admin.token,
    );
    expect(made.status).toBe(201);
    expect(made.body.name).toBe(evil);
    const found = await t.api<PageReply<AgencyReply>>(
      'GET',
      `/api/agencies?q=${encodeURIComponent("'); DROP TABLE")}`,
      undefined,
      admin.token,
    );
    expect(found.body.items.map((a) => a.code)).toEqual(['SQL-1']);
    const wildcard = await t.api<PageReply<AgencyReply>>('GET', '/api/agencies?q=%25', undefined, admin.token);
    expect(wildcard.body.items.map((a) => a.code)).toEqual(['SQL-1']);
    const db = t.app.get(DataSource);
    expect(await db.getRepository(User).count()).toBeGreaterThan(0);
    const code = await t.api<ErrorReply>(
      'POST',
      '/api/agencies',
      { code: "X'; DELETE FROM agencies;--", name: 'x', level: 'department', parentId },
      admin.token,
    );
    expect(code.status).toBe(400);
    expect(await db.getRepository(Agency).countBy({ code: 'SQL-1' })).toBe(1);
  });

  it('keeps Vietnamese text and emoji intact through the API and the database', async () => {
    const name = 'Ủy ban nhân dân xã Đắk Rơ Wa — “Tốt” 🏆🇻🇳 ễ ữ ỹ Ặ';
    const agency = await t.api<AgencyReply>(
      'POST',
      '/api/agencies',
      { code: 'VI-1', name, level: 'department', parentId },
      admin.token,
    );
    expect(agency.status).toBe(201);
    expect((await t.api<AgencyReply>('GET', `/api/agencies/${agency.body.id}`, undefined, admin.token)).body.name).toBe(
      name,
    );
    const user = await t.api<UserReply>(
      'POST',
      '/api/users',
      { username: 'emoji.user', fullName: 'Nguyễn Thị Ánh Tuyết 🌸', password: 'hoa-2025-dao', role: 'organizer' },
      admin.token,
    );
    expect(user.status).toBe(201);
    const back = await t.api<PageReply<UserReply>>('GET', '/api/users?q=Ánh Tuyết', undefined, admin.token);
    expect(back.body.items.map((u) => u.fullName)).toEqual(['Nguyễn Thị Ánh Tuyết 🌸']);
    const stored = await t.app.get(DataSource).getRepository(Agency).findOneByOrFail({ code: 'VI-1' });
    expect(stored.name).toBe(name);
  });
});
