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
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDateTime } from '../../exam-kit/format.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';

/** `/contests`: the organizer's contests and a form to create one (mode, team scoring, tie-breaks). */
export function ContestsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useResource((signal) => contestApi.list(signal), []);
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<ContestMode>('team');
  const [teamScoring, setTeamScoring] = useState<TeamScoring>('sum');
  const [tieBreak, setTieBreak] = useState<TieBreakKey[]>(['correct_time', 'sudden_death']);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const create = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const c = await contestApi.create({ title: title.trim(), mode, teamScoring, tieBreak });
      void navigate(`/contests/${c.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const toggleTie = (k: TieBreakKey): void =>
    setTieBreak((cur) => (cur.includes(k) ? cur.filter((x) => x !== k) : [...cur, k]));

  return (
    <section>
      <h1>{t('contest.builder.title')}</h1>
      <details className="panel" open={list.data?.length === 0 || undefined}>
        <summary>{t('contest.builder.new')}</summary>
        <form className="grid-form" onSubmit={(e) => void create(e)}>
          <ErrorAlert error={error} />
          <div className="field field-wide">
            <label htmlFor="c-title">{t('contest.builder.contestTitle')}</label>
            <input
              id="c-title"
              required
              minLength={3}
              maxLength={255}
              value={title}
              placeholder={t('contest.builder.titleExample')}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="c-mode">{t('contest.builder.mode')}</label>
            <select id="c-mode" value={mode} onChange={(e) => setMode(e.target.value as ContestMode)}>
              <option value="team">{t('contest.mode.team')}</option>
              <option value="individual">{t('contest.mode.individual')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="c-scoring">{t('contest.builder.teamScoring')}</label>
            <select id="c-scoring" value={teamScoring} onChange={(e) => setTeamScoring(e.target.value as TeamScoring)}>
              <option value="sum">{t('contest.teamScoring.sum')}</option>
              <option value="mean">{t('contest.teamScoring.mean')}</option>
            </select>
          </div>
          <fieldset className="field">
            <legend>{t('contest.builder.tieBreak')}</legend>
            {TIE_BREAK_KEYS.map((k) => (
              <label key={k} className="check">
                <input type="checkbox" checked={tieBreak.includes(k)} onChange={() => toggleTie(k)} />
                {t(`contest.tieBreak.${k}`)}
                {tieBreak.includes(k) && <span className="badge">{tieBreak.indexOf(k) + 1}</span>}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('contest.builder.create')}
            </button>
          </div>
        </form>
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
