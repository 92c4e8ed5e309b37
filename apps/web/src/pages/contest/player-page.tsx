import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import type {
  BuzzView,
  HandshakeAuth,
  JoinInfo,
  LeaderboardRow,
  PlayerResult,
  QuestionView,
  SessionPhase,
} from '@protocol';
import { backoffDelay } from '../../api/backoff.js';
import { contestApi } from '../../api/contest-api.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { LanguageSwitch } from '../../layout/app-layout.js';
import { send } from '../../live/contest-socket.js';
import { readPlayer, writePlayer } from '../../live/contest-storage.js';
import { localDeadline } from '../../live/contest-view.js';
import { useBodyClass } from '../../live/use-body-class.js';
import { useContestSocket } from '../../live/use-contest-socket.js';
import { AnswerGrid, LiveCountdown, useAckText } from '../../ui/contest-parts.js';
import { ErrorAlert } from '../../ui/error-alert.js';

/** Refusals that mean the stored token is no good: start again with the PIN. */
const TOKEN_GONE = new Set(['BAD_PLAYER_TOKEN', 'KICKED', 'SESSION_NOT_LIVE', 'NOT_FOUND']);

interface Self {
  playerId: number;
  name: string;
  agencyId: number;
  score: number;
  eliminated: boolean;
  rank: number | null;
}

/**
 * The player's phone (`/join`, no account): PIN, then name and agency, then big answer buttons,
 * feedback after each question, own score and rank. The server's player token is kept in
 * localStorage, so a reload or a dropped network brings the player back with the same score.
 */
