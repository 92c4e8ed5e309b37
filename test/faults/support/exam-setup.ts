import type { Pool, ResultSetHeader } from 'mysql2/promise';
import { ADMIN } from './processes.js';
import { HttpClient, inPool } from './http.js';

export interface ExamCandidate {
  number: string;
  token: string;
}

/**
 * A timed session of `candidates` numbered candidates, each logged in with an access code. The
 * questions go straight into the bank's tables (single choice, key "a", same points each); the
 * template, session, candidates and codes go through the API as an administrator would.
 */
export async function makeTimedSession(
  http: HttpClient,
  db: Pool,
  opts: { candidates: number; questions: number; durationSeconds: number },
): Promise<{ sessionId: number; adminToken: string; candidates: ExamCandidate[] }> {
  const [topic] = await db.query<ResultSetHeader>(
    "INSERT INTO question_topics (parent_id, name, position) VALUES (NULL, 'Chủ đề kiểm thử sự cố', 99)",
  );
  for (let q = 0; q < opts.questions; q++) {
    const stem = `Câu hỏi kiểm thử sự cố số ${q + 1}: thủ tục nào đúng?`;
    const [qr] = await db.query<ResultSetHeader>(
      "INSERT INTO questions (topic_id, status, difficulty, tags, normalized_text) VALUES (?, 'ready', 'medium', '[]', ?)",
      [topic.insertId, stem.toLowerCase()],
    );
    const options = ['a', 'b', 'c', 'd'].map((key, i) => ({
      key,
      text: `Phương án ${key}`,
      fraction: i === 0 ? 1 : 0,
    }));
    const [vr] = await db.query<ResultSetHeader>(
      "INSERT INTO question_versions (question_id, version, type, stem, options, scoring_mode, explanation) VALUES (?, 1, 'single', ?, ?, 'all_or_nothing', '')",
      [qr.insertId, stem, JSON.stringify(options)],
    );
    await db.query('UPDATE questions SET current_version_id = ? WHERE id = ?', [vr.insertId, qr.insertId]);
  }
  const { accessToken: adminToken } = await http.expect<{ accessToken: string }>(200, 'POST', '/api/auth/login', ADMIN);
  const tpl = await http.expect<{ id: number }>(
    201,
    'POST',
    '/api/exam/templates',
    {
      name: 'Đề kiểm thử sự cố',
      navigation: 'free',
      parts: [
        {
          name: 'Kiến thức chung',
          rules: [{ topicIds: [topic.insertId], count: opts.questions }],
          shuffleQuestions: true,
          shuffleOptions: true,
        },
      ],
    },
    adminToken,
  );
  const session = await http.expect<{ id: number }>(
    201,
    'POST',
    '/api/exam/sessions',
    {
      templateId: tpl.id,
      name: 'Phiên kiểm thử sự cố',
      purpose: 'training',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
      durationSeconds: opts.durationSeconds,
      reviewShows: 'score',
      reviewWhen: 'immediately',
    },
    adminToken,
  );
  const numbered = Array.from({ length: opts.candidates }, (_, i) => ({
    candidateNumber: `SC-${String(i + 1).padStart(4, '0')}`,
    fullName: `Thí sinh ${i + 1}`,
  }));
  await http.expect(201, 'POST', `/api/exam/sessions/${session.id}/candidates`, { numbered }, adminToken);
  const codes = await http.expect<{ candidateNumber: string; accessCode: string }[]>(
    200,
    'POST',
    `/api/exam/sessions/${session.id}/access-codes`,
    {},
    adminToken,
  );
  const candidates: ExamCandidate[] = codes.map((c) => ({ number: c.candidateNumber, token: '' }));
  await inPool(codes, 16, async (c, i) => {
    const r = await http.expect<{ accessToken: string }>(200, 'POST', '/api/exam/candidate-login', {
      candidateNumber: c.candidateNumber,
      accessCode: c.accessCode,
      sessionId: session.id,
    });
    candidates[i].token = r.accessToken;
  });
  return { sessionId: session.id, adminToken, candidates };
}
