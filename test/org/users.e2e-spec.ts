import { jest } from '@jest/globals';
import { hashPassword } from '@app/org';
import { Role } from '@app/platform';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import type { ErrorReply, PageReply, UserReply } from './org-helpers.js';

jest.setTimeout(60_000);

describe(`users (${TEST_DB})`, () => {
  let t: TestApp;
  let admin: TestUser;
  let agencyA: number;
  let agencyB: number;
  const login = (username: string, password: string) =>
    t.api<{ accessToken: string } & ErrorReply>('POST', '/api/auth/login', { username, password });
  const createUser = (body: Record<string, unknown>, token = admin.token) =>
    t.api<UserReply & ErrorReply>('POST', '/api/users', body, token);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_PER_MINUTE: '100' });
    admin = await makeUser(t, Role.Admin, null, { username: 'boss' });
    agencyA = (await makeAgency(t, { name: 'Xã An Bình' })).id;
    agencyB = (await makeAgency(t, { name: 'Xã Bình Hòa' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets an admin create a user who can then log in, and never returns the password hash', async () => {
    const res = await createUser({
      username: 'mai.tran',
      fullName: 'Trần Thị Mai',
      password: 'song-4827-lua',
      role: 'official',
      agencyId: agencyA,
      email: 'mai@example.vn',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'mai.tran', fullName: 'Trần Thị Mai', role: 'official', active: true });
    expect(JSON.stringify(res.body)).not.toMatch(/hash|argon/i);
    expect((await login('mai.tran', 'song-4827-lua')).status).toBe(200);
  });

  it.each([
    ['a weak password', { password: '12345678' }, 400, 'WEAK_PASSWORD'],
    ['a password containing the username', { username: 'hoa.le', password: 'hoa.le2024x' }, 400, 'WEAK_PASSWORD'],
    ['an official without an agency', { agencyId: null }, 400, 'AGENCY_REQUIRED'],
    ['an unknown agency', { agencyId: 99999 }, 400, 'UNKNOWN_AGENCY'],
    ['a taken username, in another case', { username: 'MAI.TRAN' }, 409, 'USERNAME_TAKEN'],
    ['a bad role', { role: 'superuser' }, 400, 'VALIDATION_FAILED'],
    ['a username with accents', { username: 'mai.trần' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_, change, status, code) => {
    const res = await createUser({
      username: 'new.user',
      fullName: 'Người Mới',
      password: 'nui-1357-gio',
      role: 'official',
      agencyId: agencyA,
      ...change,
    });
    expect([res.status, res.body.code]).toEqual([status, code]);
  });

  it('lists users filtered by agency, role and text, a page at a time', async () => {
    for (let i = 1; i <= 5; i++) {
      await makeUser(t, Role.Official, agencyB, { username: `b.official${i}`, fullName: `Công chức Bình ${i}` });
    }
    await makeUser(t, Role.AgencyOfficer, agencyB, { username: 'b.officer', fullName: 'Đầu mối Bình Hòa' });
    const q = (query: string) =>
      t.api<PageReply<UserReply>>('GET', `/api/users?${query}`, undefined, admin.token).then((r) => r.body);
    const page = await q(`agencyId=${agencyB}&role=official&pageSize=2&page=3`);
    expect(page).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(page.items.map((u) => u.username)).toEqual(['b.official5']);
    expect((await q('q=Đầu mối')).items.map((u) => u.username)).toEqual(['b.officer']);
    expect((await q('q=MAI')).items.map((u) => u.username)).toEqual(['mai.tran']);
    expect((await q("q=' OR 1=1 --")).total).toBe(0);
  });

  it('updates name, role, agency, email and active, and audits before → after with the reason', async () => {
    const u = (await makeUser(t, Role.Official, agencyA, { username: 'doi.vai' })).user;
    const res = await t.api<UserReply>(
      'PATCH',
      `/api/users/${u.id}`,
      {
        fullName: 'Đổi Vai Trò',
        role: 'agency_officer',
        agencyId: agencyB,
        email: 'dvt@example.vn',
        reason: 'Điều động',
      },
      admin.token,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fullName: 'Đổi Vai Trò', role: 'agency_officer', agencyId: agencyB });
    const audit = await t.api<PageReply<{ before: { role: string }; after: { role: string }; reason: string }>>(
      'GET',
      `/api/audit?entityType=user&entityId=${u.id}&action=user.updated`,
      undefined,
      admin.token,
    );
    expect(audit.body.items[0]).toMatchObject({
      before: { role: 'official' },
      after: { role: 'agency_officer' },
      reason: 'Điều động',
    });
    const nulled = await t.api<ErrorReply>('PATCH', `/api/users/${u.id}`, { fullName: null }, admin.token);
    expect(nulled.status).toBe(400);
  });

  it('resets a password: the old one stops working, the audit says who, when and why, never the password', async () => {
    const hash = await hashPassword('cu-1111-matkhau');
    const u = (await makeUser(t, Role.Official, agencyA, { username: 'quen.mk', passwordHash: hash })).user;
    const res = await t.api(
      'POST',
      `/api/users/${u.id}/reset-password`,
      { newPassword: 'moi-2222-matkhau', reason: 'Quên mật khẩu, gọi điện ngày 3/3' },
      admin.token,
    );
    expect(res.status).toBe(200);
    expect((await login('quen.mk', 'cu-1111-matkhau')).status).toBe(401);
    expect((await login('quen.mk', 'moi-2222-matkhau')).status).toBe(200);
    const audit = await t.api<PageReply<{ actorId: number; actorName: string; at: string; reason: string }>>(
      'GET',
      `/api/audit?entityType=user&entityId=${u.id}&action=user.password_reset`,
      undefined,
      admin.token,
    );
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actorId: admin.user.id, reason: 'Quên mật khẩu, gọi điện ngày 3/3' });
    expect(Date.now() - Date.parse(audit.body.items[0].at)).toBeLessThan(60_000);
    expect(JSON.stringify(audit.body)).not.toContain('moi-2222-matkhau');
    const noReason = await t.api('POST', `/api/users/${u.id}/reset-password`, { newPassword: 'x-2222-y' }, admin.token);
    expect(noReason.status).toBe(400);
  });

  it('deactivates a user, who can no longer log in; refuses deactivating oneself or the last admin', async () => {
    const hash = await hashPassword('nghi-3333-huu');
    const u = (await makeUser(t, Role.Official, agencyA, { username: 'nghi.huu', passwordHash: hash })).user;
    const res = await t.api<UserReply>('POST', `/api/users/${u.id}/deactivate`, { reason: 'Nghỉ hưu' }, admin.token);
    expect([res.status, res.body.active]).toEqual([200, false]);
    expect((await login('nghi.huu', 'nghi-3333-huu')).status).toBe(401);
    const self = await t.api<ErrorReply>('POST', `/api/users/${admin.user.id}/deactivate`, {}, admin.token);
    expect([self.status, self.body.code]).toEqual([409, 'OWN_ACCOUNT']);
    const demote = await t.api<ErrorReply>('PATCH', `/api/users/${admin.user.id}`, { role: 'inspector' }, admin.token);
    expect([demote.status, demote.body.code]).toEqual([409, 'OWN_ADMIN_RIGHTS']);
    const second = await makeUser(t, Role.Admin, null);
    expect((await t.api('POST', `/api/users/${second.user.id}/deactivate`, {}, admin.token)).status).toBe(200);
    const last = await t.api<ErrorReply>('POST', `/api/users/${admin.user.id}/deactivate`, {}, second.token);
    expect([last.status, last.body.code]).toEqual([409, 'LAST_ADMIN']);
  });

  it('lets a user change their own password with the current one', async () => {
    const hash = await hashPassword('tu-4444-doi');
    await makeUser(t, Role.Official, agencyA, { username: 'tu.doi', passwordHash: hash });
    const token = (await login('tu.doi', 'tu-4444-doi')).body.accessToken;
    const wrong = await t.api<ErrorReply>(
      'POST',
      '/api/auth/password',
      { currentPassword: 'sai-0000-sai', newPassword: 'moi-5555-doi' },
      token,
    );
    expect([wrong.status, wrong.body.code]).toEqual([400, 'BAD_CURRENT_PASSWORD']);
    const weak = await t.api<ErrorReply>(
      'POST',
      '/api/auth/password',
      { currentPassword: 'tu-4444-doi', newPassword: 'abc' },
      token,
    );
    expect([weak.status, weak.body.code]).toEqual([400, 'WEAK_PASSWORD']);
    const ok = await t.api(
      'POST',
      '/api/auth/password',
      { currentPassword: 'tu-4444-doi', newPassword: 'moi-5555-doi' },
      token,
    );
    expect(ok.status).toBe(204);
    expect((await login('tu.doi', 'tu-4444-doi')).status).toBe(401);
    expect((await login('tu.doi', 'moi-5555-doi')).status).toBe(200);
    expect((await t.api('POST', '/api/auth/password', { currentPassword: 'a', newPassword: 'b1234567x' })).status).toBe(
      401,
    );
  });

  describe('scope', () => {
    let officerA: TestUser;
    let officialA: TestUser;
    let inspector: TestUser;
    let userInB: number;
    beforeAll(async () => {
      officerA = await makeUser(t, Role.AgencyOfficer, agencyA);
      officialA = await makeUser(t, Role.Official, agencyA);
      inspector = await makeUser(t, Role.Inspector, null);
      userInB = (await makeUser(t, Role.Official, agencyB)).user.id;
    });

    it("lets an agency officer list only their own agency's users", async () => {
      const own = await t.api<PageReply<UserReply>>('GET', '/api/users?pageSize=500', undefined, officerA.token);
      expect(own.status).toBe(200);
      expect(own.body.items.length).toBeGreaterThan(0);
      expect(new Set(own.body.items.map((u) => u.agencyId))).toEqual(new Set([agencyA]));
      const other = await t.api<ErrorReply>('GET', `/api/users?agencyId=${agencyB}`, undefined, officerA.token);
      expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN']);
    });

    it("refuses an agency officer reading or changing another agency's user (403)", async () => {
      expect((await t.api('GET', `/api/users/${userInB}`, undefined, officerA.token)).status).toBe(403);
      expect((await t.api('GET', '/api/users/999999', undefined, officerA.token)).status).toBe(403);
      expect((await t.api('PATCH', `/api/users/${userInB}`, { fullName: 'X' }, officerA.token)).status).toBe(403);
      const reset = { newPassword: 'hack-1234-pw', reason: 'thử' };
      expect((await t.api('POST', `/api/users/${userInB}/reset-password`, reset, officerA.token)).status).toBe(403);
      expect((await t.api('POST', `/api/users/${userInB}/deactivate`, {}, officerA.token)).status).toBe(403);
      expect((await t.api('POST', '/api/users', { username: 'x' }, officerA.token)).status).toBe(403);
    });

    it('refuses an official every admin and inspector endpoint (403), and a missing token (401)', async () => {
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/users'],
        ['GET', `/api/users/${officialA.user.id}`],
        ['POST', '/api/users', {}],
        ['PATCH', `/api/users/${officialA.user.id}`, { role: 'admin' }],
        ['POST', '/api/agencies', {}],
        ['POST', '/api/agency-levels', {}],
        ['GET', '/api/audit'],
        ['GET', '/api/org/import/templates/users'],
      ];
      for (const [method, path, body] of calls) {
        const res = await t.api<ErrorReply>(method, path, body, officialA.token);
        expect([method, path, res.status, res.body.code]).toEqual([method, path, 403, 'FORBIDDEN_ROLE']);
        expect((await t.api(method, path, body)).status).toBe(401);
      }
    });

    it('lets an inspector read users but not change them', async () => {
      expect((await t.api('GET', `/api/users?agencyId=${agencyB}`, undefined, inspector.token)).status).toBe(200);
      expect((await t.api('PATCH', `/api/users/${userInB}`, { fullName: 'X' }, inspector.token)).status).toBe(403);
    });

    it('lets an organizer search users to pick candidates, but not change them', async () => {
      const organizer = await makeUser(t, Role.Organizer, null, { username: 'btc.users' });
      const res = await t.api<{ items: { id: number }[] }>(
        'GET',
        `/api/users?agencyId=${agencyB}`,
        undefined,
        organizer.token,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.map((u) => u.id)).toContain(userInB);
      expect((await t.api('PATCH', `/api/users/${userInB}`, { fullName: 'X' }, organizer.token)).status).toBe(403);
    });
  });
});
