import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  DIFFICULTIES,
  QUESTION_STATUSES,
  QUESTION_TYPES,
  TARGET_LEVELS,
  type Difficulty,
  type QuestionInput,
  type QuestionStatus,
  type QuestionType,
  type ScoringMode,
  type TargetLevel,
} from '@bank-views';
import { bankApi, type QuestionView } from '../../api/bank-api.js';
import { useResource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { QuestionPreview } from '../../ui/bank-question-preview.js';
import { BankErrorAlert } from '../../ui/bank-error-alert.js';
import { ErrorAlert } from '../../ui/error-alert.js';
import {
  blankOptions,
  flattenTopics,
  formatPercent,
  optionLetter,
  optionProblems,
  optionsForType,
  parsePercent,
  parseTags,
  rightShare,
  type OptionRow,
} from './bank-forms.js';
import '../../styles/bank.css';

interface Draft {
  topicId: string;
  type: QuestionType;
  stem: string;
  options: OptionRow[];
  scoringMode: ScoringMode | '';
  points: string;
  fixedOrder: boolean;
  explanation: string;
  difficulty: Difficulty;
  targetLevel: TargetLevel | '';
  tags: string;
  title: string;
  externalId: string;
  status: QuestionStatus;
  reason: string;
}

const emptyDraft = (topicId: string): Draft => ({
  topicId,
  type: 'single',
  stem: '',
  options: [{ text: '', percent: '100', feedback: '' }, ...blankOptions(3)],
  scoringMode: '',
  points: '1',
  fixedOrder: false,
  explanation: '',
  difficulty: 'medium',
  targetLevel: '',
  tags: '',
  title: '',
  externalId: '',
  status: 'draft',
  reason: '',
});

function draftOf(q: QuestionView, lang: 'vi' | 'en'): Draft {
  const v = q.current;
  return {
    topicId: String(q.topicId),
    type: v.type,
    stem: v.stem,
    options: v.options.map((o) => ({
      text: o.text,
      percent: formatPercent(o.fraction, lang),
      feedback: o.feedback ?? '',
    })),
    scoringMode: v.scoringMode,
    points: String(v.points),
    fixedOrder: v.fixedOrder,
    explanation: v.explanation ?? '',
    difficulty: q.difficulty,
    targetLevel: (q.targetLevel as TargetLevel | null) ?? '',
    tags: q.tags.join('; '),
    title: q.title ?? '',
    externalId: q.externalId ?? '',
    status: q.status,
    reason: '',
  };
}

function toInput(d: Draft): QuestionInput {
  return {
    topicId: Number(d.topicId),
    type: d.type,
    stem: d.stem.trim(),
    options: d.options.map((o) => ({
      text: o.text.trim(),
      fraction: (parsePercent(o.percent) ?? 0) / 100,
      feedback: o.feedback.trim() || null,
    })),
    scoringMode: d.scoringMode || undefined,
    points: Number((parsePercent(d.points) ?? 1).toFixed(4)),
    fixedOrder: d.fixedOrder,
    explanation: d.explanation.trim() || null,
    difficulty: d.difficulty,
    targetLevel: d.targetLevel || null,
    tags: parseTags(d.tags),
    title: d.title.trim() || null,
    externalId: d.externalId.trim() || null,
  };
}

const stat = (x: number | null): string => (x === null ? '—' : String(Math.round(x * 10) / 10));

/** How the question has done in every session that drew it (Moodle's item statistics). */
function QuestionStats({ questionId }: { questionId: number }) {
  const { t } = useI18n();
  const stats = useResource((signal) => bankApi.questionAnalysis(questionId, signal), [questionId]);
  const s = stats.data;
  if (!s || s.attempts === 0) return null;
  return (
    <section className="panel" aria-labelledby="qstats-title">
      <h2 id="qstats-title">{t('bank.stats.title', { sessions: s.sessions, attempts: s.attempts })}</h2>
      <dl className="bank-stats">
        <div>
          <dt>{t('analysis.facility')}</dt>
          <dd>{stat(s.facility)}</dd>
        </div>
        <div>
          <dt>{t('analysis.discrimination')}</dt>
          <dd>{stat(s.discrimination)}</dd>
        </div>
        <div>
          <dt>{t('analysis.efficiency')}</dt>
          <dd>{stat(s.efficiency)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** Create or edit a question, with a live preview as the candidate sees it and every version listed. */
export function QuestionEditorPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const canEdit = user?.role === 'admin' || user?.role === 'organizer';
  const { id } = useParams();
  const questionId = id ? Number(id) : null;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const topics = useResource((signal) => bankApi.topics(signal), []);
  const loaded = useResource(
    (signal) => (questionId ? bankApi.question(questionId, signal) : Promise.resolve(null)),
    [questionId],
  );
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(params.get('topicId') ?? ''));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const arrived = useLocation().state as { notice?: string; duplicates?: number[] } | null;
  const [notice, setNotice] = useState<string | null>(arrived?.notice ?? null);
  const [duplicates, setDuplicates] = useState<number[]>(arrived?.duplicates ?? []);

  useEffect(() => {
    if (loaded.data) setDraft(draftOf(loaded.data, lang));
    // Re-read only when another question (or a newer save) arrives, not on a language switch.
  }, [loaded.data]);

  const question = loaded.data;
  const flat = topics.data ? flattenTopics(topics.data) : [];
  const problems = optionProblems(draft.type, draft.options);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]): void => setDraft((d) => ({ ...d, [k]: v }));
  const setOption = (i: number, changes: Partial<OptionRow>): void =>
    setDraft((d) => ({ ...d, options: d.options.map((o, j) => (j === i ? { ...o, ...changes } : o)) }));

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const input = toInput(draft);
      if (!question) {
        const created = await bankApi.createQuestion({ ...input, status: draft.status });
        void navigate(`/bank/questions/${created.id}`, {
          replace: true,
          state: { notice: t('bank.editor.created', { id: created.id }), duplicates: created.duplicates ?? [] },
        });
        return;
      } else {
        let saved = await bankApi.updateQuestion(question.id, { ...input, reason: draft.reason.trim() || undefined });
        if (draft.status !== question.status) {
          saved = await bankApi.setStatus(question.id, draft.status, draft.reason.trim() || undefined);
        }
        setDuplicates(saved.duplicates ?? []);
        setNotice(
          saved.current.version > question.current.version
            ? t('bank.editor.newVersion', { version: saved.current.version })
            : t('bank.editor.saved'),
        );
        loaded.reload();
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const title = question ? t('bank.editor.editTitle', { id: question.id }) : t('bank.editor.newTitle');
  if (questionId && loaded.error) {
    return (
      <section aria-labelledby="editor-title">
        <h1 id="editor-title">{title}</h1>
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      </section>
    );
  }
  if (questionId && !question) return <p role="status">{t('app.loading')}</p>;

  return (
    <section aria-labelledby="editor-title" className="bank">
      <p>
        <Link to="/bank">← {t('bank.backToList')}</Link>
      </p>
      <h1 id="editor-title">{title}</h1>
      {question && (
        <p className="muted" data-testid="current-version">
          {t('bank.editor.currentVersion', { version: question.current.version })} · {question.topicPath.join(' › ')}
        </p>
      )}
      {question?.current.used && (
        <p className="alert alert-info" role="note">
          {t('bank.editor.usedNote')}
        </p>
      )}
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      {duplicates.length > 0 && (
        <p className="alert alert-info" role="status">
          {t('bank.editor.duplicates')}{' '}
          {duplicates.map((d) => (
            <Link key={d} to={`/bank/questions/${d}`}>
              #{d}{' '}
            </Link>
          ))}
        </p>
      )}
      <div className="bank-editor">
        <form className="form panel" onSubmit={(e) => void save(e)} aria-label={title}>
          <fieldset className="bank-fieldset" disabled={!canEdit}>
            <div className="grid-form">
              <div className="field">
                <label htmlFor="q-topic">{t('bank.topic')}</label>
                <select id="q-topic" required value={draft.topicId} onChange={(e) => set('topicId', e.target.value)}>
                  <option value="">{t('bank.editor.chooseTopic')}</option>
                  {flat.map((tp) => (
                    <option key={tp.id} value={tp.id}>
                      {'\u00a0\u00a0'.repeat(tp.level)}
                      {tp.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="q-type">{t('bank.type')}</label>
                <select
                  id="q-type"
                  value={draft.type}
                  onChange={(e) => {
                    const type = e.target.value as QuestionType;
                    setDraft((d) => ({ ...d, type, options: optionsForType(type, d.options), scoringMode: '' }));
                  }}
                >
                  {QUESTION_TYPES.map((x) => (
                    <option key={x} value={x}>
                      {t(`bank.type.${x}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="q-status">{t('bank.status')}</label>
                <select
                  id="q-status"
                  value={draft.status}
                  onChange={(e) => set('status', e.target.value as QuestionStatus)}
                >
                  {QUESTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`bank.status.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="field">
              <label htmlFor="q-stem">{t('bank.editor.stem')}</label>
              <textarea
                id="q-stem"
                required
                rows={4}
                maxLength={10_000}
                value={draft.stem}
                onChange={(e) => set('stem', e.target.value)}
              />
            </div>
            <fieldset className="bank-options">
              <legend>{t('bank.editor.options')}</legend>
              <p className="muted" id="options-hint">
                {t(`bank.editor.optionsHint.${draft.type}`)}{' '}
                {draft.type === 'multiple' &&
                  t('bank.editor.rightShare', { percent: formatPercent(rightShare(draft.options) / 100, lang) })}
              </p>
              <ol className="bank-option-list">
                {draft.options.map((o, i) => (
                  <li key={i} className="bank-option">
                    <span className="choice-letter" aria-hidden="true">
                      {optionLetter(i)}
                    </span>
                    <div className="field bank-option-text">
                      <label htmlFor={`opt-${i}`}>{t('bank.editor.optionText', { letter: optionLetter(i) })}</label>
                      <input
                        id={`opt-${i}`}
                        value={o.text}
                        maxLength={2000}
                        readOnly={draft.type === 'true_false'}
                        onChange={(e) => setOption(i, { text: e.target.value })}
                      />
                    </div>
                    <div className="field bank-option-percent">
                      <label htmlFor={`opt-${i}-pct`}>
                        {t('bank.editor.optionPercent', { letter: optionLetter(i) })}
                      </label>
                      <input
                        id={`opt-${i}-pct`}
                        inputMode="decimal"
                        aria-describedby="options-hint"
                        value={o.percent}
                        onChange={(e) => setOption(i, { percent: e.target.value })}
                      />
                    </div>
                    <div className="field bank-option-feedback">
                      <label htmlFor={`opt-${i}-fb`}>
                        {t('bank.editor.optionFeedback', { letter: optionLetter(i) })}
                      </label>
                      <input
                        id={`opt-${i}-fb`}
                        value={o.feedback}
                        maxLength={2000}
                        onChange={(e) => setOption(i, { feedback: e.target.value })}
                      />
                    </div>
                    {draft.type !== 'true_false' && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={draft.options.length <= 2}
                        onClick={() =>
                          set(
                            'options',
                            draft.options.filter((_, j) => j !== i),
                          )
                        }
                      >
                        {t('bank.editor.removeOption', { letter: optionLetter(i) })}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
              {draft.type !== 'true_false' && (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={draft.options.length >= 20}
                  onClick={() => set('options', [...draft.options, ...blankOptions(1)])}
                >
                  {t('bank.editor.addOption')}
                </button>
              )}
              {problems.length > 0 && (
                <ul className="bank-problems" aria-live="polite">
                  {problems.map((p) => (
                    <li key={p}>{t(`bank.problem.${p}`)}</li>
                  ))}
                </ul>
              )}
            </fieldset>
            <div className="grid-form">
              {draft.type === 'multiple' && (
                <div className="field">
                  <label htmlFor="q-scoring">{t('bank.editor.scoring')}</label>
                  <select
                    id="q-scoring"
                    value={draft.scoringMode || 'proportional'}
                    onChange={(e) => set('scoringMode', e.target.value as ScoringMode)}
                  >
                    <option value="proportional">{t('bank.scoring.proportional')}</option>
                    <option value="all_or_nothing">{t('bank.scoring.all_or_nothing')}</option>
                  </select>
                </div>
              )}
              <div className="field">
                <label htmlFor="q-points">{t('bank.editor.points')}</label>
                <input
                  id="q-points"
                  inputMode="decimal"
                  value={draft.points}
                  onChange={(e) => set('points', e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="q-difficulty">{t('bank.difficulty')}</label>
                <select
                  id="q-difficulty"
                  value={draft.difficulty}
                  onChange={(e) => set('difficulty', e.target.value as Difficulty)}
                >
                  {DIFFICULTIES.map((d) => (
                    <option key={d} value={d}>
                      {t(`bank.difficulty.${d}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="q-level">{t('bank.editor.level')}</label>
                <select
                  id="q-level"
                  value={draft.targetLevel}
                  onChange={(e) => set('targetLevel', e.target.value as TargetLevel | '')}
                >
                  <option value="">{t('bank.level.any')}</option>
                  {TARGET_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {t(`bank.level.${l}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <label className="check">
              <input type="checkbox" checked={draft.fixedOrder} onChange={(e) => set('fixedOrder', e.target.checked)} />
              {t('bank.editor.fixedOrder')}
            </label>
            <div className="field">
              <label htmlFor="q-explanation">{t('bank.editor.explanation')}</label>
              <textarea
                id="q-explanation"
                rows={3}
                maxLength={10_000}
                value={draft.explanation}
                onChange={(e) => set('explanation', e.target.value)}
              />
            </div>
            <div className="grid-form">
              <div className="field">
                <label htmlFor="q-tags">{t('bank.editor.tags')}</label>
                <input id="q-tags" value={draft.tags} onChange={(e) => set('tags', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="q-title">{t('bank.editor.titleField')}</label>
                <input
                  id="q-title"
                  maxLength={255}
                  value={draft.title}
                  onChange={(e) => set('title', e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="q-external">{t('bank.editor.externalId')}</label>
                <input
                  id="q-external"
                  maxLength={100}
                  value={draft.externalId}
                  onChange={(e) => set('externalId', e.target.value)}
                />
              </div>
            </div>
            {question && (
              <div className="field">
                <label htmlFor="q-reason">{t('bank.editor.reason')}</label>
                <input
                  id="q-reason"
                  maxLength={500}
                  value={draft.reason}
                  onChange={(e) => set('reason', e.target.value)}
                />
              </div>
            )}
          </fieldset>
          <BankErrorAlert error={error} />
          {canEdit && (
            <div className="toolbar">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {question ? t('bank.editor.save') : t('bank.editor.create')}
              </button>
            </div>
          )}
        </form>
        <div className="bank-editor-side">
          <QuestionPreview
            question={{
              type: draft.type,
              stem: draft.stem,
              options: draft.options,
              explanation: draft.explanation,
              points: parsePercent(draft.points),
            }}
          />
          {question && <QuestionStats questionId={question.id} />}
          {question?.versions && (
            <section className="panel" aria-labelledby="versions-title">
              <h2 id="versions-title">{t('bank.versions.title')}</h2>
              <ol className="bank-versions" reversed>
                {question.versions.map((v) => (
                  <li key={v.id} data-testid={`version-${v.version}`}>
                    <strong>{t('bank.versions.item', { version: v.version })}</strong>{' '}
                    <span className="muted">
                      {new Date(v.createdAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}
                    </span>{' '}
                    {v.id === question.current.id && <span className="badge">{t('bank.versions.current')}</span>}{' '}
                    {v.used && <span className="badge badge-muted">{t('bank.versions.used')}</span>}
                    <div className="bank-version-stem">{v.stem.length > 160 ? `${v.stem.slice(0, 160)}…` : v.stem}</div>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      </div>
    </section>
  );
}
