import { useCallback, useRef, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { examApi, outboxKey, saveKey, withPending, type AttemptView, type ExamSave } from '../api/exam-api.js';
import { useOnline } from '../api/use-online.js';
import { Countdown } from '../exam-kit/countdown.js';
import { OfflineBanner } from '../exam-kit/offline-banner.js';
import type { OutboxEntry, SaveState } from '../exam-kit/outbox.js';
import { QuestionNavigator } from '../exam-kit/question-navigator.js';
import { SaveBadge } from '../exam-kit/save-badge.js';
import { ServerClock } from '../exam-kit/server-clock.js';
import { SubmitDialog } from '../exam-kit/submit-dialog.js';
import { useOutbox } from '../exam-kit/use-outbox.js';
import { useStartedAttempt } from '../exam-kit/use-started-attempt.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ErrorAlert } from '../ui/error-alert.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRST';
/** After time is up, how long to wait for the last answers before submitting anyway (the server closes the attempt at the deadline). */
const DRAIN_AFTER_DEADLINE_MS = 10_000;

/** /thi/phien/:sessionId — starts (or resumes) the caller's attempt and runs it. */
export function ExamPage() {
  const { t } = useI18n();
  const { sessionId } = useParams();
  const { attempt, error, clock, retry } = useStartedAttempt(() => examApi.start(Number(sessionId)), sessionId);

  if (error) {
    return (
      <section className="panel narrow" aria-labelledby="exam-title">
        <h1 id="exam-title">{t('exam.title')}</h1>
        <ErrorAlert error={error} onRetry={retry} />
      </section>
    );
  }
  if (!attempt) return <p role="status">{t('exam.starting')}</p>;
  if (attempt.state !== 'in_progress') return <Navigate to={`/thi/ket-qua/${attempt.attemptId}`} replace />;
  if (attempt.items.length === 0) return <ErrorAlert error={new Error('empty attempt')} />;
  return <ExamRunner attempt={attempt} clock={clock} />;
}

function ExamRunner({ attempt, clock }: { attempt: AttemptView; clock: ServerClock }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const online = useOnline();
  const send = useCallback(
    async (entry: OutboxEntry<ExamSave>) => {
      const sentAt = Date.now();
      const ack = await examApi.save(attempt.attemptId, entry.payload);
      clock.addServerTime(ack.serverTime, sentAt);
    },
    [attempt.attemptId, clock],
  );
  const outbox = useOutbox<ExamSave>(outboxKey(attempt.attemptId), send);
  const [items, setItems] = useState(() => withPending(attempt.items, outbox.pending()));
  const [current, setCurrent] = useState(() => Math.min(attempt.position, attempt.items.length - 1));
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [timeUp, setTimeUp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submitted = useRef(false);
  const sequential = attempt.navigation === 'sequential';

  const save = (s: ExamSave): void => {
    setItems((list) =>
      list.map((it) =>
        it.index !== s.index ? it : s.kind === 'answer' ? { ...it, chosen: s.chosen } : { ...it, flagged: s.flagged },
      ),
    );
    outbox.enqueue(saveKey(s), s);
  };

  const item = items[current];
  const multiple = item.type === 'multiple';
  const choose = (key: string): void => {
    const chosen = multiple
      ? item.chosen.includes(key)
        ? item.chosen.filter((k) => k !== key)
        : [...item.chosen, key].sort()
      : [key];
    save({ kind: 'answer', index: item.index, chosen });
  };

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
      const review = await examApi.submit(attempt.attemptId);
      outbox.clear();
      void navigate(`/thi/ket-qua/${attempt.attemptId}`, { replace: true, state: { review } });
    } catch (e) {
      submitted.current = false;
      setSubmitting(false);
      setConfirming(false);
      setError(e);
    }
  };

  const stateOf = (i: number): SaveState | null =>
    outbox.stateOf(saveKey({ kind: 'answer', index: i, chosen: [] })) ??
    outbox.stateOf(saveKey({ kind: 'flag', index: i, flagged: false }));
  const navItems = items.map((it) => ({
    answered: it.chosen.length > 0,
    flagged: it.flagged,
    save: stateOf(it.index),
  }));
  const answered = navItems.filter((n) => n.answered).length;
  const part = attempt.parts[item.part];

  return (
    <section aria-labelledby="exam-title" className="exam">
      <h1 id="exam-title" className="visually-hidden">
        {t('exam.title')}
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
        {!sequential && <QuestionNavigator items={navItems} current={current} onSelect={setCurrent} />}
        <article className="question" aria-labelledby="q-title">
          {attempt.parts.length > 1 && part && <p className="muted">{t('exam.part', { name: part.name })}</p>}
          <h2 id="q-title">
            {t('exam.question', { n: current + 1 })} / {items.length}{' '}
            <SaveBadge
              state={stateOf(current)}
              onRetry={() => save({ kind: 'answer', index: item.index, chosen: item.chosen })}
            />
          </h2>
          <fieldset className="choices" disabled={submitting}>
            <legend>
              {item.stem}
              <span className="visually-hidden"> {multiple ? t('exam.multiple') : t('exam.single')}</span>
            </legend>
            {multiple && <p className="muted">{t('exam.multiple')}</p>}
            {item.options.map((o, i) => {
              const checked = item.chosen.includes(o.key);
              return (
                <label key={o.key} className={checked ? 'choice is-chosen' : 'choice'}>
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`item-${item.index}`}
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
            <button
              type="button"
              className="btn"
              disabled={current === 0 || sequential}
              onClick={() => setCurrent(current - 1)}
            >
              ← {t('exam.prev')}
            </button>
            <button
              type="button"
              className="btn"
              aria-pressed={item.flagged}
              disabled={submitting}
              onClick={() => save({ kind: 'flag', index: item.index, flagged: !item.flagged })}
            >
              ⚑ {item.flagged ? t('exam.unflag') : t('exam.flag')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={current === items.length - 1}
              onClick={() => setCurrent(current + 1)}
            >
              {t('exam.next')} →
            </button>
          </div>
        </article>
      </div>
      <SubmitDialog
        open={confirming}
        total={items.length}
        answered={answered}
        flagged={navItems.filter((n) => n.flagged).length}
        pending={outbox.size}
        busy={submitting}
        onCancel={() => !submitting && setConfirming(false)}
        onConfirm={() => void submit()}
      />
    </section>
  );
}
