import { DataSource } from 'typeorm';
import { Question, QuestionTopic, QuestionVersion, type QuestionOption } from '@app/exam-bank';
import type { TestApp } from '../support/test-app.js';

/**
 * Questions straight into the bank's tables (Question + QuestionVersion, current version set), so
 * the exam tests do not depend on the bank's API.
 */
export async function makeTopic(t: TestApp, name: string, parentId: number | null = null): Promise<QuestionTopic> {
  return t.app.get(DataSource).getRepository(QuestionTopic).save({ name, parentId, position: 0 });
}

export interface QuestionSpec {
  topicId: number;
  stem?: string;
  type?: 'single' | 'multiple' | 'true_false';
  difficulty?: 'easy' | 'medium' | 'hard';
  scoringMode?: 'all_or_nothing' | 'proportional';
  options?: QuestionOption[];
  explanation?: string | null;
  points?: number;
  status?: 'draft' | 'ready' | 'retired';
}

let n = 0;

export async function makeQuestion(
  t: TestApp,
  spec: QuestionSpec,
): Promise<{ question: Question; version: QuestionVersion }> {
  const db = t.app.get(DataSource);
  const i = ++n;
  const type = spec.type ?? 'single';
  const options: QuestionOption[] =
    spec.options ??
    (type === 'true_false'
      ? [
          { key: 'true', text: 'Đúng', fraction: 1 },
          { key: 'false', text: 'Sai', fraction: 0 },
        ]
      : [
          { key: 'a', text: `Phương án A của câu ${i}`, fraction: 1 },
          { key: 'b', text: `Phương án B của câu ${i}`, fraction: 0 },
          { key: 'c', text: `Phương án C của câu ${i}`, fraction: 0 },
          { key: 'd', text: `Phương án D của câu ${i}`, fraction: 0 },
        ]);
  const stem = spec.stem ?? `Câu hỏi thử số ${i} về cải cách hành chính?`;
  const question = await db.getRepository(Question).save({
    topicId: spec.topicId,
    currentVersionId: null as number | null,
    title: null,
    tagIndex: null,
    status: spec.status ?? 'ready',
    difficulty: spec.difficulty ?? 'medium',
    targetLevel: null,
    tags: [],
    normalizedText: stem.toLowerCase(),
    externalId: null,
    createdBy: null,
  });
  const version = await db.getRepository(QuestionVersion).save({
    questionId: question.id,
    version: 1,
    type,
    stem,
    options,
    scoringMode: spec.scoringMode ?? 'all_or_nothing',
    points: spec.points ?? 1,
    fixedOrder: false,
    explanation: spec.explanation === undefined ? `Giải thích riêng cho câu ${i}` : spec.explanation,
    used: false,
  });
  await db.getRepository(Question).update({ id: question.id }, { currentVersionId: version.id });
  question.currentVersionId = version.id;
  return { question, version };
}

/** A corrected version of a question (as the bank makes one for a used question) made current. */
export async function correctQuestion(
  t: TestApp,
  questionId: number,
  options: QuestionOption[],
): Promise<QuestionVersion> {
  const db = t.app.get(DataSource);
  const q = await db.getRepository(Question).findOneByOrFail({ id: questionId });
  const old = await db.getRepository(QuestionVersion).findOneByOrFail({ id: q.currentVersionId! });
  const version = await db.getRepository(QuestionVersion).save({
    questionId,
    version: old.version + 1,
    type: old.type,
    stem: old.stem,
    options,
    scoringMode: old.scoringMode,
    points: old.points,
    fixedOrder: old.fixedOrder,
    explanation: old.explanation,
    used: false,
  });
  await db.getRepository(Question).update({ id: questionId }, { currentVersionId: version.id });
  return version;
}

export const secondsFromNow = (s: number): string => new Date(Date.now() + s * 1000).toISOString();

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  everyMs = 200,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`not reached within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** A stable secret so that tokens survive a server restart on MariaDB too. */
export const RESTART_ENV = { JWT_SECRET: 'exam-e2e-secret-that-is-long-enough-0123456789' };
