import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AgencyLeaderboardRow, LeaderboardRow } from '@protocol';
import { useI18n } from '../i18n/i18n-context.js';
import { errorText } from '../i18n/translate.js';
import {
  choiceShape,
  distribution,
  fractionLeft,
  leaderboardMoves,
  podium,
  secondsLeft,
} from '../live/contest-view.js';

/** A socket refusal `{ code, message }` as the user reads it, in the page's language. */
export function useAckText(): (err: { code: string; message: string }) => string {
  const { lang } = useI18n();
  return (err) => errorText(lang, err.code, err.message);
}

/** Re-renders every `ms` while `on`, for countdowns. */
function useTick(on: boolean, ms = 200): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [on, ms]);
  return now;
}

/**
 * Seconds left to a deadline already on this device's clock (see localDeadline), with a bar that
 * empties. Screen readers hear it at 10 and 5 seconds, not every second.
 */
export function LiveCountdown({
  deadline,
  timeLimitMs,
  paused,
}: {
  deadline: number | null;
  timeLimitMs: number;
  paused?: boolean;
}) {
  const { t } = useI18n();
  const now = useTick(deadline !== null && !paused);
  if (deadline === null || paused) {
    return (
      <div className="live-countdown is-paused" role="status">
        <span className="live-countdown-num">⏸</span>
        <span className="live-countdown-label">{t('contest.paused')}</span>
      </div>
    );
  }
  const left = secondsLeft(deadline, now);
  const level = left <= 5 ? 'is-critical' : left <= 10 ? 'is-warning' : '';
  return (
    <div className={`live-countdown ${level}`}>
      <span className="live-countdown-num" role="timer" aria-label={t('contest.secondsLeft', { n: left })}>
        {left}
      </span>
      <span className="live-countdown-bar" aria-hidden="true">
        <span style={{ transform: `scaleX(${fractionLeft(deadline, timeLimitMs, now)})` }} />
      </span>
      {(left === 10 || left === 5) && (
        <span className="visually-hidden" aria-live="polite">
          {t('contest.secondsLeft', { n: left })}
        </span>
      )}
    </div>
  );
}

/**
 * The answer buttons: one colour and one shape per position (so a colour-blind player and a player
 * far from the screen can match phone and projector), the option's letter and text.
 */
