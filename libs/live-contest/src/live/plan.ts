import type { ContestQuestion } from '../contests/contest-question.entity.js';
import type { ContestRound } from '../contests/contest-round.entity.js';
import type { Contest } from '../contests/contest.entity.js';
import type { ContestTree } from '../contests/contests.repository.js';
import type { SessionSnapshot } from './live-session.entity.js';

export interface PlanItem {
  index: number;
  question: ContestQuestion;
  round: ContestRound;
}

/** What a session plays: the contest's questions in order (judge-scored rounds have none). */
export interface Plan {
  sessionId: number;
  contest: Contest;
  items: PlanItem[];
  judgedRounds: ContestRound[];
}

/** The snapshot a session keeps when it opens: the contest's settings, rounds and questions then. */
export function snapshotOf(tree: ContestTree): SessionSnapshot {
  const { title, mode, teamScoring, tieBreak } = tree.contest;
  return {
    contest: { title, mode, teamScoring, tieBreak },
    roundIds: tree.rounds.map((r) => r.id),
    questionIds: tree.questions.map((q) => q.id),
  };
}

/**
 * The plan of a session: the contest as its snapshot recorded it (what was added since is left
 * out), or the contest as it is now for a session without a snapshot.
 */
export function planOf(sessionId: number, tree: ContestTree, snapshot: SessionSnapshot | null): Plan {
  const contest = snapshot ? { ...tree.contest, ...snapshot.contest } : tree.contest;
  const keepRounds = snapshot ? new Set(snapshot.roundIds) : null;
  const rounds = tree.rounds.filter((r) => !keepRounds || keepRounds.has(r.id));
  const byRound = new Map(rounds.map((r) => [r.id, r]));
  const byId = new Map(tree.questions.map((q) => [q.id, q]));
  const questions = snapshot
    ? snapshot.questionIds.map((id) => byId.get(id)).filter((q): q is ContestQuestion => q !== undefined)
    : tree.questions;
  return {
    sessionId,
    contest,
    items: questions
      .filter((q) => byRound.has(q.roundId))
      .map((question, index) => ({ index, question, round: byRound.get(question.roundId)! })),
    judgedRounds: rounds.filter((r) => r.type === 'judged'),
  };
}
