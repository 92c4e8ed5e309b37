import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/api.js';
import { useOnline } from '../api/use-online.js';
import { Countdown } from '../exam-kit/countdown.js';
import { OfflineBanner } from '../exam-kit/offline-banner.js';
import type { OutboxEntry } from '../exam-kit/outbox.js';
import { QuestionNavigator } from '../exam-kit/question-navigator.js';
import { SaveBadge } from '../exam-kit/save-badge.js';
import { SubmitDialog } from '../exam-kit/submit-dialog.js';
import { useOutbox } from '../exam-kit/use-outbox.js';
import { useServerClock } from '../exam-kit/use-server-clock.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Where the preview sends answers. No server route answers it: the browser test stands in for it. */
export const KIT_ENDPOINT = '/api/dev/exam-kit/answers';
export const KIT_STORAGE_KEY = 'cchc.outbox.kit';
export const DEV_FLAG_KEY = 'cchc.dev';

/** The preview is reachable in a dev build, or in any build once localStorage has cchc.dev=1. */
export const devToolsEnabled = (): boolean => {
  try {
    return import.meta.env.DEV || localStorage.getItem(DEV_FLAG_KEY) === '1';
  } catch {
    return false;
  }
};

interface Question {
  text: string;
  options: string[];
}

/** Sample questions, written for the preview. */
const QUESTIONS: Question[] = [
  {
    text: 'Chỉ số CCHC của một cơ quan được tính trên thang điểm bao nhiêu?',
    options: ['10 điểm', '50 điểm', '100 điểm', '1.000 điểm'],
  },
  {
    text: 'Ai tự chấm điểm trước khi hội đồng thẩm định xem xét?',
    options: ['Chính cơ quan được đánh giá', 'Người dân', 'Bộ Nội vụ', 'Báo chí'],
  },
  {
    text: 'Tài liệu kiểm chứng dùng để làm gì?',
    options: ['Trang trí hồ sơ', 'Chứng minh điểm tự chấm', 'Thay cho báo cáo', 'Không dùng đến'],
  },
  {
    text: 'Trong bài thi trắc nghiệm 60 câu, thí sinh đạt khi đúng tối thiểu bao nhiêu câu?',
    options: ['20 câu', '30 câu', '45 câu', '60 câu'],
  },
  {
    text: 'Khảo sát sự hài lòng hỏi ý kiến của ai?',
    options: ['Người dân và tổ chức', 'Chỉ cán bộ', 'Chỉ lãnh đạo', 'Không ai'],
  },
  {
    text: 'Kết quả xếp hạng Chỉ số CCHC được sắp theo thứ tự nào?',
    options: ['Theo tên cơ quan', 'Từ điểm cao xuống thấp', 'Ngẫu nhiên', 'Theo ngày nộp'],
  },
];

interface Answer {
  question: number;
  choice: number;
}

/**
 * A preview of the exam page kit on sample questions: countdown on server time, navigator, save
 * state per answer, offline banner, the persistent outbox and the submit confirmation. Later rounds
 * build the real exam page from the same parts.
 */