export function PlayerPage() {
  const { t } = useI18n();
  const ackText = useAckText();
  useBodyClass('theme-player contest-player');
  const [params] = useSearchParams();
  const [pin, setPin] = useState(params.get('pin') ?? '');
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [name, setName] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [formError, setFormError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const stored = useRef(readPlayer());
  const [auth, setAuth] = useState<{ auth: HandshakeAuth; key: string } | null>(() =>
    stored.current
      ? {
          auth: { role: 'player', playerToken: stored.current.playerToken },
          key: `token:${stored.current.playerToken}`,
        }
      : null,
  );
  const [retry, setRetry] = useState<{ attempt: number; until: number } | null>(null);
  // While waiting to retry a throttled join, the seconds shown count down.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!retry) return;
    const id = setInterval(() => setTick((n) => n + 1), 500);
    return () => clearInterval(id);
  }, [retry]);

  const [joined, setJoined] = useState(false);
  const [contestTitle, setContestTitle] = useState('');
  const [self, setSelf] = useState<Self | null>(null);
  const [phase, setPhase] = useState<SessionPhase>('lobby');
  const [question, setQuestion] = useState<{ view: QuestionView; deadline: number | null } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [answerError, setAnswerError] = useState<string | null>(null);
  const [result, setResult] = useState<PlayerResult | null>(null);
  const [buzz, setBuzz] = useState<{ view: BuzzView; deadline: number } | null>(null);
  const [board, setBoard] = useState<LeaderboardRow[]>([]);
  const [gone, setGone] = useState<string | null>(null);

  const { socket, connected } = useContestSocket(auth?.auth ?? null, auth?.key ?? '', {
    welcome: (w, at, s) => {
      if (w.role !== 'player') return;
      writePlayer({ playerToken: w.playerToken, sessionId: w.sessionId, name: w.self.name });
      stored.current = { playerToken: w.playerToken, sessionId: w.sessionId, name: w.self.name };
      // From now on an automatic reconnection comes back as this player, not as a new one.
      s.auth = { role: 'player', playerToken: w.playerToken };
      setRetry(null);
      setNotice(null);
      setJoined(true);
      setContestTitle(w.contestTitle);
      setSelf((s) => ({ ...w.self, rank: s?.playerId === w.self.playerId ? s.rank : null }));
      setPhase(w.phase);
      setQuestion(
        w.question
          ? {
              view: w.question,
              deadline: w.phase === 'paused' ? null : localDeadline(w.question.deadline, w.question.serverTime, at),
            }
          : null,
      );
      setChosen(w.answered?.choice ?? null);
    },
    error: (e) => {
      if (TOKEN_GONE.has(e.code) && stored.current) {
        writePlayer(null);
        stored.current = null;
        if (joined) setGone(ackText(e));
        else {
          setAuth(null);
          setNotice(ackText(e));
        }
        return;
      }
      if (joined) {
        setAnswerError(ackText(e));
        return;
      }
      if (e.code === 'RATE_LIMITED' && auth?.auth.role === 'player' && 'pin' in auth.auth) {
        // Many phones join at once: wait a growing, jittered while and try again by ourselves.
        const attempt = (retry?.attempt ?? 0) + 1;
        const wait = backoffDelay(attempt, { baseMs: 1000, maxMs: 15_000, jitter: 0.5 });
        setRetry({ attempt, until: Date.now() + wait });
        setTimeout(() => setAuth((a) => (a ? { ...a, key: `join:${Date.now()}` } : a)), wait);
        return;
      }
      setAuth(null);
      setRetry(null);
      setFormError(e);
    },
    question: (q, at) => {
      setPhase('question');
      setQuestion({ view: q, deadline: localDeadline(q.deadline, q.serverTime, at) });
      setChosen(null);
      setResult(null);
      setBuzz(null);
      setAnswerError(null);
    },
    'question:timing': (m, at) => {
      setPhase(m.paused ? 'paused' : 'question');
      setQuestion((q) =>
        q && q.view.index === m.index
          ? { ...q, deadline: m.deadline === null ? null : localDeadline(m.deadline, m.serverTime, at) }
          : q,
      );
    },
    'buzzer:won': (b, at) => setBuzz({ view: b, deadline: localDeadline(b.deadline, b.serverTime, at) }),
    'question:result': (r) => {
      setPhase('reveal');
      setResult(r);
      setSelf((s) => (s ? { ...s, score: r.score, eliminated: r.eliminated, rank: r.rank } : s));
    },
    leaderboard: (b) => {
      setPhase('leaderboard');
      setBoard(b.rows);
    },
    'session:phase': (p) => setPhase(p.phase),
    'session:ended': () => {
      setPhase('ended');
      writePlayer(null);
    },
    kicked: () => {
      writePlayer(null);
      setGone(t('error.KICKED'));
    },
  });

  const lookUp = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    setNotice(null);
    try {
      setInfo(await contestApi.joinInfo(pin.trim()));
    } catch (err) {
      setFormError(err);
    } finally {
      setBusy(false);
    }
  };

  const joinNow = (e: FormEvent): void => {
    e.preventDefault();
    setFormError(null);
    setRetry(null);
    setAuth({
      auth: { role: 'player', pin: pin.trim(), name: name.trim(), agencyId: Number(agencyId) },
      key: `join:${Date.now()}`,
    });
  };

  const answer = async (choice: string): Promise<void> => {
    if (!socket || !question || chosen) return;
    setChosen(choice);
    setAnswerError(null);
    const ack = await send(socket, 'answer', { index: question.view.index, choice });
    if (!ack.ok && ack.code !== 'ALREADY_ANSWERED') {
      setChosen(null);
      setAnswerError(ackText(ack));
    }
  };

  const pressBuzzer = async (): Promise<void> => {
    if (!socket || !question) return;
    const ack = await send(socket, 'buzz', { index: question.view.index });
    if (!ack.ok) setAnswerError(ackText(ack));
  };

  if (gone) {
    return (
      <section className="player-screen player-gone">
        <h1>{t('contest.player.goneTitle')}</h1>
        <p role="alert">{gone}</p>
        <a className="btn btn-primary btn-block btn-large" href="/join">
          {t('contest.player.joinAgain')}
        </a>
      </section>
    );
  }

  if (!joined) {
    if (auth || retry) {
      return (
        <section className="player-screen player-connecting" aria-busy="true">
          <h1>{t('contest.player.joining')}</h1>
          {retry ? (
            <p role="status" className="alert alert-info">
              {t('contest.player.busyRetry', { s: Math.max(1, Math.ceil((retry.until - Date.now()) / 1000)) })}
            </p>
          ) : (
            <p role="status">{t('contest.player.connecting')}</p>
          )}
          <div className="spinner" aria-hidden="true" />
        </section>
      );
    }
    return (
      <section className="player-screen player-join">
        <div className="player-lang">
          <LanguageSwitch />
        </div>
        <p className="player-brand" aria-hidden="true">
          <span>★</span> {t('app.name')}
        </p>
        <h1>{t('contest.player.title')}</h1>
        {notice && (
          <p role="status" className="alert alert-info">
            {notice}
          </p>
        )}
        <ErrorAlert error={formError instanceof Error ? formError : null} />
        {formError !== null && !(formError instanceof Error) && (
          <p role="alert" className="alert alert-error">
            {ackText(formError as { code: string; message: string })}
          </p>
        )}
        {!info ? (
          <form className="form" onSubmit={(e) => void lookUp(e)}>
            <div className="field">
              <label htmlFor="join-pin">{t('contest.player.pin')}</label>
              <input
                id="join-pin"
                className="input-large input-pin"
                inputMode="numeric"
                autoComplete="off"
                pattern="\d{6}"
                maxLength={6}
                required
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              />
            </div>
            <button type="submit" className="btn btn-primary btn-block btn-large" disabled={busy || pin.length !== 6}>
              {t('contest.player.next')}
            </button>
          </form>
        ) : (
          <form className="form" onSubmit={joinNow}>
            <p className="player-contest-title">{info.contestTitle}</p>
            <div className="field">
              <label htmlFor="join-name">{t('contest.player.name')}</label>
              <input
                id="join-name"
                className="input-large"
                autoComplete="name"
                required
                maxLength={128}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="join-agency">{t('contest.player.agency')}</label>
              <select id="join-agency" required value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
                <option value="">{t('contest.player.chooseAgency')}</option>
                {info.agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn btn-primary btn-block btn-large" disabled={!name.trim() || !agencyId}>
              {t('contest.player.join')}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setInfo(null)}>
              {t('contest.player.otherPin')}
            </button>
          </form>
        )}
      </section>
    );
  }

  const q = question?.view ?? null;
  const resultForThis = result && q && result.index === q.index ? result : null;
  const eliminatedNow = self?.eliminated && q?.roundType === 'elimination';

  let body;
  if (phase === 'ended' || phase === 'finished') {
    body = (
      <div className="player-final">
        <h1>{phase === 'ended' ? t('contest.player.ended') : t('contest.player.finished')}</h1>
        <p className="player-big-score">{t('contest.points', { n: self?.score ?? 0 })}</p>
        {self?.rank ? <p className="player-rank">{t('contest.rankN', { n: self.rank })}</p> : null}
      </div>
    );
  } else if (resultForThis && (phase === 'reveal' || phase === 'question')) {
    body = (
      <div
        className={`player-feedback ${resultForThis.correct ? 'is-right' : 'is-wrong'}`}
        role="status"
        aria-live="assertive"
      >
        <p className="player-feedback-icon" aria-hidden="true">
          {resultForThis.correct ? '✓' : '✗'}
        </p>
        <h1>
          {resultForThis.correct
            ? t('contest.player.right')
            : resultForThis.choice === null
              ? t('contest.player.noAnswer')
              : t('contest.player.wrong')}
        </h1>
        <p className="player-feedback-points">
          {resultForThis.points > 0 ? `+${resultForThis.points}` : resultForThis.points}
        </p>
        {!resultForThis.correct && q && (
          <p>
            {t('contest.player.rightWas', {
              key: resultForThis.correctKey.toUpperCase(),
              text: q.options.find((o) => o.key === resultForThis.correctKey)?.text ?? '',
            })}
          </p>
        )}
        {resultForThis.streak > 1 && <p>{t('contest.player.streak', { n: resultForThis.streak })}</p>}
        {resultForThis.eliminated && q?.roundType === 'elimination' && <p>{t('contest.player.eliminated')}</p>}
        <p className="player-rank">{t('contest.rankN', { n: resultForThis.rank })}</p>
      </div>
    );
  } else if (phase === 'leaderboard') {
    const mine = board.find((r) => r.playerId === self?.playerId);
    body = (
      <div className="player-final">
        <h1>{t('contest.leaderboard')}</h1>
        <p className="player-big-score">{t('contest.points', { n: self?.score ?? 0 })}</p>
        {(mine?.rank ?? self?.rank) ? (
          <p className="player-rank">{t('contest.rankN', { n: mine?.rank ?? self?.rank ?? 0 })}</p>
        ) : null}
        <p className="muted">{t('contest.player.lookUp')}</p>
      </div>
    );
  } else if (q && (phase === 'question' || phase === 'paused')) {
    const buzzerRound = q.roundType === 'buzzer';
    const myTurn = buzz?.view.playerId === self?.playerId;
    body = (
      <div className="player-question">
        <p className="player-question-meta">
          {t('contest.questionOf', { n: q.index + 1, total: q.total })} · {q.roundTitle}
        </p>
        <LiveCountdown
          deadline={buzz ? buzz.deadline : (question?.deadline ?? null)}
          timeLimitMs={buzz ? buzz.view.deadline - buzz.view.serverTime : q.timeLimitMs}
          paused={phase === 'paused'}
        />
        <h1 className="player-question-text">{q.text}</h1>
        {answerError && (
          <p role="alert" className="alert alert-error">
            {answerError}
          </p>
        )}
        {eliminatedNow ? (
          <p className="alert alert-info" role="status">
            {t('contest.player.eliminatedWatch')}
          </p>
        ) : chosen ? (
          <>
            <AnswerGrid options={q.options} chosen={chosen} />
            <p className="player-sent" role="status">
              {t('contest.player.sent')}
            </p>
          </>
        ) : buzzerRound && !buzz ? (
          <button type="button" className="buzzer" onClick={() => void pressBuzzer()} disabled={phase === 'paused'}>
            {t('contest.player.buzz')}
          </button>
        ) : buzzerRound && !myTurn ? (
          <p className="alert alert-info" role="status">
            {t('contest.player.buzzedBy', { name: buzz?.view.name ?? '' })}
          </p>
        ) : (
          <AnswerGrid options={q.options} onChoose={(k) => void answer(k)} disabled={phase === 'paused'} />
        )}
      </div>
    );
  } else {
    // The lobby, or back from a reload between questions: wait for the next one.
    body =
      phase === 'lobby' ? (
        <div className="player-lobby">
          <h1>{t('contest.player.inLobby')}</h1>
          <p>{t('contest.player.waitHost')}</p>
          <div className="spinner" aria-hidden="true" />
        </div>
      ) : (
        <div className="player-lobby">
          <h1>{t('contest.player.waitNext')}</h1>
          <p className="player-big-score">{t('contest.points', { n: self?.score ?? 0 })}</p>
          <div className="spinner" aria-hidden="true" />
        </div>
      );
  }

  return (
    <section className="player-screen" aria-label={contestTitle}>
      <header className="player-bar">
        <span className="player-bar-name">{self?.name}</span>
        <span className="player-bar-score" aria-label={t('contest.player.yourScore')}>
          {self?.score ?? 0}
        </span>
      </header>
      {!connected && (
        <p className="banner banner-offline" role="status">
          {t('contest.player.reconnecting')}
        </p>
      )}
      {body}
    </section>
  );
}
