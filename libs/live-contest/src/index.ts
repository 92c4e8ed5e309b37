import { ContestQuestion } from './contests/contest-question.entity.js';
import { ContestRound } from './contests/contest-round.entity.js';
import { Contest } from './contests/contest.entity.js';
import { RosterEntry } from './contests/roster-entry.entity.js';
import { LiveContestTables1764204000000 } from './live-contest.migration.js';
import { OnlineAnswer } from './online/online-answer.entity.js';
import { OnlineAttempt } from './online/online-attempt.entity.js';
import { OnlineContest } from './online/online-contest.entity.js';
import { LiveContestOnline1764204100000 } from './online/online.migration.js';
import { ContestAnswer } from './live/contest-answer.entity.js';
import { ContestPlayer } from './live/contest-player.entity.js';
import { JudgeScore } from './live/judge-score.entity.js';
import { LiveSession } from './live/live-session.entity.js';
import { LiveContestSessionSnapshot1764204200000 } from './live/session-snapshot.migration.js';
import { ContestResult } from './results/contest-result.entity.js';

export { LiveContestModule } from './live-contest.module.js';
export { configureSocketIo, MAX_SOCKET_MESSAGE_BYTES } from './live/socket-io.adapter.js';
export { LiveContestResultsReader, type AgencyContestParticipation } from './results/live-contest-results.reader.js';
export * from './protocol.js';
export { OnlineContestResultsReader } from './online/online-results.reader.js';
export type { OnlineAgencyRow } from './online/online-views.js';

export const liveContestEntities = [
  Contest,
  ContestRound,
  ContestQuestion,
  RosterEntry,
  LiveSession,
  ContestPlayer,
  ContestAnswer,
  JudgeScore,
  ContestResult,
  OnlineContest,
  OnlineAttempt,
  OnlineAnswer,
];
export const liveContestMigrations = [
  LiveContestTables1764204000000,
  LiveContestOnline1764204100000,
  LiveContestSessionSnapshot1764204200000,
];
