import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import { DataSource, In } from 'typeorm';
import { SurveyAnswer, SurveyResponse, VisitToken } from '@app/survey';
import { ResponseWriter, type ResponseToStore } from '../../libs/survey/src/collection/response-writer.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';

jest.setTimeout(30_000);

/** A checked response with three ratings, spending the token `hash`. */
function item(hash: string, value = 4): ResponseToStore {
  const now = new Date();
  const at = { surveyId: 1, deskId: 2, agencyId: 3 };
  return {
    token: {
      ...at,
      tokenHash: hash,
      source: 'qr',
      kioskId: null,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + 60_000),
      usedAt: now,
    },
    response: {
      ...at,
      formId: 4,
      formVersionId: 5,
      source: 'qr',
      respondentType: null,
      procedureId: null,
      contactName: null,
      contactPhone: null,
      contactEmail: null,
      submittedAt: now,
    },
    answers: ['A.1', 'A.2', 'A.3'].map((key) => ({
      ...at,
      formId: 4,
      formVersionId: 5,
      questionId: 1,
      questionKey: key,
      sectionKey: 'A',
      submittedAt: now,
      type: 'scale_1_5' as const,
      value,
      choice: null,
      text: null,
    })),
  };
}
const hash = () => randomBytes(32).toString('hex');

/**
 * The group commit behind POST /api/survey/public/responses: many responses per transaction, an
 * answer only after the commit, and one response per visit token even when the in-memory guard of
 * one server is bypassed (another server, a restart): the unique index decides.
 */
describe(`survey responses written by group commit on ${TEST_DB}`, () => {
  let t: TestApp;
  let db: DataSource;
  let writer: ResponseWriter;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    writer = t.app.get(ResponseWriter);
  });
  afterAll(async () => {
    await t.close();
  });

  const stored = async (hashes: string[]) => {
    const tokens = await db.getRepository(VisitToken).findBy({ tokenHash: In(hashes) });
    const responses = tokens.length
      ? await db.getRepository(SurveyResponse).findBy({ visitTokenId: In(tokens.map((x) => x.id)) })
      : [];
    const answers = responses.length
      ? await db.getRepository(SurveyAnswer).findBy({ responseId: In(responses.map((r) => r.id)) })
      : [];
    return { tokens: tokens.length, responses: responses.length, answers };
  };

  it('stores a burst of responses together, each with its own answers, before answering', async () => {
    const hashes = Array.from({ length: 300 }, hash);
    const outcomes = await Promise.all(hashes.map((h, i) => writer.write(item(h, 1 + (i % 5)))));
    expect(new Set(outcomes)).toEqual(new Set(['stored']));
    const s = await stored(hashes);
    expect([s.tokens, s.responses, s.answers.length]).toEqual([300, 300, 900]);
    // Every response got its own three answers, with the value it was sent with.
    const byResponse = new Map<number, number[]>();
    for (const a of s.answers) byResponse.set(a.responseId, [...(byResponse.get(a.responseId) ?? []), a.value!]);
    expect([...byResponse.values()].every((v) => v.length === 3 && new Set(v).size === 1)).toBe(true);
  });

  it('refuses a token spent before (another server, a restart), and stores the rest of its batch', async () => {
    const old = hash();
    expect(await writer.write(item(old))).toBe('stored');
    const fresh = [hash(), hash(), hash()];
    const outcomes = await Promise.all([
      writer.write(item(fresh[0])),
      writer.write(item(old, 1)),
      writer.write(item(fresh[1])),
      writer.write(item(fresh[2])),
    ]);
    expect(outcomes).toEqual(['stored', 'spent', 'stored', 'stored']);
    expect((await stored([old])).answers.map((a) => a.value)).toEqual([4, 4, 4]);
    expect((await stored(fresh)).responses).toBe(3);
  });

  it('lets only one of two simultaneous sends of the same token through', async () => {
    const h = hash();
    const outcomes = await Promise.all([writer.write(item(h, 5)), writer.write(item(h, 1))]);
    expect(outcomes.sort()).toEqual(['spent', 'stored']);
    expect((await stored([h])).responses).toBe(1);
  });
});
