import type { ContestQuestion } from '../contests/contest-question.entity.js';
import type { ContestRound } from '../contests/contest-round.entity.js';
import type { Contest } from '../contests/contest.entity.js';

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