export function AnswerGrid({
  options,
  chosen,
  correctKey,
  onChoose,
  disabled,
  size = 'phone',
}: {
  options: { key: string; text: string }[];
  chosen?: string | null;
  correctKey?: string | null;
  onChoose?: (key: string) => void;
  disabled?: boolean;
  size?: 'phone' | 'stage';
}) {
  const { t } = useI18n();
  return (
    <ul className={`answer-grid answer-grid-${size}`} aria-label={t('contest.options')}>
      {options.map((o, i) => {
        const state =
          correctKey != null
            ? o.key === correctKey
              ? 'is-right'
              : 'is-wrong'
            : chosen === o.key
              ? 'is-chosen'
              : chosen
                ? 'is-faded'
                : '';
        const body = (
          <>
            <span className="answer-shape" aria-hidden="true">
              {choiceShape(i)}
            </span>
            <span className="answer-key">{o.key.toUpperCase()}</span>
            <span className="answer-text">{o.text}</span>
            {correctKey != null && o.key === correctKey && <span className="answer-mark">✓</span>}
          </>
        );
        return (
          <li key={o.key} className={`answer answer-${i % 8} ${state}`}>
            {onChoose ? (
              <button
                type="button"
                className="answer-btn"
                disabled={disabled}
                aria-pressed={chosen === o.key}
                onClick={() => onChoose(o.key)}
              >
                {body}
              </button>
            ) : (
              <div className="answer-btn">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** After the reveal: how many chose each option, the right one marked; bars grow in. */
export function Distribution({
  options,
  counts,
  correctKey,
}: {
  options: { key: string; text: string }[];
  counts: Record<string, number>;
  correctKey: string;
}) {
  const { t } = useI18n();
  const bars = distribution(options, counts, correctKey);
  return (
    <figure className="distribution">
      <figcaption className="visually-hidden">{t('contest.distribution')}</figcaption>
      <ol className="distribution-bars">
        {bars.map((b, i) => (
          <li
            key={b.key}
            className={`distribution-bar answer-${i % 8} ${b.correct ? 'is-right' : 'is-wrong'}`}
            aria-label={t('contest.barLabel', {
              key: b.key.toUpperCase(),
              count: b.count,
              percent: b.percent,
            })}
            data-correct={b.correct}
          >
            <span className="distribution-count">{b.count}</span>
            <span className="distribution-fill" style={{ height: `${Math.max(4, b.height * 100)}%` }} />
            <span className="distribution-key">
              <span aria-hidden="true">{choiceShape(i)}</span> {b.key.toUpperCase()}
              {b.correct && ' ✓'}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

/**
 * The top of the leaderboard. Each row starts where it stood on the previous board and slides to
 * its new place (FLIP: the offset is applied before paint, then transitioned away), with the
 * points gained since.
 */
export function Leaderboard({
  rows,
  previous,
  agencyName,
  highlight,
}: {
  rows: LeaderboardRow[];
  previous: LeaderboardRow[];
  agencyName: (id: number) => string;
  highlight?: number | null;
}) {
  const { t } = useI18n();
  const moved = leaderboardMoves(previous, rows);
  const list = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    const items = list.current?.querySelectorAll<HTMLLIElement>('li[data-from]');
    if (!items) return;
    items.forEach((li, i) => {
      const from = li.dataset.from === '' ? null : Number(li.dataset.from);
      const offset = from === null ? rows.length - i : from - i;
      li.style.transition = 'none';
      li.style.transform = `translateY(${offset * 100}%)`;
      li.style.opacity = from === null ? '0' : '1';
    });
    void list.current?.offsetHeight;
    items.forEach((li, i) => {
      li.style.transition = `transform 900ms cubic-bezier(.2,.8,.2,1) ${i * 60}ms, opacity 600ms ease ${i * 60}ms`;
      li.style.transform = '';
      li.style.opacity = '1';
    });
  }, [rows]);
  if (!rows.length) return <p className="muted">{t('contest.noPlayers')}</p>;
  return (
    <ol className="leaderboard" ref={list} aria-label={t('contest.leaderboard')}>
      {moved.map((r) => (
        <li
          key={r.key}
          data-from={r.from ?? ''}
          className={`leaderboard-row${r.playerId !== undefined && r.playerId === highlight ? ' is-me' : ''}`}
        >
          <span className="leaderboard-rank">{r.rank}</span>
          <span className="leaderboard-name">
            <strong>{r.name}</strong>
            <span className="leaderboard-agency">{agencyName(r.agencyId)}</span>
          </span>
          {r.moved > 0 && (
            <span className="leaderboard-move is-up" aria-label={t('contest.movedUp', { n: r.moved })}>
              ▲{r.moved}
            </span>
          )}
          {r.gained > 0 && <span className="leaderboard-gain">+{r.gained}</span>}
          <span className="leaderboard-score">{r.score}</span>
        </li>
      ))}
    </ol>
  );
}

/** Agencies by their players' scores (the contest's team scoring). */
export function AgencyBoard({
  rows,
  agencyName,
}: {
  rows: AgencyLeaderboardRow[];
  agencyName: (id: number) => string;
}) {
  const { t } = useI18n();
  if (!rows.length) return null;
  return (
    <section className="agency-board" aria-labelledby="agency-board-title">
      <h2 id="agency-board-title">{t('contest.agencyBoard')}</h2>
      <ol>
        {rows.map((r) => (
          <li key={r.agencyId}>
            <span className="leaderboard-rank">{r.rank}</span>
            <span className="leaderboard-name">
              {agencyName(r.agencyId)}
              <span className="leaderboard-agency">{t('contest.playersCount', { n: r.players })}</span>
            </span>
            <span className="leaderboard-score">{r.score}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The top three on steps: second, first, third; the steps rise one after another. */
export function Podium({ rows, agencyName }: { rows: LeaderboardRow[]; agencyName: (id: number) => string }) {
  const { t } = useI18n();
  const places = podium(rows);
  if (!places.length) return <p className="muted">{t('contest.noPlayers')}</p>;
  return (
    <ol className="podium" aria-label={t('contest.podium')}>
      {places.map(({ row, step }) => (
        <li key={`${row.playerId ?? row.name}`} className={`podium-step podium-${step}`}>
          <span className="podium-name">{row.name}</span>
          <span className="podium-agency">{agencyName(row.agencyId)}</span>
          <span className="podium-score">{t('contest.points', { n: row.score })}</span>
          <span className="podium-block" aria-label={t('contest.rankN', { n: row.rank })}>
            {row.rank}
          </span>
        </li>
      ))}
    </ol>
  );
}
