import { readFileSync } from 'node:fs';
import { Role } from '@app/platform';
import { makeContest, startSession } from '../contest/contest-support.js';
import { makeQuestion, makeTopic, secondsFromNow } from '../exam/exam-builders.js';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import type { TestApp } from '../support/test-app.js';

/** A small PDF: the magic bytes the evidence check looks for. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** The agency-bound roles: they see only their own agency. */
export const AGENCY_ROLES: readonly Role[] = [Role.AgencyOfficer, Role.Official];

/** One agency's side of the world: its people and the things that belong to it. */
export interface AgencySide {
  agencyId: number;
  officer: TestUser;
  official: TestUser;
  scorecardId: number;
  evidenceId: number;
  deskId: number;
  /** The official's attempt in the shared exam session. */
  attemptId: number;
}

export interface World {
  admin: TestUser;
  inspector: TestUser;
  /** Organizer A built the contest and hosts its live session; organizer B built another. */
  organizer: TestUser;
  otherOrganizer: TestUser;
  own: AgencySide;
  other: AgencySide;
  examSessionId: number;
  contest: { contestId: number; sessionId: number; pin: string; viewToken: string };
  otherContest: { contestId: number; sessionId: number; pin: string; viewToken: string };
  /** A login token per role, everyone in the own agency (province-wide roles have none). */
  tokens: Record<Role, string>;
}

/** multipart/form-data upload of one file in the field "file". */
export async function upload(
  t: TestApp,
  path: string,
  token: string | undefined,
  bytes: Buffer,
  name: string,
): Promise<{ status: number; body: { id?: number; code?: string; message?: string } }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(t.url + path, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: body as { id?: number; code?: string } };
}

async function ok<T>(res: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * Two agencies with everything an agency owns (users, a scorecard with evidence, a survey desk, an
 * attempt in an inspection test), two organizers each with a contest and a live session, all built
 * through the API as users would.
 */
export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await makeUser(t, Role.Admin, null);
  const inspector = await makeUser(t, Role.Inspector, null);
  const a = await makeAgency(t, { level: 'department', name: 'Sở Nội vụ', code: 'SNV', staffCount: 10 });
  const b = await makeAgency(t, { level: 'department', name: 'Sở Tư pháp', code: 'STP', staffCount: 10 });
  const organizer = await makeUser(t, Role.Organizer, a.id);
  const otherOrganizer = await makeUser(t, Role.Organizer, b.id);
  const people = async (agencyId: number) => ({
    officer: await makeUser(t, Role.AgencyOfficer, agencyId),
    official: await makeUser(t, Role.Official, agencyId),
  });
  const pa = await people(a.id);
  const pb = await people(b.id);

  // PAR Index: the shipped scheme, a scorecard per agency, one evidence file each.
  const doc = JSON.parse(
    readFileSync(new URL('../../config/index-schemes/department-2026.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const scheme = await ok(
    t.api<{ id: number }>('POST', '/api/results/schemes', { ...doc, year: 2026 }, admin.token),
    'scheme',
  );
  await ok(t.api('POST', `/api/results/schemes/${scheme.id}/activate`, undefined, admin.token), 'activate');
  const cards = await ok(
    t.api<{ id: number; agencyId: number }[]>(
      'POST',
      `/api/results/schemes/${scheme.id}/scorecards`,
      { agencyIds: [a.id, b.id] },
      admin.token,
    ),
    'scorecards',
  );
  const evidence = async (cardId: number, token: string): Promise<number> => {
    const up = await upload(t, `/api/results/scorecards/${cardId}/items/CDDH.1/evidence`, token, PDF, 'kh.pdf');
    if (up.status !== 201) throw new Error(`evidence: ${up.status} ${JSON.stringify(up.body)}`);
    return up.body.id!;
  };
  const desk = async (agencyId: number) =>
    (
      await ok(
        t.api<{ id: number }>('POST', '/api/survey/desks', { agencyId, name: 'Bộ phận một cửa' }, admin.token),
        'desk',
      )
    ).id;

  // An inspection test both officials sit, each with an attempt under way.
  const topic = await makeTopic(t, 'Kiến thức cải cách hành chính');
  for (let i = 0; i < 3; i++) await makeQuestion(t, { topicId: topic.id });
  const template = await ok(
    t.api<{ id: number }>(
      'POST',
      '/api/exam/templates',
      {
        name: 'Mẫu sát hạch',
        navigation: 'free',
        parts: [
          {
            name: 'Phần 1',
            rules: [{ topicIds: [topic.id], count: 3 }],
            shuffleQuestions: false,
            shuffleOptions: false,
          },
        ],
      },
      organizer.token,
    ),
    'template',
  );
  const session = await ok(
    t.api<{ id: number }>(
      'POST',
      '/api/exam/sessions',
      {
        templateId: template.id,
        name: 'Sát hạch công chức',
        purpose: 'training',
        opensAt: secondsFromNow(-10),
        closesAt: secondsFromNow(3600),
        durationSeconds: 1800,
        reviewShows: 'score_and_answers',
        reviewWhen: 'immediately',
      },
      organizer.token,
    ),
    'exam session',
  );
  await ok(
    t.api(
      'POST',
      `/api/exam/sessions/${session.id}/candidates`,
      { accounts: [{ userId: pa.official.user.id }, { userId: pb.official.user.id }] },
      organizer.token,
    ),
    'candidates',
  );
  const attempt = async (token: string) =>
    (
      await ok(
        t.api<{ attemptId: number }>('POST', `/api/exam/sessions/${session.id}/start`, undefined, token),
        'start attempt',
      )
    ).attemptId;

  const side = async (agencyId: number, p: typeof pa, cardIndex: number): Promise<AgencySide> => ({
    agencyId,
    ...p,
    scorecardId: cards[cardIndex].id,
    evidenceId: await evidence(cards[cardIndex].id, p.officer.token),
    deskId: await desk(agencyId),
    attemptId: await attempt(p.official.token),
  });
  const own = await side(a.id, pa, 0);
  const other = await side(b.id, pb, 1);

  const liveContest = async (token: string) => {
    const { contestId } = await makeContest(t, token, {
      rounds: [{ title: 'Vòng 1', type: 'speed', questions: [{ text: 'Câu hỏi', correct: 'a' }] }],
    });
    return { contestId, ...(await startSession(t, token, contestId)) };
  };

  return {
    admin,
    inspector,
    organizer,
    otherOrganizer,
    own,
    other,
    examSessionId: session.id,
    contest: await liveContest(organizer.token),
    otherContest: await liveContest(otherOrganizer.token),
    tokens: {
      [Role.Admin]: admin.token,
      [Role.Organizer]: organizer.token,
      [Role.Inspector]: inspector.token,
      [Role.AgencyOfficer]: own.officer.token,
      [Role.Official]: own.official.token,
    },
  };
}
