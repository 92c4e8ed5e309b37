import type { LeaderboardRow, LobbyPlayer } from '@protocol';

/**
 * Pure rules of the contest screens (no DOM): the countdown on the server's clock, the answer
 * distribution, leaderboard moves for the animation, the podium and the lobby by agency.
 */

/**
 * A server deadline on this device's clock. The server sends `deadline` and its own `serverTime`;
 * counted from the moment the message arrived, a phone whose clock is minutes off still shows the
 * right time left (transit time is the only error, a few tens of ms in a hall).
 */
export function localDeadline(deadline: number, serverTime: number, receivedAt: number): number {
  return receivedAt + (deadline - serverTime);
}

/** Whole seconds left, rounded up (0 only when the window is truly closed). */
export function secondsLeft(localDeadlineMs: number, now: number): number {
  return Math.max(0, Math.ceil((localDeadlineMs - now) / 1000));
}

/** 0..1 of the time limit still left, for the countdown bar. */
export function fractionLeft(localDeadlineMs: number, timeLimitMs: number, now: number): number {
  if (timeLimitMs <= 0) return 0;
  return Math.min(1, Math.max(0, (localDeadlineMs - now) / timeLimitMs));
}

export interface DistributionBar {
  key: string;
  text: string;
  count: number;
  /** Share of all answers, 0..100, whole percent. */
  percent: number;
  /** Bar height relative to the most chosen option, 0..1. */
  height: number;
  correct: boolean;
}

/** One bar per option, in the options' order, from the counts the reveal sends. */
export function distribution(
  options: { key: string; text: string }[],
  counts: Record<string, number>,
  correctKey: string,
): DistributionBar[] {
  const total = options.reduce((s, o) => s + (counts[o.key] ?? 0), 0);
  const max = Math.max(0, ...options.map((o) => counts[o.key] ?? 0));
  return options.map((o) => {
    const count = counts[o.key] ?? 0;
    return {
      key: o.key,
      text: o.text,
      count,
      percent: total ? Math.round((count / total) * 100) : 0,
      height: max ? count / max : 0,
      correct: o.key === correctKey,
    };
  });
}

/** A leaderboard row's identity across boards: the player id, or name and agency from an older server. */
export const rowKey = (r: Pick<LeaderboardRow, 'name' | 'agencyId' | 'playerId'>): string =>
  r.playerId !== undefined ? `p${r.playerId}` : `n${r.agencyId}|${r.name}`;

export interface MovedRow extends LeaderboardRow {
  key: string;
  /** Position (0-based) on the previous board, or null when the row is new to it. */
  from: number | null;
  /** Places gained (positive), lost (negative), or 0. New rows count as 0. */
  moved: number;
  /** Points gained since the previous board. */
  gained: number;
}

/**
 * The new board with where each row stood on the previous one: the projector starts each row at
 * its old place and slides it to the new one, so the hall sees who overtook whom.
 */
export function leaderboardMoves(prev: readonly LeaderboardRow[], next: readonly LeaderboardRow[]): MovedRow[] {
  const before = new Map(prev.map((r, i) => [rowKey(r), { i, score: r.score }]));
  return next.map((r, i) => {
    const key = rowKey(r);
    const was = before.get(key);
    return {
      ...r,
      key,
      from: was ? was.i : null,
      moved: was ? was.i - i : 0,
      gained: was ? r.score - was.score : 0,
    };
  });
}

/** The podium in stage order: second on the left, first in the middle, third on the right (ties share a step). */
export function podium(rows: readonly LeaderboardRow[]): { row: LeaderboardRow; step: 1 | 2 | 3 }[] {
  const top = rows.filter((r) => r.rank <= 3).slice(0, 3);
  const step = (r: LeaderboardRow): 1 | 2 | 3 => Math.min(3, r.rank) as 1 | 2 | 3;
  const [first, second, third] = top;
  return [second, first, third]
    .filter((r): r is LeaderboardRow => r !== undefined)
    .map((row) => ({ row, step: step(row) }));
}

export interface AgencyGroup {
  agencyId: number;
  name: string;
  players: LobbyPlayer[];
}

/** Lobby players by agency: agencies by name (Vietnamese order), players by name within each. */
export function groupByAgency(players: readonly LobbyPlayer[], agencyName: (id: number) => string): AgencyGroup[] {
  const groups = new Map<number, LobbyPlayer[]>();
  for (const p of players) groups.set(p.agencyId, [...(groups.get(p.agencyId) ?? []), p]);
  return [...groups]
    .map(([agencyId, ps]) => ({
      agencyId,
      name: agencyName(agencyId),
      players: [...ps].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Adds players to the lobby list (a rejoin replaces the older entry), removes kicked ones. */
export function mergeLobby(
  current: readonly LobbyPlayer[],
  added: readonly LobbyPlayer[],
  removed: readonly number[] = [],
): LobbyPlayer[] {
  const byId = new Map(current.map((p) => [p.playerId, p]));
  for (const p of added) byId.set(p.playerId, p);
  for (const id of removed) byId.delete(id);
  return [...byId.values()];
}

/** Answer buttons' colours and shapes, as Kahoot! taught halls to read them: by position, not by key. */
export const CHOICE_SHAPES = ['▲', '◆', '●', '■', '★', '⬟', '⬢', '✚'] as const;
export const choiceShape = (position: number): string => CHOICE_SHAPES[position % CHOICE_SHAPES.length];
