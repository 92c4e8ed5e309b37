import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { RoundType } from '@protocol';
import {
  contestApi,
  ROUND_TYPES,
  type BankQuestionSummary,
  type ContestQuestion,
  type ContestRound,
  type ContestTree,
  type NewQuestion,
  type RoundSettings,
} from '../../api/contest-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { hostedSessions, rememberHosted } from '../../live/contest-storage.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';
import { ContestSettingsForm } from './contests-page.js';

const OPTION_KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** `/contests/:id`: the rounds and their questions, forms to add them (own or from the bank), and the live session. */
export function ContestPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { contestId } = useParams();
  const id = Number(contestId);
  const tree = useResource((signal) => contestApi.tree(id, signal), [id]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const s = await contestApi.startSession(id);
      rememberHosted({ contestId: id, ...s, startedAt: new Date().toISOString() });
      void navigate(`/contests/${id}/sessions/${s.sessionId}/host`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (tree.missing) return <NotAvailable />;
  if (!tree.data) return <ErrorAlert error={tree.error} onRetry={tree.reload} />;
  const { contest, rounds, questions } = tree.data;
  const playable = questions.length > 0;
  const sessions = hostedSessions().filter((s) => s.contestId === id);

  return (
    <section>
      <p>
        <Link to="/contests">← {t('contest.builder.title')}</Link>
      </p>
      <h1>{contest.title}</h1>
      <p className="muted">
        {t(`contest.mode.${contest.mode}`)} · {t(`contest.teamScoring.${contest.teamScoring}`)} ·{' '}
        {t('contest.builder.tieBreak')}: {contest.tieBreak.map((k) => t(`contest.tieBreak.${k}`)).join(' → ') || '—'}
      </p>

      <details className="panel">
        <summary>{t('contest.builder.editContest')}</summary>
        <ContestSettingsForm
          idPrefix="ce"
          initial={{
            title: contest.title,
            mode: contest.mode,
            teamScoring: contest.teamScoring,
            tieBreak: contest.tieBreak,
          }}
          submitLabel={t('contest.builder.save')}
          onSave={async (settings) => {
            await contestApi.update(id, settings);
            tree.reload();
          }}
        />
      </details>

      <div className="panel contest-live-box">
        <h2>{t('contest.builder.live')}</h2>
        <ErrorAlert error={error} />
        {!playable && <p className="muted">{t('contest.builder.needQuestions')}</p>}
        <button
          type="button"
          className="btn btn-primary btn-large"
          disabled={busy || !playable}
          onClick={() => void start()}
        >
          {t('contest.builder.openSession')}
        </button>
        {sessions.length > 0 && (
          <ul className="hosted-list">
            {sessions.map((s) => (
              <li key={s.sessionId}>
                <Link to={`/contests/${id}/sessions/${s.sessionId}/host`}>
                  {t('contest.builder.sessionLink', { pin: s.pin, id: s.sessionId })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>

      <h2>{t('contest.builder.rounds')}</h2>
      {rounds.length === 0 && <p className="muted">{t('contest.builder.noRounds')}</p>}
      <ol className="round-list">
        {rounds.map((r) => (
          <RoundPanel key={r.id} contestId={id} round={r} tree={tree.data!} onChange={tree.reload} />
        ))}
      </ol>
      <AddRoundForm contestId={id} onAdded={tree.reload} />
      <p className="muted">{t('contest.builder.frozenHint')}</p>
    </section>
  );
}

function settingsSummary(t: ReturnType<typeof useI18n>['t'], r: ContestRound): string {
  const s = r.settings;
  switch (r.type) {
    case 'speed':
      return [
        s.scoring === 'fixed' ? t('contest.settings.fixed') : t('contest.settings.bySpeed'),
        s.streakBonus ? t('contest.settings.streakSummary', { bonus: s.streakBonus, cap: s.streakCap ?? 5 }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
    case 'buzzer':
      return t('contest.settings.buzzerSummary', {
        plus: s.plus ?? 10,
        minus: s.minus ?? 5,
        sec: s.answerSeconds ?? 3,
      });
    case 'elimination':
      return t('contest.settings.eliminationSummary');
    case 'judged':
      return s.judgeMethod === 'trimmed_mean'
        ? t('contest.settings.trimmedSummary', { trim: s.trim ?? 1 })
        : t('contest.settings.meanSummary');
  }
}

/** A button that asks once more before it acts ("Xóa" → "Xóa thật?"). */
function ConfirmButton({
  label,
  confirm,
  onConfirm,
}: {
  label: string;
  confirm: string;
  onConfirm: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!asking) {
    return (
      <button type="button" className="btn btn-small" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="host-confirm" role="group" aria-label={confirm}>
      <span>{confirm}</span>
      <button
        type="button"
        className="btn btn-small btn-primary"
        onClick={() => void onConfirm().catch((err: unknown) => setError(err))}
      >
        {t('contest.builder.yesDelete')}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
        {t('contest.host.endNo')}
      </button>
      <ErrorAlert error={error} />
    </span>
  );
}

function RoundPanel({
  contestId,
  round,
  tree,
  onChange,
}: {
  contestId: number;
  round: ContestRound;
  tree: ContestTree;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const qs = tree.questions.filter((q) => q.roundId === round.id);
  return (
    <li className="panel round-panel">
      <h3>
        {round.title} <span className="badge badge-type">{t(`contest.roundType.${round.type}`)}</span>
        {round.settings.suddenDeath && <span className="badge badge-muted">{t('contest.settings.suddenDeath')}</span>}
      </h3>
      <p className="muted">{settingsSummary(t, round)}</p>
      <div className="toolbar">
        <button type="button" className="btn btn-small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {t('contest.builder.editRound')}
        </button>
        <ConfirmButton
          label={t('contest.builder.deleteRound')}
          confirm={t('contest.builder.deleteRoundConfirm', { title: round.title, n: qs.length })}
          onConfirm={async () => {
            await contestApi.deleteRound(contestId, round.id);
            onChange();
          }}
        />
      </div>
      {editing && (
        <RoundForm
          idPrefix={`re${round.id}`}
          initialTitle={round.title}
          initialType={round.type}
          initialSettings={round.settings}
          fixedType
          submitLabel={t('contest.builder.save')}
          onSave={async (title, _type, settings) => {
            await contestApi.updateRound(contestId, round.id, { title, settings });
            setEditing(false);
            onChange();
          }}
        />
      )}
      {round.type === 'judged' ? (
        <p className="muted">{t('contest.builder.judgedHint')}</p>
      ) : (
        <>
          <ol className="question-list">
            {qs.map((q) => (
              <QuestionItem key={q.id} contestId={contestId} question={q} onChange={onChange} />
            ))}
          </ol>
          {qs.length === 0 && <p className="muted">{t('contest.builder.noQuestions')}</p>}
          <details className="subpanel">
            <summary>{t('contest.builder.addQuestion')}</summary>
            <QuestionForm
              idPrefix={`q${round.id}`}
              submitLabel={t('contest.builder.saveQuestion')}
              onSave={async (q) => {
                await contestApi.addQuestion(contestId, round.id, q);
                onChange();
              }}
            />
          </details>
          <BankImport contestId={contestId} round={round} onAdded={onChange} />
        </>
      )}
    </li>
  );
}

function QuestionItem({
  contestId,
  question: q,
  onChange,
}: {
  contestId: number;
  question: ContestQuestion;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <li className="question-item">
      <div className="question-line">
        <span>
          {q.text}{' '}
          <span className="muted">
            {t('contest.builder.questionFacts', {
              key: q.correctKey.toUpperCase(),
              points: q.points,
              sec: q.timeLimitSec,
            })}
            {q.bankVersionId !== null && ` · ${t('contest.builder.fromBank')}`}
          </span>
        </span>
        <span className="question-actions">
          <button
            type="button"
            className="btn btn-small btn-quiet"
            aria-expanded={editing}
            aria-label={t('contest.builder.editQuestionN', { n: q.position })}
            onClick={() => setEditing((e) => !e)}
          >
            {t('contest.builder.edit')}
          </button>
          <ConfirmButton
            label={t('contest.builder.delete')}
            confirm={t('contest.builder.deleteQuestionConfirm', { n: q.position })}
            onConfirm={async () => {
              await contestApi.deleteQuestion(contestId, q.roundId, q.id);
              onChange();
            }}
          />
        </span>
      </div>
      {editing && (
        <QuestionForm
          idPrefix={`qe${q.id}`}
          initial={q}
          submitLabel={t('contest.builder.save')}
          onSave={async (body) => {
            await contestApi.updateQuestion(contestId, q.roundId, q.id, body);
            setEditing(false);
            onChange();
          }}
        />
      )}
    </li>
  );
}

function AddRoundForm({ contestId, onAdded }: { contestId: number; onAdded: () => void }) {
  const { t } = useI18n();
  const [key, setKey] = useState(0);
  return (
    <details className="panel">
      <summary>{t('contest.builder.addRound')}</summary>
      <RoundForm
        key={key}
        idPrefix="r"
        initialTitle=""
        initialType="speed"
        initialSettings={{}}
        submitLabel={t('contest.builder.addRound')}
        onSave={async (title, type, settings) => {
          await contestApi.addRound(contestId, { title, type, settings });
          setKey((k) => k + 1);
          onAdded();
        }}
      />
    </details>
  );
}

/** A round's title, type (fixed once created) and the settings its type reads. */
function RoundForm({
  idPrefix,
  initialTitle,
  initialType,
  initialSettings,
  fixedType,
  submitLabel,
  onSave,
}: {
  idPrefix: string;
  initialTitle: string;
  initialType: RoundType;
  initialSettings: RoundSettings;
  fixedType?: boolean;
  submitLabel: string;
  onSave: (title: string, type: RoundType, settings: RoundSettings) => Promise<void>;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(initialTitle);
  const [type, setType] = useState<RoundType>(initialType);
  const i = initialSettings;
  const [s, setS] = useState({
    scoring: i.scoring ?? 'speed',
    streakBonus: String(i.streakBonus ?? 0),
    streakCap: String(i.streakCap ?? 5),
    answerSeconds: String(i.answerSeconds ?? 3),
    plus: String(i.plus ?? 10),
    minus: String(i.minus ?? 5),
    judgeMethod: i.judgeMethod ?? 'mean',
    trim: String(i.trim ?? 1),
    suddenDeath: i.suddenDeath ?? false,
  });
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    const settings: RoundSettings =
      type === 'speed'
        ? { scoring: s.scoring, streakBonus: Number(s.streakBonus), streakCap: Number(s.streakCap) }
        : type === 'buzzer'
          ? { answerSeconds: Number(s.answerSeconds), plus: Number(s.plus), minus: Number(s.minus) }
          : type === 'judged'
            ? { judgeMethod: s.judgeMethod, trim: Number(s.trim) }
            : {};
    if (type !== 'judged') settings.suddenDeath = s.suddenDeath;
    try {
      await onSave(title.trim(), type, settings);
    } catch (err) {
      setError(err);
    }
  };
  const num = (
    k: 'streakBonus' | 'streakCap' | 'answerSeconds' | 'plus' | 'minus' | 'trim',
    label: string,
    min: number,
    max: number,
  ) => (
    <div className="field">
      <label htmlFor={`${idPrefix}-${k}`}>{label}</label>
      <input
        id={`${idPrefix}-${k}`}
        type="number"
        min={min}
        max={max}
        required
        value={s[k]}
        onChange={(e) => setS({ ...s, [k]: e.target.value })}
      />
    </div>
  );
  return (
    <form className="grid-form" onSubmit={(e) => void submit(e)}>
      <ErrorAlert error={error} />
      <div className="field">
        <label htmlFor={`${idPrefix}-title`}>{t('contest.builder.roundTitle')}</label>
        <input
          id={`${idPrefix}-title`}
          required
          maxLength={255}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-type`}>{t('contest.builder.roundType')}</label>
        <select
          id={`${idPrefix}-type`}
          value={type}
          disabled={fixedType}
          onChange={(e) => setType(e.target.value as RoundType)}
        >
          {ROUND_TYPES.map((rt) => (
            <option key={rt} value={rt}>
              {t(`contest.roundType.${rt}`)}
            </option>
          ))}
        </select>
      </div>
      {type === 'speed' && (
        <>
          <div className="field">
            <label htmlFor={`${idPrefix}-scoring`}>{t('contest.settings.scoring')}</label>
            <select
              id={`${idPrefix}-scoring`}
              value={s.scoring}
              onChange={(e) => setS({ ...s, scoring: e.target.value as 'speed' | 'fixed' })}
            >
              <option value="speed">{t('contest.settings.bySpeed')}</option>
              <option value="fixed">{t('contest.settings.fixed')}</option>
            </select>
          </div>
          {num('streakBonus', t('contest.settings.streakBonus'), 0, 10000)}
          {num('streakCap', t('contest.settings.streakCap'), 0, 100)}
        </>
      )}
      {type === 'buzzer' && (
        <>
          {num('answerSeconds', t('contest.settings.answerSeconds'), 1, 120)}
          {num('plus', t('contest.settings.plus'), 0, 10000)}
          {num('minus', t('contest.settings.minus'), 0, 10000)}
        </>
      )}
      {type === 'judged' && (
        <>
          <div className="field">
            <label htmlFor={`${idPrefix}-judge`}>{t('contest.settings.judgeMethod')}</label>
            <select
              id={`${idPrefix}-judge`}
              value={s.judgeMethod}
              onChange={(e) => setS({ ...s, judgeMethod: e.target.value as 'mean' | 'trimmed_mean' })}
            >
              <option value="mean">{t('contest.settings.mean')}</option>
              <option value="trimmed_mean">{t('contest.settings.trimmedMean')}</option>
            </select>
          </div>
          {s.judgeMethod === 'trimmed_mean' && num('trim', t('contest.settings.trim'), 0, 5)}
        </>
      )}
      {type !== 'judged' && (
        <label className="check">
          <input
            type="checkbox"
            checked={s.suddenDeath}
            onChange={(e) => setS({ ...s, suddenDeath: e.target.checked })}
          />
          {t('contest.settings.suddenDeathLong')}
        </label>
      )}
      <p className="muted field-wide">{t(`contest.roundHelp.${type}`)}</p>
      <div className="field">
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** A question with 2–6 options, the right one marked by a radio button, its points and seconds. */
function QuestionForm({
  idPrefix,
  initial,
  submitLabel,
  onSave,
}: {
  idPrefix: string;
  initial?: ContestQuestion;
  submitLabel: string;
  onSave: (q: NewQuestion) => Promise<void>;
}) {
  const { t } = useI18n();
  const fresh = (keep?: { points: string; timeLimitSec: string }) => ({
    text: initial?.text ?? '',
    options: initial ? initial.options.map((o) => o.text) : ['', '', '', ''],
    correctKey: initial?.correctKey ?? 'a',
    points: keep?.points ?? String(initial?.points ?? 1000),
    timeLimitSec: keep?.timeLimitSec ?? String(initial?.timeLimitSec ?? 20),
  });
  const [f, setF] = useState(fresh);
  const [error, setError] = useState<unknown>(null);
  const keys = initial ? initial.options.map((o) => o.key) : OPTION_KEYS;
  const keyAt = (i: number): string => keys[i] ?? OPTION_KEYS[i];
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    const options = f.options.map((text, i) => ({ key: keyAt(i), text: text.trim() })).filter((o) => o.text !== '');
    try {
      await onSave({
        text: f.text.trim(),
        options,
        correctKey: f.correctKey,
        points: Number(f.points),
        timeLimitSec: Number(f.timeLimitSec),
      });
      if (!initial) setF(fresh({ points: f.points, timeLimitSec: f.timeLimitSec }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <ErrorAlert error={error} />
      <div className="field">
        <label htmlFor={`${idPrefix}-text`}>{t('contest.builder.questionText')}</label>
        <textarea
          id={`${idPrefix}-text`}
          required
          maxLength={4000}
          rows={2}
          value={f.text}
          onChange={(e) => setF({ ...f, text: e.target.value })}
        />
      </div>
      <fieldset className="option-editor">
        <legend>{t('contest.builder.optionsLegend')}</legend>
        {f.options.map((text, i) => (
          <div key={keyAt(i)} className="option-row">
            <label className="check">
              <input
                type="radio"
                name={`${idPrefix}-correct`}
                checked={f.correctKey === keyAt(i)}
                onChange={() => setF({ ...f, correctKey: keyAt(i) })}
                aria-label={t('contest.builder.markCorrect', { key: keyAt(i).toUpperCase() })}
              />
              {keyAt(i).toUpperCase()}
            </label>
            <input
              aria-label={t('contest.builder.optionN', { key: keyAt(i).toUpperCase() })}
              maxLength={1000}
              required={i < 2}
              value={text}
              onChange={(e) => setF({ ...f, options: f.options.map((o, j) => (j === i ? e.target.value : o)) })}
            />
          </div>
        ))}
        {f.options.length < OPTION_KEYS.length && (
          <button type="button" className="btn btn-small" onClick={() => setF({ ...f, options: [...f.options, ''] })}>
            {t('contest.builder.moreOption')}
          </button>
        )}
      </fieldset>
      <div className="grid-form">
        <div className="field">
          <label htmlFor={`${idPrefix}-points`}>{t('contest.builder.points')}</label>
          <input
            id={`${idPrefix}-points`}
            type="number"
            min={0}
            max={100000}
            required
            value={f.points}
            onChange={(e) => setF({ ...f, points: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-time`}>{t('contest.builder.timeLimit')}</label>
          <input
            id={`${idPrefix}-time`}
            type="number"
            min={1}
            max={600}
            required
            value={f.timeLimitSec}
            onChange={(e) => setF({ ...f, timeLimitSec: e.target.value })}
          />
        </div>
        <div className="field">
          <button type="submit" className="btn btn-primary">
            {submitLabel}
          </button>
        </div>
      </div>
    </form>
  );
}

function BankImport({ contestId, round, onAdded }: { contestId: number; round: ContestRound; onAdded: () => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<BankQuestionSummary[] | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [points, setPoints] = useState('1000');
  const [time, setTime] = useState('20');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const prefix = `b${round.id}`;
  const search = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const page = await contestApi.searchBank(q.trim());
      setFound(page.items.filter((x) => x.type !== 'multiple'));
      setPicked([]);
    } catch (err) {
      setError(err);
    }
  };
  const importPicked = async (): Promise<void> => {
    setError(null);
    try {
      const versionIds = await Promise.all(picked.map((id) => contestApi.currentVersionId(id)));
      const added = await contestApi.importFromBank(contestId, round.id, {
        versionIds,
        points: Number(points),
        timeLimitSec: Number(time),
      });
      setDone(added.length);
      setPicked([]);
      onAdded();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="subpanel">
      <summary>{t('contest.builder.fromBankAdd')}</summary>
      <form className="toolbar" onSubmit={(e) => void search(e)} role="search">
        <label htmlFor={`${prefix}-q`} className="visually-hidden">
          {t('contest.builder.bankSearch')}
        </label>
        <input
          id={`${prefix}-q`}
          type="search"
          value={q}
          placeholder={t('contest.builder.bankSearch')}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="btn">
          {t('contest.builder.search')}
        </button>
      </form>
      <ErrorAlert error={error} />
      {done !== null && (
        <p role="status" className="alert alert-ok">
          {t('contest.builder.imported', { n: done })}
        </p>
      )}
      {found && found.length === 0 && <p className="muted">{t('contest.builder.bankNone')}</p>}
      {found && found.length > 0 && (
        <>
          <ul className="bank-pick">
            {found.map((b) => (
              <li key={b.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={picked.includes(b.id)}
                    onChange={() => setPicked((p) => (p.includes(b.id) ? p.filter((x) => x !== b.id) : [...p, b.id]))}
                  />
                  <span>
                    {b.stem} <span className="muted">({b.topicPath.join(' › ')})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div className="grid-form">
            <div className="field">
              <label htmlFor={`${prefix}-points`}>{t('contest.builder.points')}</label>
              <input
                id={`${prefix}-points`}
                type="number"
                min={0}
                max={100000}
                value={points}
                onChange={(e) => setPoints(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${prefix}-time`}>{t('contest.builder.timeLimit')}</label>
              <input
                id={`${prefix}-time`}
                type="number"
                min={1}
                max={600}
                value={time}
                onChange={(e) => setTime(e.target.value)}
              />
            </div>
            <div className="field">
              <button
                type="button"
                className="btn btn-primary"
                disabled={picked.length === 0}
                onClick={() => void importPicked()}
              >
                {t('contest.builder.importN', { n: picked.length })}
              </button>
            </div>
          </div>
        </>
      )}
    </details>
  );
}
