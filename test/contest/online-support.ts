import { DataSource } from 'typeorm';
import { QuestionVersion } from '@app/exam-bank';
import type { OnlineAttemptView, OnlineContestView } from '../../libs/live-contest/src/online/online-views.js';
import { OnlineAttempt } from '../../libs/live-contest/src/online/online-attempt.entity.js';
import { makeQuestion, makeTopic, secondsFromNow } from '../exam/exam-builders.js';
import type { TestApp } from '../support/test-app.js';

export type { OnlineAttemptView, OnlineContestView };

/** Two reform areas in the bank with `perArea` ready single-choice questions each (key: a). */
export async function makeAreas(t: TestApp, perArea: number): Promise<{ topicIds: number[] }> {
  const topicIds: number[] = [];
  for (const name of ['Thủ tục hành chính', 'Tổ chức bộ máy']) {
    const topic = await makeTopic(t, `${name} ${Math.random().toString(36).slice(2, 7)}`);
    for (let i = 0; i < perArea; i++) await makeQuestion(t, { topicId: topic.id });
    topicIds.push(topic.id);
  }
  return { topicIds };
}

/** A published online contest open now, drawing `count` questions from each area. */
export async function makeOnlineContest(
  t: TestApp,
  token: string,
  topicIds: number[],
  opts: Record<string, unknown> = {},
): Promise<OnlineContestView> {
  const created = await t.api<OnlineContestView>(
    'POST',
    '/api/online-contests',
    {
      title: 'Cuộc thi trực tuyến tìm hiểu CCHC',
      opensAt: secondsFromNow(-60),
      closesAt: secondsFromNow(3600),
      areas: topicIds.map((topicId) => ({ topicId, count: 2 })),
      maxAttempts: 2,
      timeLimitSec: 600,
      pointsPerQuestion: 10,
      ...opts,
    },
    token,
  );
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await t.api<OnlineContestView>(
    'POST',
    `/api/online-contests/${created.body.id}/publish`,
    {},
    token,
  );
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

/** The right (or a wrong) key of each item of an attempt, read from the bank as a test may. */
export async function keysOf(t: TestApp, attemptId: number, right: boolean): Promise<string[]> {
  const db = t.app.get(DataSource);
  const attempt = await db.getRepository(OnlineAttempt).findOneByOrFail({ id: attemptId });
  const keys: string[] = [];
  for (const item of attempt.variant) {
    const v = await db.getRepository(QuestionVersion).findOneByOrFail({ id: item.versionId });
    const key = v.options.find((o) => (right ? o.fraction > 0 : o.fraction <= 0))!.key;
    keys.push(key);
  }
  return keys;
}

/** Starts an attempt, answers every item (right or wrong), submits with the prediction. */
export async function playAttempt(
  t: TestApp,
  token: string,
  contestId: number,
  opts: { right: boolean | number; prediction?: number },
): Promise<{ attemptId: number; score: number; durationMs: number }> {
  const start = await t.api<OnlineAttemptView>('POST', `/api/online-contests/${contestId}/attempts`, {}, token);
  if (start.status !== 200) throw new Error(`start: ${start.status} ${JSON.stringify(start.body)}`);
  const id = start.body.attemptId;
  const right = await keysOf(t, id, true);
  const wrong = await keysOf(t, id, false);
  const rightCount = opts.right === true ? right.length : opts.right === false ? 0 : opts.right;
  for (let i = 0; i < right.length; i++) {
    const chosen = [i < rightCount ? right[i] : wrong[i]];
    const saved = await t.api('PUT', `/api/online-attempts/${id}/answers/${i}`, { chosen }, token);
    if (saved.status !== 200) throw new Error(`answer: ${saved.status} ${JSON.stringify(saved.body)}`);
  }
  const body = opts.prediction === undefined ? {} : { prediction: opts.prediction };
  const done = await t.api<{ score: number; durationMs: number }>(
    'POST',
    `/api/online-attempts/${id}/submit`,
    body,
    token,
  );
  if (done.status !== 200) throw new Error(`submit: ${done.status} ${JSON.stringify(done.body)}`);
  return { attemptId: id, score: done.body.score, durationMs: done.body.durationMs };
}