export function ExamKitPage() {
  const { t } = useI18n();
  const online = useOnline();
  const clock = useServerClock();
  const [deadline] = useState(() => Date.now() + 45 * 60_000);
  const [current, setCurrent] = useState(0);
  const [choices, setChoices] = useState<(number | null)[]>(() => QUESTIONS.map(() => null));
  const [flags, setFlags] = useState<boolean[]>(() => QUESTIONS.map(() => false));
  const [received, setReceived] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [theme, setTheme] = useState<'normal' | 'player' | 'projector'>('normal');

  const send = useCallback(async (entry: OutboxEntry<Answer>) => {
    await api.put(
      `${KIT_ENDPOINT}/${entry.payload.question + 1}`,
      { choice: entry.payload.choice, seq: entry.seq },
      {
        retry: false,
        timeoutMs: 8000,
      },
    );
    setReceived((r) => [...r, `${entry.payload.question + 1}:${String.fromCharCode(65 + entry.payload.choice)}`]);
  }, []);
  const outbox = useOutbox<Answer>(KIT_STORAGE_KEY, send);

  useEffect(() => {
    document.body.classList.remove('theme-player', 'theme-projector');
    if (theme !== 'normal') document.body.classList.add(`theme-${theme}`);
    return () => document.body.classList.remove('theme-player', 'theme-projector');
  }, [theme]);

  const choose = (choice: number): void => {
    setChoices((c) => c.map((v, i) => (i === current ? choice : v)));
    outbox.enqueue(String(current), { question: current, choice });
  };

  // useOutbox re-renders on every save state change, so this is read fresh each time.
  const items = QUESTIONS.map((_, i) => ({
    answered: choices[i] !== null,
    flagged: flags[i],
    save: outbox.stateOf(String(i)),
  }));
  const chosen = choices[current];
  const q = QUESTIONS[current];
  const answered = choices.filter((c) => c !== null).length;

  const submit = async (): Promise<void> => {
    await outbox.drained();
    setConfirming(false);
    setSubmitted(true);
  };

  return (
    <section aria-labelledby="kit-title" className="exam">
      <h1 id="kit-title">{t('kit.title')}</h1>
      <p className="muted">{t('kit.intro', { endpoint: KIT_ENDPOINT })}</p>
      <div className="toolbar" role="group" aria-label={t('kit.normal')}>
        {(['normal', 'player', 'projector'] as const).map((th) => (
          <button
            key={th}
            type="button"
            className="btn btn-small"
            aria-pressed={theme === th}
            onClick={() => setTheme(th)}
          >
            {t(th === 'normal' ? 'kit.normal' : th === 'player' ? 'kit.player' : 'kit.projector')}
          </button>
        ))}
      </div>
      <OfflineBanner online={online} pending={outbox.size} />
      <div className="exam-bar">
        <Countdown clock={clock} deadline={deadline} />
        <button type="button" className="btn btn-primary" disabled={submitted} onClick={() => setConfirming(true)}>
          {t('exam.submit')}
        </button>
      </div>
      {submitted && (
        <p className="alert alert-ok" role="status">
          {t('exam.submitted')}
        </p>
      )}
      <div className="exam-body">
        <QuestionNavigator items={items} current={current} onSelect={setCurrent} />
        <article className="question" aria-labelledby="q-title">
          <h2 id="q-title">
            {t('exam.question', { n: current + 1 })}{' '}
            <SaveBadge state={outbox.stateOf(String(current))} onRetry={() => chosen !== null && choose(chosen)} />
          </h2>
          <fieldset className="choices">
            <legend>{q.text}</legend>
            {q.options.map((o, i) => (
              <label key={i} className={choices[current] === i ? 'choice is-chosen' : 'choice'}>
                <input
                  type="radio"
                  name={`q${current}`}
                  checked={choices[current] === i}
                  disabled={submitted}
                  onChange={() => choose(i)}
                />
                <span className="choice-letter">{String.fromCharCode(65 + i)}</span>
                <span>{o}</span>
              </label>
            ))}
          </fieldset>
          <div className="question-actions">
            <button type="button" className="btn" disabled={current === 0} onClick={() => setCurrent(current - 1)}>
              ← {t('exam.prev')}
            </button>
            <button
              type="button"
              className="btn"
              aria-pressed={flags[current]}
              onClick={() => setFlags((f) => f.map((v, i) => (i === current ? !v : v)))}
            >
              ⚑ {flags[current] ? t('exam.unflag') : t('exam.flag')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={current === QUESTIONS.length - 1}
              onClick={() => setCurrent(current + 1)}
            >
              {t('exam.next')} →
            </button>
          </div>
        </article>
      </div>
      <section aria-labelledby="kit-sent" className="panel">
        <h2 id="kit-sent">{t('kit.sent')}</h2>
        <ol className="sent-list" data-testid="received">
          {received.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ol>
      </section>
      <SubmitDialog
        open={confirming}
        total={QUESTIONS.length}
        answered={answered}
        flagged={flags.filter(Boolean).length}
        pending={outbox.size}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void submit()}
      />
    </section>
  );
}
