import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import type { AgencyLeaderboardRow, LeaderboardRow, QuestionView, RevealView, SessionPhase } from '@protocol';
import { contestApi } from '../../api/contest-api.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { localDeadline } from '../../live/contest-view.js';
import { useBodyClass } from '../../live/use-body-class.js';
import { useContestSocket } from '../../live/use-contest-socket.js';
import {
  AgencyBoard,
  AnswerGrid,
  Distribution,
  Leaderboard,
  LiveCountdown,
  Podium,
  useAckText,
} from '../../ui/contest-parts.js';

/** Rows of the player leaderboard the hall sees (the whole top 10 does not fit in large type). */
const STAGE_ROWS = 5;

/** The join address players type: this server's /join. */
const joinAddress = (): string => `${window.location.host}/join`;

/**
 * The hall's screen (`/projector/:sessionId#<viewToken>`, no login: the view-only token in the
 * address's fragment, which browsers never send to a server). Large type on the dark projector
 * theme: the PIN in the lobby, the question with its countdown, the distribution after the
 * reveal, the animated leaderboard with the agencies beside it, and the podium at the end.
 */
export function ProjectorPage() {
  const { t } = useI18n();
  const ackText = useAckText();
  useBodyClass('theme-projector contest-stage');
  const { sessionId } = useParams();
  const { hash } = useLocation();
  const viewToken = decodeURIComponent(hash.replace(/^#/, ''));
  const sid = Number(sessionId);
  const [refused, setRefused] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [pin, setPin] = useState('');
  const [phase, setPhase] = useState<SessionPhase>('lobby');
  const [players, setPlayers] = useState(0);
  const [latest, setLatest] = useState<string[]>([]);
  const [question, setQuestion] = useState<{ view: QuestionView; deadline: number | null } | null>(null);
  const [closed, setClosed] = useState(false);
  const [reveal, setReveal] = useState<RevealView | null>(null);
  const [boards, setBoards] = useState<{
    rows: LeaderboardRow[];
    previous: LeaderboardRow[];
    agencies: AgencyLeaderboardRow[];
  }>({ rows: [], previous: [], agencies: [] });
  const [agencies, setAgencies] = useState<Map<number, string>>(new Map());
  const [buzzName, setBuzzName] = useState<string | null>(null);

  const auth = viewToken && sid > 0 ? ({ role: 'projector', sessionId: sid, viewToken } as const) : null;
  useContestSocket(auth, `${sid}:${viewToken}`, {
    welcome: (w, at) => {
      if (w.role === 'player') return;
      setRefused(null);
      setTitle(w.contestTitle);
      setPin(w.pin);
      setPhase(w.phase);
      setPlayers(w.players);
      setQuestion(
        w.question
          ? {
              view: w.question,
              deadline: w.phase === 'paused' ? null : localDeadline(w.question.deadline, w.question.serverTime, at),
            }
          : null,
      );
    },
    error: (e) => setRefused(ackText(e)),
    'lobby:players': (m) => {
      setPlayers(m.count);
      setLatest((l) => [...m.latest.map((p) => p.name), ...l].slice(0, 24));
    },
    question: (q, at) => {
      setPhase('question');
      setQuestion({ view: q, deadline: localDeadline(q.deadline, q.serverTime, at) });
      setClosed(false);
      setReveal(null);
      setBuzzName(null);
    },
    'question:timing': (m, at) => {
      setPhase(m.paused ? 'paused' : 'question');
      setQuestion((q) =>
        q && q.view.index === m.index
          ? { ...q, deadline: m.deadline === null ? null : localDeadline(m.deadline, m.serverTime, at) }
          : q,
      );
    },
    'question:closed': () => setClosed(true),
    'buzzer:won': (b, at) => {
      setBuzzName(b.name);
      setQuestion((q) => (q ? { ...q, deadline: localDeadline(b.deadline, b.serverTime, at) } : q));
    },
    'question:reveal': (r) => {
      setPhase('reveal');
      setReveal(r);
    },
    leaderboard: (b) => {
      setPhase('leaderboard');
      setBoards((prev) => ({ rows: b.rows, previous: prev.rows, agencies: b.agencies ?? [] }));
    },
    'session:phase': (p) => setPhase(p.phase),
    'session:ended': () => setPhase('ended'),
  });

  // Agency names for the boards come from the public join data (the PIN is the key).
  useEffect(() => {
    if (!pin) return;
    const ctrl = new AbortController();
    contestApi.joinInfo(pin, ctrl.signal).then(
      (info) => setAgencies(new Map(info.agencies.map((a) => [a.id, a.name]))),
      () => undefined,
    );
    return () => ctrl.abort();
  }, [pin]);
  const agencyName = (id: number): string => agencies.get(id) ?? '';

  if (!auth || refused) {
    return (
      <section className="stage">
        <h1>{t('contest.projector.title')}</h1>
        <p role="alert" className="alert alert-error">
          {refused ?? t('contest.projector.noToken')}
        </p>
      </section>
    );
  }

  const q = question?.view;
  let body;
  if (phase === 'lobby') {
    body = (
      <div className="stage-lobby">
        <p className="stage-join">
          {t('contest.projector.joinAt')} <strong>{joinAddress()}</strong>
        </p>
        <p className="stage-pin-label">{t('contest.pin')}</p>
        <p className="stage-pin" aria-label={t('contest.pinIs', { pin: pin.split('').join(' ') })}>
          {pin}
        </p>
        <p className="stage-count" role="status">
          {t('contest.playersCount', { n: players })}
        </p>
        <ul className="stage-names" aria-label={t('contest.projector.newest')}>
          {latest.map((n, i) => (
            <li key={`${n}-${i}`}>{n}</li>
          ))}
        </ul>
      </div>
    );
  } else if ((phase === 'question' || phase === 'paused') && q) {
    body = (
      <div className="stage-question">
        <div className="stage-question-head">
          <p className="stage-meta">
            {t('contest.questionOf', { n: q.index + 1, total: q.total })} · {q.roundTitle}
          </p>
          {closed ? (
            <p className="stage-timeup" role="status">
              {t('contest.timeUp')}
            </p>
          ) : (
            <LiveCountdown deadline={question.deadline} timeLimitMs={q.timeLimitMs} paused={phase === 'paused'} />
          )}
        </div>
        <h1 className="stage-question-text">{q.text}</h1>
        {buzzName && (
          <p className="stage-buzz" role="status">
            {t('contest.projector.buzzed', { name: buzzName })}
          </p>
        )}
        <AnswerGrid options={q.options} size="stage" />
      </div>
    );
  } else if (phase === 'reveal' && q && reveal) {
    body = (
      <div className="stage-reveal">
        <p className="stage-meta">
          {t('contest.questionOf', { n: q.index + 1, total: q.total })} ·{' '}
          {t('contest.answeredN', { n: reveal.answered })}
          {reveal.standing !== undefined && ` · ${t('contest.standingN', { n: reveal.standing })}`}
        </p>
        <h1 className="stage-question-text">{q.text}</h1>
        <Distribution options={q.options} counts={reveal.counts} correctKey={reveal.correctKey} />
        <AnswerGrid options={q.options} correctKey={reveal.correctKey} size="stage" />
      </div>
    );
  } else if (phase === 'leaderboard') {
    body = (
      <div className="stage-boards">
        <section className="stage-board-main" aria-labelledby="stage-board-title">
          <h1 id="stage-board-title">{t('contest.leaderboard')}</h1>
          <Leaderboard rows={boards.rows.slice(0, STAGE_ROWS)} previous={boards.previous} agencyName={agencyName} />
        </section>
        <AgencyBoard rows={boards.agencies.slice(0, STAGE_ROWS)} agencyName={agencyName} />
      </div>
    );
  } else if (phase === 'finished' || phase === 'ended') {
    body = (
      <div className="stage-final">
        <h1>{t('contest.projector.winners')}</h1>
        <Podium rows={boards.rows} agencyName={agencyName} />
        <AgencyBoard rows={boards.agencies.slice(0, 3)} agencyName={agencyName} />
      </div>
    );
  } else {
    body = <p role="status">{t('contest.projector.waiting')}</p>;
  }

  return (
    <section className={`stage stage-${phase}`} aria-label={title}>
      <header className="stage-bar">
        <span className="stage-title">{title}</span>
        {phase !== 'lobby' && pin && (
          <span className="stage-bar-pin">
            {t('contest.pin')} <strong>{pin}</strong>
          </span>
        )}
      </header>
      {body}
    </section>
  );
}
