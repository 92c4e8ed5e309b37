/**
 * The live-contest socket.io protocol: every event name with its payload and acknowledgement types,
 * shared by the gateway, the tests, the load generator and the web client. Plain TypeScript only (no
 * Nest or TypeORM imports) so that a browser bundle can import it.
 *
 * Namespace: `/contest`. The client authenticates in the handshake (`auth`), see {@link HandshakeAuth}.
 */

export const CONTEST_NAMESPACE = '/contest';

export type RoundType = 'speed' | 'buzzer' | 'elimination' | 'judged';
export type SessionPhase = 'lobby' | 'question' | 'paused' | 'reveal' | 'leaderboard' | 'finished' | 'ended';

/** Who connects, and how (socket.io `auth` option). */
export type HandshakeAuth =
  | { role: 'host'; sessionId: number; token: string }
  | { role: 'projector'; sessionId: number; viewToken: string }
  | { role: 'player'; pin: string; name: string; agencyId: number }
  | { role: 'player'; playerToken: string };

/** Every acknowledgement: ok with data, or a refusal with a stable code and a readable reason. */
export type Ack<T = Record<string, never>> = ({ ok: true } & T) | AckError;
export interface AckError {
  ok: false;
  code: string;
  message: string;
}

/** A question as players see it: never the correct key. */
export interface QuestionView {
  index: number;
  total: number;
  questionId: number;
  roundId: number;
  roundType: RoundType;
  roundTitle: string;
  text: string;
  options: { key: string; text: string }[];
  points: number;
  timeLimitMs: number;
  /** Epoch ms when the answer window closes (server clock). */
  deadline: number;
  /** Epoch ms on the server when this was sent, to correct the client's clock. */
  serverTime: number;
}

export interface PlayerSelf {
  playerId: number;
  name: string;
  agencyId: number;
  score: number;
  streak: number;
  eliminated: boolean;
}

export interface WelcomePlayer {
  role: 'player';
  /** Keep it: reconnecting with it restores score, streak and the current question. */
  playerToken: string;
  sessionId: number;
  contestTitle: string;
  phase: SessionPhase;
  self: PlayerSelf;
  question: QuestionView | null;
  /** Whether this player already answered the current question, and with what. */
  answered: { choice: string } | null;
  serverTime: number;
}

export interface WelcomeStaff {
  role: 'host' | 'projector';
  sessionId: number;
  contestTitle: string;
  pin: string;
  phase: SessionPhase;
  players: number;
  question: QuestionView | null;
  serverTime: number;
  /** Host only: the players in the session now (not kicked), so a reloaded console can list and kick them. */
  lobby?: LobbyPlayer[];
}

export interface LobbyPlayer {
  playerId: number;
  name: string;
  agencyId: number;
}

export interface PlayerResult {
  index: number;
  questionId: number;
  correctKey: string;
  choice: string | null;
  correct: boolean;
  points: number;
  score: number;
  streak: number;
  eliminated: boolean;
  rank: number;
  /** How many chose each option (no names). */
  counts: Record<string, number>;
  answered: number;
  /** Elimination rounds: how many are still standing. */
  standing?: number;
}

export interface RevealView {
  index: number;
  questionId: number;
  correctKey: string;
  /** How many chose each option (no names). */
  counts: Record<string, number>;
  answered: number;
  standing?: number;
}

export interface LeaderboardRow {
  rank: number;
  name: string;
  agencyId: number;
  score: number;
  /** Keys a row across leaderboards (names may repeat), e.g. to animate moves. */
  playerId?: number;
}

/** One agency in the live agency leaderboard: the contest's team scoring (sum or mean) of its players. */
export interface AgencyLeaderboardRow {
  rank: number;
  agencyId: number;
  score: number;
  players: number;
}

/** What `GET /api/contest-join/:pin` answers (public): enough for a phone to show the join form. */
export interface JoinInfo {
  contestTitle: string;
  agencies: { id: number; name: string }[];
}

export interface BuzzView {
  index: number;
  playerId: number;
  name: string;
  /** Epoch ms until which the winner may answer. */
  deadline: number;
  serverTime: number;
}

/** client → server, with their payloads; every one takes an acknowledgement callback. */
export interface ClientToServerPayloads {
  answer: { index: number; choice: string };
  buzz: { index: number };
  'host:start': Record<string, never>;
  'host:next': Record<string, never>;
  'host:reveal': Record<string, never>;
  'host:leaderboard': Record<string, never>;
  'host:pause': Record<string, never>;
  'host:resume': Record<string, never>;
  'host:end': Record<string, never>;
  'host:lock': { locked: boolean };
  'host:kick': { playerId: number };
}

export interface ClientToServerAcks {
  answer: Ack<{ receivedAt: number }>;
  buzz: Ack<{ won: boolean }>;
  'host:start': Ack<{ phase: SessionPhase }>;
  'host:next': Ack<{ phase: SessionPhase; index: number }>;
  'host:reveal': Ack<{ phase: SessionPhase }>;
  'host:leaderboard': Ack<{ phase: SessionPhase }>;
  'host:pause': Ack<{ phase: SessionPhase }>;
  'host:resume': Ack<{ phase: SessionPhase }>;
  'host:end': Ack<{ phase: SessionPhase }>;
  'host:lock': Ack<{ locked: boolean }>;
  'host:kick': Ack;
}

/** server → client events and their payloads. */
export interface ServerToClientPayloads {
  welcome: WelcomePlayer | WelcomeStaff;
  /** A refusal not tied to an acknowledgement (bad handshake, bad message without a callback). */
  error: AckError;
  'session:phase': { phase: SessionPhase; serverTime: number };
  question: QuestionView;
  /** Host and projector: the window closed (time up); players count down from `deadline`. */
  'question:closed': { index: number };
  /** Pause and resume move the deadline. */
  'question:timing': { index: number; deadline: number | null; serverTime: number; paused: boolean };
  'buzzer:won': BuzzView;
  /** Host and projector: the key and the counts. */
  'question:reveal': RevealView;
  /** To one player only: the key, the counts and their own result (one message per player). */
  'question:result': PlayerResult;
  leaderboard: { rows: LeaderboardRow[]; agencies?: AgencyLeaderboardRow[] };
  /** Host and projector: players in the lobby. */
  'lobby:players': { count: number; latest: LobbyPlayer[] };
  /** Host only, throttled: how many answered the current question. */
  'host:answers': { index: number; answered: number; players: number };
  kicked: { reason: string };
  'session:ended': { sessionId: number };
}

export type ClientEvent = keyof ClientToServerPayloads;
export type ServerEvent = keyof ServerToClientPayloads;

export const HOST_EVENTS = [
  'host:start',
  'host:next',
  'host:reveal',
  'host:leaderboard',
  'host:pause',
  'host:resume',
  'host:end',
  'host:lock',
  'host:kick',
] as const satisfies readonly ClientEvent[];
