import { useCallback, useRef, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { onlineApi, onlineOutboxKey, type OnlineAttemptView, type OnlineSave } from '../../api/online-api.js';
import { useOnline } from '../../api/use-online.js';
import { Countdown } from '../../exam-kit/countdown.js';
import { OfflineBanner } from '../../exam-kit/offline-banner.js';
import type { OutboxEntry } from '../../exam-kit/outbox.js';
import { QuestionNavigator } from '../../exam-kit/question-navigator.js';
import { SaveBadge } from '../../exam-kit/save-badge.js';
import { ServerClock } from '../../exam-kit/server-clock.js';
import { SubmitDialog } from '../../exam-kit/submit-dialog.js';
import { useOutbox } from '../../exam-kit/use-outbox.js';
import { useStartedAttempt } from '../../exam-kit/use-started-attempt.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert } from '../../ui/error-alert.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRST';
/** After time is up, how long to wait for the last answers before submitting anyway (the server closes the attempt at its deadline). */
const DRAIN_AFTER_DEADLINE_MS = 10_000;
const saveKey = (index: number): string => `answer:${index}`;

/** /online/:contestId/play — starts (or resumes) the official's attempt and runs it against the server's deadline. */
export function OnlinePlayPage() {
  const { t } = useI18n();
  const { contestId } = useParams();
  const { attempt, error, clock, retry } = useStartedAttempt(() => onlineApi.start(Number(contestId)), contestId);

  if (error) {
    return (
      <section className="panel narrow" aria-labelledby="online-play-title">
        <h1 id="online-play-title">{t('online.title')}</h1>
        <ErrorAlert error={error} onRetry={retry} />
      </section>
    );
  }
  if (!attempt) return <p role="status">{t('online.starting')}</p>;
  if (attempt.state !== 'in_progress') return <Navigate to={`/online/${attempt.contestId}/results`} replace />;
  return <OnlineRunner attempt={attempt} clock={clock} />;
}

function OnlineRunner({ attempt, clock }: { attempt: OnlineAttemptView; clock: ServerClock }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const online = useOnline();
  const send = useCallback(
    async (entry: OutboxEntry<OnlineSave>) => {
      const sentAt = Date.now();
      const ack = await onlineApi.save(attempt.attemptId, entry.payload);
      clock.addServerTime(ack.serverTime, sentAt);
    },
    [attempt.attemptId, clock],
  );
  const outbox = useOutbox<OnlineSave>(onlineOutboxKey(attempt.attemptId), send);
  const [chosen, setChosen] = useState<Record<number, string[]>>(() => {
    const out: Record<number, string[]> = { ...attempt.answers };
    for (const { payload } of outbox.pending()) out[payload.index] = payload.chosen;
    return out;
  });
  const [prediction, setPrediction] = useState(attempt.prediction === null ? '' : String(attempt.prediction));
  const [current, setCurrent] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [timeUp, setTimeUp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submitted = useRef(false);

  const question = attempt.questions[current];
  const multiple = question.type === 'multiple';
  const mine = chosen[question.index] ?? [];
  const choose = (key: string): void => {
    const next = multiple ? (mine.includes(key) ? mine.filter((k) => k !== key) : [...mine, key].sort()) : [key];
    setChosen((c) => ({ ...c, [question.index]: next }));
    if (next.length > 0) outbox.enqueue(saveKey(question.index), { index: question.index, chosen: next });
  };
  const predicted = (): number | null => (/^\d+$/.test(prediction.trim()) ? Number(prediction.trim()) : null);

  const submit = async (drainLimitMs?: number): Promise<void> => {
    if (submitted.current) return;
    submitted.current = true;
    setSubmitting(true);
    setError(null);
    try {
      const drained = outbox.drained();
      await (drainLimitMs === undefined
        ? drained
        : Promise.race([drained, new Promise((r) => setTimeout(r, drainLimitMs))]));
      await onlineApi.submit(attempt.attemptId, predicted());
      outbox.clear();
      void navigate(`/online/${attempt.contestId}/results`, { replace: true });
    } catch (e) {
      submitted.current = false;
      setSubmitting(false);
      setConfirming(false);
      setError(e);
    }
  };

  const navItems = attempt.questions.map((q) => ({
    answered: (chosen[q.index] ?? []).length > 0,
    flagged: false,
    save: outbox.stateOf(saveKey(q.index)),
  }));
  const answered = navItems.filter((n) => n.answered).length;

  return (
    <section aria-labelledby="online-play-title" className="exam">
      <h1 id="online-play-title">
        {attempt.contestTitle}{' '}
        <span className="muted">{t('online.attemptOf', { n: attempt.number, max: attempt.maxAttempts })}</span>
      </h1>
      <OfflineBanner online={online} pending={outbox.size} />
      <div className="exam-bar">
        <Countdown
          clock={clock}
          deadline={attempt.deadline}
          onExpire={() => {
            setTimeUp(true);
            void submit(DRAIN_AFTER_DEADLINE_MS);
          }}
        />
        <button type="button" className="btn btn-primary" disabled={submitting} onClick={() => setConfirming(true)}>
          {t('exam.submit')}
        </button>
      </div>
      {timeUp && (
        <p className="alert alert-info" role="status">
          {t('exam.autoSubmit')}
        </p>
      )}
      <ErrorAlert error={error} />
      <div className="exam-body">
        <QuestionNavigator items={navItems} current={current} onSelect={setCurrent} />
        <article className="question" aria-labelledby="q-title">
          <h2 id="q-title">
            {t('exam.question', { n: current + 1 })} / {attempt.questions.length}{' '}
            <SaveBadge
              state={outbox.stateOf(saveKey(question.index))}
              onRetry={() =>
                mine.length > 0 && outbox.enqueue(saveKey(question.index), { index: question.index, chosen: mine })
              }
            />
          </h2>
          <fieldset className="choices" disabled={submitting}>
            <legend>
              {question.text}
              <span className="visually-hidden"> {multiple ? t('exam.multiple') : t('exam.single')}</span>
            </legend>
            {multiple && <p className="muted">{t('exam.multiple')}</p>}
            {question.options.map((o, i) => {
              const checked = mine.includes(o.key);
              return (
                <label key={o.key} className={checked ? 'choice is-chosen' : 'choice'}>
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`item-${question.index}`}
                    checked={checked}
                    onChange={() => choose(o.key)}
                  />
                  <span className="choice-letter">{LETTERS[i]}</span>
                  <span>{o.text}</span>
                </label>
              );
            })}
          </fieldset>
          <div className="question-actions">
            <button type="button" className="btn" disabled={current === 0} onClick={() => setCurrent(current - 1)}>
              ← {t('exam.prev')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={current === attempt.questions.length - 1}
              onClick={() => setCurrent(current + 1)}
            >
              {t('exam.next')} →
            </button>
          </div>
        </article>
      </div>
      <div className="panel field">
        <label htmlFor="online-prediction">
          {t('online.prediction')}: {attempt.predictionQuestion}
        </label>
        <input
          id="online-prediction"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={prediction}
          disabled={submitting}
          onChange={(e) => setPrediction(e.target.value)}
          onBlur={() => {
            const n = predicted();
            if (n !== null) onlineApi.predict(attempt.attemptId, n).catch((e: unknown) => setError(e));
          }}
        />
        <p className="muted">{t('online.predictionHint')}</p>
      </div>
      <SubmitDialog
        open={confirming}
        total={attempt.questions.length}
        answered={answered}
        flagged={0}
        pending={outbox.size}
        busy={submitting}
        onCancel={() => !submitting && setConfirming(false)}
        onConfirm={() => void submit()}
      />
    </section>
  );
}
