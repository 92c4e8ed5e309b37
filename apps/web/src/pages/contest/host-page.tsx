import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ClientEvent, LeaderboardRow, LobbyPlayer, QuestionView, RevealView, SessionPhase } from '@protocol';
import { api, downloadFile } from '../../api/api.js';
import { contestApi } from '../../api/contest-api.js';
import { useResource } from '../../api/use-resource.js';
import { readSession } from '../../auth/session.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { send } from '../../live/contest-socket.js';
import { hostedSession } from '../../live/contest-storage.js';
import { groupByAgency, localDeadline, mergeLobby } from '../../live/contest-view.js';
import { useContestSocket } from '../../live/use-contest-socket.js';
import { AnswerGrid, Distribution, Leaderboard, LiveCountdown, useAckText } from '../../ui/contest-parts.js';
import { ErrorAlert } from '../../ui/error-alert.js';

type HostAction = Extract<ClientEvent, `host:${string}`>;

/**
 * The host's console (`/contests/:contestId/sessions/:sessionId/host`): the lobby by agency with
 * lock and kick, the controls (start, reveal, leaderboard, next, pause, resume, end), the live
 * answer count, judges' scores for judged rounds, and the Excel results once the session ended.
 */
export function HostPage() {
  const { t } = useI18n();
  const ackText = useAckText();
  const { contestId, sessionId } = useParams();
  const cid = Number(contestId);
  const sid = Number(sessionId);
  const token = readSession(sessionStorage)?.accessToken ?? '';
  const tree = useResource((signal) => contestApi.tree(cid, signal), [cid]);
  const hosted = hostedSession(sid);

  const [title, setTitle] = useState('');
  const [pin, setPin] = useState(hosted?.pin ?? '');
  const [phase, setPhase] = useState<SessionPhase>('lobby');
  const [lobby, setLobby] = useState<LobbyPlayer[]>([]);
  const [count, setCount] = useState(0);
  const [locked, setLocked] = useState(false);
  const [question, setQuestion] = useState<{ view: QuestionView; deadline: number | null } | null>(null);
  const [answers, setAnswers] = useState<{ answered: number; players: number } | null>(null);
  const [closed, setClosed] = useState(false);
  const [reveal, setReveal] = useState<RevealView | null>(null);
  const [boards, setBoards] = useState<{ rows: LeaderboardRow[]; previous: LeaderboardRow[] }>({
    rows: [],
    previous: [],
  });
  const [buzzName, setBuzzName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [agencies, setAgencies] = useState<Map<number, string>>(new Map());

  const { socket, connected } = useContestSocket(
    token && sid > 0 ? { role: 'host', sessionId: sid, token } : null,
    `${sid}:${token}`,
    {
      welcome: (w, at) => {
        if (w.role === 'player') return;
        setError(null);
        setTitle(w.contestTitle);
        setPin(w.pin);
        setPhase(w.phase);
        setCount(w.players);
        setLobby(w.lobby ?? []);
        setQuestion(
          w.question
            ? {
                view: w.question,
                deadline: w.phase === 'paused' ? null : localDeadline(w.question.deadline, w.question.serverTime, at),
              }
            : null,
        );
      },
      error: (e) => setError(ackText(e)),
      'lobby:players': (m) => {
        setCount(m.count);
        setLobby((l) => mergeLobby(l, m.latest));
      },
      question: (q, at) => {
        setPhase('question');
        setQuestion({ view: q, deadline: localDeadline(q.deadline, q.serverTime, at) });
        setAnswers(null);
        setClosed(false);
        setReveal(null);
        setBuzzName(null);
      },
      'question:timing': (m, at) => {
        setPhase(m.paused ? 'paused' : 'question');
        setQuestion((q) =>
          q ? { ...q, deadline: m.deadline === null ? null : localDeadline(m.deadline, m.serverTime, at) } : q,
        );
      },
      'question:closed': () => setClosed(true),
      'buzzer:won': (b, at) => {
        setBuzzName(b.name);
        setQuestion((q) => (q ? { ...q, deadline: localDeadline(b.deadline, b.serverTime, at) } : q));
      },
      'host:answers': (a) => setAnswers({ answered: a.answered, players: a.players }),
      'question:reveal': (r) => {
        setPhase('reveal');
        setReveal(r);
      },
      leaderboard: (b) => {
        setPhase('leaderboard');
        setBoards((prev) => ({ rows: b.rows, previous: prev.rows }));
      },
      'session:phase': (p) => setPhase(p.phase),
      'session:ended': () => setPhase('ended'),
    },
  );

  useEffect(() => {
    if (!pin || phase === 'ended') return;
    const ctrl = new AbortController();
    contestApi.joinInfo(pin, ctrl.signal).then(
      (info) => setAgencies(new Map(info.agencies.map((a) => [a.id, a.name]))),
      () => undefined,
    );
    return () => ctrl.abort();
  }, [pin, phase === 'ended']);
  const agencyName = (id: number): string => agencies.get(id) ?? `#${id}`;
  const groups = useMemo(() => groupByAgency(lobby, agencyName), [lobby, agencies]);

  const act = async (event: HostAction, payload: object = {}): Promise<boolean> => {
    if (!socket) return false;
    setBusy(true);
    setError(null);
    try {
      const ack = await send(socket, event, payload as never);
      if (!ack.ok) {
        setError(ackText(ack));
        return false;
      }
      const acked = ack as { phase?: SessionPhase; locked?: boolean };
      if (acked.phase) setPhase(acked.phase);
      if (acked.locked !== undefined) setLocked(acked.locked);
      return true;
    } finally {
      setBusy(false);
    }
  };

  const kick = async (p: LobbyPlayer): Promise<void> => {
    if (await act('host:kick', { playerId: p.playerId })) {
      setLobby((l) => mergeLobby(l, [], [p.playerId]));
      setCount((c) => Math.max(0, c - 1));
    }
  };

  const isLast = question ? question.view.index + 1 >= question.view.total : false;
  const finish = async (): Promise<void> => {
    // The podium on the projector needs the final standings: show them, then close the questions.
    if (phase !== 'leaderboard' && !(await act('host:leaderboard'))) return;
    await act('host:next');
  };

  const projectorUrl = hosted ? `/projector/${sid}#${encodeURIComponent(hosted.viewToken)}` : null;
  const judged = tree.data?.rounds.filter((r) => r.type === 'judged') ?? [];
  // Only the host sees the key before the reveal, from the contest it owns (never over the socket).
  const hostKey = question
    ? tree.data?.questions.find((x) => x.id === question.view.questionId)?.correctKey
    : undefined;

  return (
    <section className="host">
      <p>
        <Link to={`/contests/${cid}`}>← {t('contest.backToContest')}</Link>
      </p>
      <div className="host-head">
        <div>
          <h1>{title || t('contest.host.title')}</h1>
          <p className="muted">
            {t('contest.host.phase')}: <strong data-testid="host-phase">{t(`contest.phase.${phase}`)}</strong>
            {!connected && ` · ${t('contest.host.reconnecting')}`}
          </p>
        </div>
        <div className="host-pin" aria-label={t('contest.pinIs', { pin: pin.split('').join(' ') })}>
          <span className="host-pin-label">{t('contest.pin')}</span>
          <span className="host-pin-value">{pin}</span>
          <span className="host-pin-join">{window.location.host}/join</span>
        </div>
      </div>
      {projectorUrl ? (
        <p>
          <a href={projectorUrl} target="_blank" rel="noreferrer" className="btn">
            {t('contest.host.openProjector')}
          </a>
        </p>
      ) : (
        <p className="muted">{t('contest.host.noProjectorLink')}</p>
      )}
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}

      <div className="toolbar host-controls">
        {phase === 'lobby' && (
          <>
            <button
              type="button"
              className="btn btn-primary btn-large"
              disabled={busy}
              onClick={() => void act('host:start')}
            >
              {t('contest.host.start')}
            </button>
            <button
              type="button"
              className="btn"
              aria-pressed={locked}
              disabled={busy}
              onClick={() => void act('host:lock', { locked: !locked })}
            >
              {locked ? t('contest.host.unlock') : t('contest.host.lock')}
            </button>
          </>
        )}
        {(phase === 'question' || phase === 'paused') && (
          <>
            <button
              type="button"
              className="btn btn-primary btn-large"
              disabled={busy}
              onClick={() => void act('host:reveal')}
            >
              {t('contest.host.reveal')}
            </button>
            {phase === 'question' ? (
              <button type="button" className="btn" disabled={busy} onClick={() => void act('host:pause')}>
                {t('contest.host.pause')}
              </button>
            ) : (
              <button type="button" className="btn" disabled={busy} onClick={() => void act('host:resume')}>
                {t('contest.host.resume')}
              </button>
            )}
          </>
        )}
        {(phase === 'reveal' || phase === 'leaderboard') && (
          <>
            {phase === 'reveal' && (
              <button type="button" className="btn" disabled={busy} onClick={() => void act('host:leaderboard')}>
                {t('contest.host.leaderboard')}
              </button>
            )}
            {isLast ? (
              <button type="button" className="btn btn-primary btn-large" disabled={busy} onClick={() => void finish()}>
                {t('contest.host.finish')}
              </button>
            ) : (
              <button
                type="button"
                className="btn btn-primary btn-large"
                disabled={busy}
                onClick={() => void act('host:next')}
              >
                {t('contest.host.next')}
              </button>
            )}
          </>
        )}
        {phase !== 'ended' &&
          (confirmEnd ? (
            <span className="host-confirm" role="group" aria-label={t('contest.host.endConfirm')}>
              <span>{t('contest.host.endConfirm')}</span>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void act('host:end').then(() => setConfirmEnd(false))}
              >
                {t('contest.host.endYes')}
              </button>
              <button type="button" className="btn" onClick={() => setConfirmEnd(false)}>
                {t('contest.host.endNo')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className={phase === 'finished' ? 'btn btn-primary btn-large' : 'btn'}
              onClick={() => setConfirmEnd(true)}
            >
              {t('contest.host.end')}
            </button>
          ))}
      </div>

      {phase === 'lobby' && (
        <section className="panel" aria-labelledby="lobby-title">
          <h2 id="lobby-title">
            {t('contest.host.lobby')} ·{' '}
            <span data-testid="lobby-count">{t('contest.playersCount', { n: lobby.length })}</span>
          </h2>
          {groups.length === 0 && <p className="muted">{t('contest.host.nobodyYet')}</p>}
          <div className="lobby-groups">
            {groups.map((g) => (
              <section key={g.agencyId} className="lobby-group">
                <h3>
                  {g.name} <span className="badge">{g.players.length}</span>
                </h3>
                <ul>
                  {g.players.map((p) => (
                    <li key={p.playerId}>
                      <span>{p.name}</span>
                      <button
                        type="button"
                        className="btn btn-small btn-quiet"
                        aria-label={t('contest.host.kickName', { name: p.name })}
                        onClick={() => void kick(p)}
                      >
                        {t('contest.host.kick')}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </section>
      )}

      {question && (phase === 'question' || phase === 'paused' || phase === 'reveal') && (
        <section className="panel host-question" aria-labelledby="host-q-title">
          <p className="muted">
            {t('contest.questionOf', { n: question.view.index + 1, total: question.view.total })} ·{' '}
            {question.view.roundTitle}
          </p>
          <h2 id="host-q-title">{question.view.text}</h2>
          {hostKey && phase !== 'reveal' && (
            <p className="host-key">{t('contest.host.key', { key: hostKey.toUpperCase() })}</p>
          )}
          {phase !== 'reveal' && (
            <div className="host-live">
              {closed ? (
                <p className="stage-timeup">{t('contest.timeUp')}</p>
              ) : (
                <LiveCountdown
                  deadline={question.deadline}
                  timeLimitMs={question.view.timeLimitMs}
                  paused={phase === 'paused'}
                />
              )}
              <p className="host-answers" role="status" data-testid="host-answers">
                {t('contest.host.answers', { n: answers?.answered ?? 0, total: answers?.players ?? count })}
              </p>
              {buzzName && <p>{t('contest.projector.buzzed', { name: buzzName })}</p>}
            </div>
          )}
          {phase === 'reveal' && reveal ? (
            <>
              <Distribution options={question.view.options} counts={reveal.counts} correctKey={reveal.correctKey} />
              <AnswerGrid options={question.view.options} correctKey={reveal.correctKey} />
            </>
          ) : (
            <AnswerGrid options={question.view.options} />
          )}
        </section>
      )}

      {phase === 'leaderboard' && (
        <section className="panel" aria-labelledby="host-board-title">
          <h2 id="host-board-title">{t('contest.leaderboard')}</h2>
          <Leaderboard rows={boards.rows} previous={boards.previous} agencyName={agencyName} />
        </section>
      )}

      {judged.length > 0 && phase !== 'ended' && <JudgeForm sessionId={sid} rounds={judged} agencies={[...agencies]} />}

      {phase === 'ended' && <Results sessionId={sid} />}
    </section>
  );
}

function JudgeForm({
  sessionId,
  rounds,
  agencies,
}: {
  sessionId: number;
  rounds: { id: number; title: string }[];
  agencies: [number, string][];
}) {
  const { t } = useI18n();
  const [form, setForm] = useState({ roundId: String(rounds[0]?.id ?? ''), agencyId: '', judge: '', score: '' });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      await contestApi.judgeScore(sessionId, {
        roundId: Number(form.roundId),
        agencyId: Number(form.agencyId),
        judge: form.judge.trim(),
        score: Number(form.score),
      });
      setSaved(t('contest.judge.saved', { judge: form.judge.trim(), score: form.score }));
      setForm({ ...form, score: '' });
    } catch (err) {
      setError(err);
    }
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <details className="panel">
      <summary>{t('contest.judge.title')}</summary>
      <p className="muted">{t('contest.judge.hint')}</p>
      <form className="grid-form" onSubmit={(e) => void submit(e)}>
        <ErrorAlert error={error} />
        {saved && (
          <p role="status" className="alert alert-ok">
            {saved}
          </p>
        )}
        <div className="field">
          <label htmlFor="judge-round">{t('contest.judge.round')}</label>
          <select id="judge-round" value={form.roundId} onChange={set('roundId')}>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="judge-agency">{t('contest.judge.team')}</label>
          <select id="judge-agency" required value={form.agencyId} onChange={set('agencyId')}>
            <option value="">{t('contest.player.chooseAgency')}</option>
            {agencies.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="judge-name">{t('contest.judge.judge')}</label>
          <input id="judge-name" required maxLength={128} value={form.judge} onChange={set('judge')} />
        </div>
        <div className="field">
          <label htmlFor="judge-score">{t('contest.judge.score')}</label>
          <input
            id="judge-score"
            type="number"
            required
            min={0}
            max={1000}
            step="0.25"
            value={form.score}
            onChange={set('score')}
          />
        </div>
        <div className="field">
          <button type="submit" className="btn btn-primary">
            {t('contest.judge.save')}
          </button>
        </div>
      </form>
    </details>
  );
}

interface ResultRow {
  label: string;
  rank: number | null;
  score: number;
}

function Results({ sessionId }: { sessionId: number }) {
  const { t } = useI18n();
  const results = useResource(
    (signal) =>
      api.get<{ players: ResultRow[]; agencies: ResultRow[] }>(`/api/contest-sessions/${sessionId}/results`, {
        signal,
      }),
    [sessionId],
  );
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="panel" aria-labelledby="results-title">
      <h2 id="results-title">{t('contest.results.title')}</h2>
      <p className="alert alert-ok" role="status">
        {t('contest.results.saved')}
      </p>
      <ErrorAlert error={error ?? results.error} />
      <button
        type="button"
        className="btn btn-primary"
        onClick={() =>
          void downloadFile(
            `/api/contest-sessions/${sessionId}/results.xlsx`,
            `ket-qua-hoi-thi-${sessionId}.xlsx`,
          ).catch(setError)
        }
      >
        {t('contest.results.excel')}
      </button>
      {results.data && (
        <div className="results-cols">
          <ResultTable caption={t('contest.results.players')} rows={results.data.players.slice(0, 20)} />
          <ResultTable caption={t('contest.results.agencies')} rows={results.data.agencies.slice(0, 20)} />
        </div>
      )}
    </section>
  );
}

function ResultTable({ caption, rows }: { caption: string; rows: ResultRow[] }) {
  const { t } = useI18n();
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('contest.results.rank')}</th>
          <th scope="col">{t('contest.results.name')}</th>
          <th scope="col">{t('contest.results.score')}</th>
        </tr>
      </thead>
      <tbody>
        {[...rows]
          .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
          .map((r, i) => (
            <tr key={`${r.label}-${i}`}>
              <td data-label={t('contest.results.rank')}>{r.rank ?? '—'}</td>
              <td data-label={t('contest.results.name')}>{r.label}</td>
              <td data-label={t('contest.results.score')}>{r.score}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
