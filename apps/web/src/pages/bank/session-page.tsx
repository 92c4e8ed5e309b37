import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { REVIEW_SHOWS, REVIEW_WHEN, type ReviewShows, type ReviewWhen } from '@bank-views';
import { bankApi, type ExamSession } from '../../api/bank-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert } from '../../ui/error-alert.js';
import { fromLocalInput, toLocalInput } from './bank-forms.js';
import { Candidates } from './session-candidates.js';
import { Results } from './session-results.js';
import { formatWindow } from './sessions-page.js';
import '../../styles/bank.css';

function SessionSettingsForm({ session, onSaved }: { session: ExamSession; onSaved: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    name: session.name,
    opensAt: toLocalInput(session.opensAt),
    closesAt: toLocalInput(session.closesAt),
    reviewShows: session.reviewShows,
    reviewWhen: session.reviewWhen,
  });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await bankApi.updateSession(session.id, {
        name: form.name.trim(),
        opensAt: fromLocalInput(form.opensAt) ?? undefined,
        closesAt: fromLocalInput(form.closesAt) ?? undefined,
        reviewShows: form.reviewShows as ReviewShows,
        reviewWhen: form.reviewWhen as ReviewWhen,
      });
      setDone(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="grid-form" onSubmit={(e) => void submit(e)} aria-label={t('session.settings')}>
      <ErrorAlert error={error} />
      <div className="field">
        <label htmlFor="e-name">{t('sessions.name')}</label>
        <input id="e-name" required maxLength={255} value={form.name} onChange={set('name')} />
      </div>
      <div className="field">
        <label htmlFor="e-opens">{t('sessions.opensAt')}</label>
        <input id="e-opens" type="datetime-local" required value={form.opensAt} onChange={set('opensAt')} />
      </div>
      <div className="field">
        <label htmlFor="e-closes">{t('sessions.closesAt')}</label>
        <input id="e-closes" type="datetime-local" required value={form.closesAt} onChange={set('closesAt')} />
      </div>
      <div className="field">
        <label htmlFor="e-shows">{t('sessions.reviewShows')}</label>
        <select id="e-shows" value={form.reviewShows} onChange={set('reviewShows')}>
          {REVIEW_SHOWS.map((r) => (
            <option key={r} value={r}>
              {t(`sessions.reviewShows.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="e-when">{t('sessions.reviewWhen')}</label>
        <select id="e-when" value={form.reviewWhen} onChange={set('reviewWhen')}>
          {REVIEW_WHEN.map((r) => (
            <option key={r} value={r}>
              {t(`sessions.reviewWhen.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-actions">
        <button type="submit" className="btn btn-primary">
          {t('app.save')}
        </button>
      </div>
      {done && (
        <p className="alert alert-ok" role="status">
          {t('session.settingsSaved')}
        </p>
      )}
    </form>
  );
}

export function SessionPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const session = useResource((signal) => bankApi.session(id, signal), [id]);
  const s = session.data;
  return (
    <section aria-labelledby="session-title" className="bank">
      <p>
        <Link to="/sessions">← {t('sessions.title')}</Link>
      </p>
      <h1 id="session-title">{s ? s.name : t('sessions.title')}</h1>
      {session.loading && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={session.error} onRetry={session.reload} />
      {s && (
        <>
          <dl className="bank-summary">
            <div>
              <dt>{t('sessions.purpose')}</dt>
              <dd>
                {t(`sessions.purpose.${s.purpose}`)}
                {s.jobPosition ? ` · ${s.jobPosition} (${t('sessions.quota')}: ${s.quota ?? 0})` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('sessions.window')}</dt>
              <dd>{formatWindow(s.opensAt, s.closesAt, lang)}</dd>
            </div>
            <div>
              <dt>{t('sessions.minutes')}</dt>
              <dd>{Math.round(s.durationSeconds / 60)}</dd>
            </div>
            <div>
              <dt>{t('sessions.review')}</dt>
              <dd>
                {t(`sessions.reviewShows.${s.reviewShows}`)}, {t(`sessions.reviewWhen.${s.reviewWhen}`)}
              </dd>
            </div>
            <div>
              <dt>{t('session.parts')}</dt>
              <dd>
                {s.settings.parts.map((p) => p.name).join(' · ')} ({t(`templates.navigation.${s.settings.navigation}`)},{' '}
                {t('templates.passMark', { percent: s.settings.passPercent })})
              </dd>
            </div>
          </dl>
          <details className="panel">
            <summary>{t('session.settings')}</summary>
            <SessionSettingsForm session={s} onSaved={session.reload} />
          </details>
          <Candidates session={s} />
          <Results session={s} />
        </>
      )}
    </section>
  );
}
