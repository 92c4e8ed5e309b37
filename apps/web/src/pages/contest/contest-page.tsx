import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { RoundType } from '@protocol';
import {
  contestApi,
  ROUND_TYPES,
  type BankQuestionSummary,
  type ContestRound,
  type ContestTree,
  type RoundSettings,
} from '../../api/contest-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { hostedSessions, rememberHosted } from '../../live/contest-storage.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';

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
      <p className="muted">{t('contest.builder.noEditing')}</p>
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
  const qs = tree.questions.filter((q) => q.roundId === round.id);
  return (
    <li className="panel round-panel">
      <h3>
        {round.title} <span className="badge badge-type">{t(`contest.roundType.${round.type}`)}</span>
        {round.settings.suddenDeath && <span className="badge badge-muted">{t('contest.settings.suddenDeath')}</span>}
      </h3>
      <p className="muted">{settingsSummary(t, round)}</p>
      {round.type === 'judged' ? (
        <p className="muted">{t('contest.builder.judgedHint')}</p>
      ) : (
        <>
          <ol className="question-list">
            {qs.map((q) => (
              <li key={q.id}>
                <span>{q.text}</span>{' '}
                <span className="muted">
                  {t('contest.builder.questionFacts', {
                    key: q.correctKey.toUpperCase(),
                    points: q.points,
                    sec: q.timeLimitSec,
                  })}
                  {q.bankVersionId !== null && ` · ${t('contest.builder.fromBank')}`}
                </span>
              </li>
            ))}
          </ol>
          {qs.length === 0 && <p className="muted">{t('contest.builder.noQuestions')}</p>}
          <AddQuestionForm contestId={contestId} round={round} onAdded={onChange} />
          <BankImport contestId={contestId} round={round} onAdded={onChange} />
        </>
      )}
    </li>
  );
}

function AddRoundForm({ contestId, onAdded }: { contestId: number; onAdded: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<RoundType>('speed');
  const [s, setS] = useState({
    scoring: 'speed',
    streakBonus: '0',
    streakCap: '5',
    answerSeconds: '3',
    plus: '10',
    minus: '5',
    judgeMethod: 'mean',
    trim: '1',
    suddenDeath: false,
  });
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    const settings: RoundSettings =
      type === 'speed'
        ? {
            scoring: s.scoring as 'speed' | 'fixed',
            streakBonus: Number(s.streakBonus),
            streakCap: Number(s.streakCap),
          }
        : type === 'buzzer'
          ? { answerSeconds: Number(s.answerSeconds), plus: Number(s.plus), minus: Number(s.minus) }
          : type === 'judged'
            ? { judgeMethod: s.judgeMethod as 'mean' | 'trimmed_mean', trim: Number(s.trim) }
            : {};
    if (s.suddenDeath) settings.suddenDeath = true;
    try {
      await contestApi.addRound(contestId, { title: title.trim(), type, settings });
      setTitle('');
      onAdded();
    } catch (err) {
      setError(err);
    }
  };
  const num = (k: keyof typeof s, label: string, min: number, max: number) => (
    <div className="field">
      <label htmlFor={`r-${k}`}>{label}</label>
      <input
        id={`r-${k}`}
        type="number"
        min={min}
        max={max}
        required
        value={s[k] as string}
        onChange={(e) => setS({ ...s, [k]: e.target.value })}
      />
    </div>
  );
  return (
    <details className="panel">
      <summary>{t('contest.builder.addRound')}</summary>
      <form className="grid-form" onSubmit={(e) => void submit(e)}>
        <ErrorAlert error={error} />
        <div className="field">
          <label htmlFor="r-title">{t('contest.builder.roundTitle')}</label>
          <input id="r-title" required maxLength={255} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="r-type">{t('contest.builder.roundType')}</label>
          <select id="r-type" value={type} onChange={(e) => setType(e.target.value as RoundType)}>
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
              <label htmlFor="r-scoring">{t('contest.settings.scoring')}</label>
              <select id="r-scoring" value={s.scoring} onChange={(e) => setS({ ...s, scoring: e.target.value })}>
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
              <label htmlFor="r-judge">{t('contest.settings.judgeMethod')}</label>
              <select id="r-judge" value={s.judgeMethod} onChange={(e) => setS({ ...s, judgeMethod: e.target.value })}>
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
            {t('contest.builder.addRound')}
          </button>
        </div>
      </form>
    </details>
  );
}

function AddQuestionForm({
  contestId,
  round,
  onAdded,
}: {
  contestId: number;
  round: ContestRound;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const empty = { text: '', options: ['', '', '', ''], correctKey: 'a', points: '1000', timeLimitSec: '20' };
  const [f, setF] = useState(empty);
  const [error, setError] = useState<unknown>(null);
  const prefix = `q${round.id}`;
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    const options = f.options
      .map((text, i) => ({ key: OPTION_KEYS[i], text: text.trim() }))
      .filter((o) => o.text !== '');
    try {
      await contestApi.addQuestion(contestId, round.id, {
        text: f.text.trim(),
        options,
        correctKey: f.correctKey,
        points: Number(f.points),
        timeLimitSec: Number(f.timeLimitSec),
      });
      setF({ ...empty, points: f.points, timeLimitSec: f.timeLimitSec });
      onAdded();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="subpanel">
      <summary>{t('contest.builder.addQuestion')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <ErrorAlert error={error} />
        <div className="field">
          <label htmlFor={`${prefix}-text`}>{t('contest.builder.questionText')}</label>
          <textarea
            id={`${prefix}-text`}
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
            <div key={OPTION_KEYS[i]} className="option-row">
              <label className="check">
                <input
                  type="radio"
                  name={`${prefix}-correct`}
                  checked={f.correctKey === OPTION_KEYS[i]}
                  onChange={() => setF({ ...f, correctKey: OPTION_KEYS[i] })}
                  aria-label={t('contest.builder.markCorrect', { key: OPTION_KEYS[i].toUpperCase() })}
                />
                {OPTION_KEYS[i].toUpperCase()}
              </label>
              <input
                aria-label={t('contest.builder.optionN', { key: OPTION_KEYS[i].toUpperCase() })}
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
            <label htmlFor={`${prefix}-points`}>{t('contest.builder.points')}</label>
            <input
              id={`${prefix}-points`}
              type="number"
              min={0}
              max={100000}
              required
              value={f.points}
              onChange={(e) => setF({ ...f, points: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-time`}>{t('contest.builder.timeLimit')}</label>
            <input
              id={`${prefix}-time`}
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
              {t('contest.builder.saveQuestion')}
            </button>
          </div>
        </div>
      </form>
    </details>
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
