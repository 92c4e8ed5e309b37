import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  contestApi,
  TIE_BREAK_KEYS,
  type ContestMode,
  type TeamScoring,
  type TieBreakKey,
} from '../../api/contest-api.js';
import { useResource } from '../../api/use-resource.js';
import { formatDateTime } from '../../exam-kit/format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';

export interface ContestSettings {
  title: string;
  mode: ContestMode;
  teamScoring: TeamScoring;
  tieBreak: TieBreakKey[];
}

/** Title, mode, agency scoring and the tie-break chain (in the order ticked): for a new contest and for edits. */
export function ContestSettingsForm({
  initial,
  submitLabel,
  onSave,
  idPrefix,
}: {
  initial: ContestSettings;
  submitLabel: string;
  onSave: (s: ContestSettings) => Promise<void>;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [f, setF] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({ ...f, title: f.title.trim() });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const toggleTie = (k: TieBreakKey): void =>
    setF((cur) => ({
      ...cur,
      tieBreak: cur.tieBreak.includes(k) ? cur.tieBreak.filter((x) => x !== k) : [...cur.tieBreak, k],
    }));
  return (
    <form className="grid-form" onSubmit={(e) => void submit(e)}>
      <ErrorAlert error={error} />
      <div className="field field-wide">
        <label htmlFor={`${idPrefix}-title`}>{t('contest.builder.contestTitle')}</label>
        <input
          id={`${idPrefix}-title`}
          required
          minLength={3}
          maxLength={255}
          value={f.title}
          placeholder={t('contest.builder.titleExample')}
          onChange={(e) => setF({ ...f, title: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-mode`}>{t('contest.builder.mode')}</label>
        <select
          id={`${idPrefix}-mode`}
          value={f.mode}
          onChange={(e) => setF({ ...f, mode: e.target.value as ContestMode })}
        >
          <option value="team">{t('contest.mode.team')}</option>
          <option value="individual">{t('contest.mode.individual')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-scoring`}>{t('contest.builder.teamScoring')}</label>
        <select
          id={`${idPrefix}-scoring`}
          value={f.teamScoring}
          onChange={(e) => setF({ ...f, teamScoring: e.target.value as TeamScoring })}
        >
          <option value="sum">{t('contest.teamScoring.sum')}</option>
          <option value="mean">{t('contest.teamScoring.mean')}</option>
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('contest.builder.tieBreak')}</legend>
        {TIE_BREAK_KEYS.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={f.tieBreak.includes(k)} onChange={() => toggleTie(k)} />
            {t(`contest.tieBreak.${k}`)}
            {f.tieBreak.includes(k) && <span className="badge">{f.tieBreak.indexOf(k) + 1}</span>}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** `/contests`: the organizer's contests and a form to create one. */
export function ContestsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useResource((signal) => contestApi.list(signal), []);

  return (
    <section>
      <h1>{t('contest.builder.title')}</h1>
      <details className="panel" open={list.data?.length === 0 || undefined}>
        <summary>{t('contest.builder.new')}</summary>
        <ContestSettingsForm
          idPrefix="c"
          initial={{ title: '', mode: 'team', teamScoring: 'sum', tieBreak: ['correct_time', 'sudden_death'] }}
          submitLabel={t('contest.builder.create')}
          onSave={async (s) => {
            const c = await contestApi.create(s);
            void navigate(`/contests/${c.id}`);
          }}
        />
      </details>

      {list.missing ? <NotAvailable /> : <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && list.data.length === 0 && <p className="muted">{t('contest.builder.none')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="cards contest-cards">
          {list.data.map((c) => (
            <li key={c.id} className="panel contest-card">
              <h2>
                <Link to={`/contests/${c.id}`}>{c.title}</Link>
              </h2>
              <p className="muted">
                {t(`contest.mode.${c.mode}`)} · {t(`contest.teamScoring.${c.teamScoring}`)} ·{' '}
                {formatDateTime(c.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
