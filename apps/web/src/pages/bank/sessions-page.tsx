import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  REVIEW_SHOWS,
  REVIEW_WHEN,
  SESSION_PURPOSES,
  type ReviewShows,
  type ReviewWhen,
  type SessionPurpose,
} from '@bank-views';
import { bankApi, type TestTemplate } from '../../api/bank-api.js';
import { flattenTree, orgApi } from '../../api/org-api.js';
import { useResource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { BankErrorAlert } from '../../ui/bank-error-alert.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';
import { fromLocalInput, partCount, toLocalInput } from './bank-forms.js';
import '../../styles/bank.css';

/** "27/11/2026 08:00 – 10:00" in the reader's language. */
export function formatWindow(opensAt: string, closesAt: string, lang: 'vi' | 'en'): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const a = new Date(opensAt);
  const b = new Date(closesAt);
  const time = (d: Date): string => d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date): string => d.toLocaleDateString(locale);
  return day(a) === day(b) ? `${day(a)} ${time(a)} – ${time(b)}` : `${day(a)} ${time(a)} – ${day(b)} ${time(b)}`;
}

function NewSessionForm({ templates }: { templates: TestTemplate[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const start = new Date(Date.now() + 3600_000);
  start.setMinutes(0, 0, 0);
  const [form, setForm] = useState({
    templateId: templates[0] ? String(templates[0].id) : '',
    name: '',
    purpose: 'inspection' as SessionPurpose,
    agencyId: '',
    jobPosition: '',
    quota: '',
    opensAt: toLocalInput(start),
    closesAt: toLocalInput(new Date(start.getTime() + 2 * 3600_000)),
    minutes: '60',
    reviewShows: 'score' as ReviewShows,
    reviewWhen: 'after_close' as ReviewWhen,
  });
  const agencies = useResource((signal) => orgApi.agencyTree(false, signal), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await bankApi.createSession({
        templateId: Number(form.templateId),
        name: form.name.trim(),
        purpose: form.purpose,
        agencyId: form.purpose === 'inspection' && form.agencyId ? Number(form.agencyId) : undefined,
        jobPosition: form.purpose === 'recruitment' ? form.jobPosition.trim() : undefined,
        quota: form.purpose === 'recruitment' && form.quota ? Number(form.quota) : undefined,
        opensAt: fromLocalInput(form.opensAt) ?? '',
        closesAt: fromLocalInput(form.closesAt) ?? '',
        durationSeconds: Math.round(Number(form.minutes) * 60),
        reviewShows: form.reviewShows,
        reviewWhen: form.reviewWhen,
      });
      void navigate(`/sessions/${created.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  if (templates.length === 0) return <p>{t('sessions.needTemplate')}</p>;
  return (
    <form className="grid-form" onSubmit={(e) => void submit(e)} aria-label={t('sessions.create')}>
      <BankErrorAlert error={error} />
      <div className="field">
        <label htmlFor="s-template">{t('sessions.template')}</label>
        <select id="s-template" required value={form.templateId} onChange={set('templateId')}>
          {templates.map((tp) => (
            <option key={tp.id} value={tp.id}>
              {tp.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="s-name">{t('sessions.name')}</label>
        <input id="s-name" required maxLength={255} value={form.name} onChange={set('name')} />
      </div>
      <div className="field">
        <label htmlFor="s-purpose">{t('sessions.purpose')}</label>
        <select id="s-purpose" value={form.purpose} onChange={set('purpose')}>
          {SESSION_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(`sessions.purpose.${p}`)}
            </option>
          ))}
        </select>
      </div>
      {form.purpose === 'inspection' && (
        <div className="field">
          <label htmlFor="s-agency">{t('sessions.agency')}</label>
          <select id="s-agency" required value={form.agencyId} onChange={set('agencyId')}>
            <option value="">{t('agencies.choose')}</option>
            {(agencies.data ? flattenTree(agencies.data) : []).map(({ agency, level }) => (
              <option key={agency.id} value={agency.id}>
                {'\u00a0\u00a0'.repeat(level)}
                {agency.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {form.purpose === 'recruitment' && (
        <>
          <div className="field">
            <label htmlFor="s-position">{t('sessions.jobPosition')}</label>
            <input id="s-position" required maxLength={255} value={form.jobPosition} onChange={set('jobPosition')} />
          </div>
          <div className="field">
            <label htmlFor="s-quota">{t('sessions.quota')}</label>
            <input id="s-quota" type="number" min={0} required value={form.quota} onChange={set('quota')} />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="s-opens">{t('sessions.opensAt')}</label>
        <input id="s-opens" type="datetime-local" required value={form.opensAt} onChange={set('opensAt')} />
      </div>
      <div className="field">
        <label htmlFor="s-closes">{t('sessions.closesAt')}</label>
        <input id="s-closes" type="datetime-local" required value={form.closesAt} onChange={set('closesAt')} />
      </div>
      <div className="field">
        <label htmlFor="s-minutes">{t('sessions.minutes')}</label>
        <input
          id="s-minutes"
          type="number"
          min={1}
          max={1440}
          required
          value={form.minutes}
          onChange={set('minutes')}
        />
      </div>
      <div className="field">
        <label htmlFor="s-shows">{t('sessions.reviewShows')}</label>
        <select id="s-shows" value={form.reviewShows} onChange={set('reviewShows')}>
          {REVIEW_SHOWS.map((r) => (
            <option key={r} value={r}>
              {t(`sessions.reviewShows.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="s-when">{t('sessions.reviewWhen')}</label>
        <select id="s-when" value={form.reviewWhen} onChange={set('reviewWhen')}>
          {REVIEW_WHEN.map((r) => (
            <option key={r} value={r}>
              {t(`sessions.reviewWhen.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('sessions.create')}
        </button>
      </div>
    </form>
  );
}

/** Test templates and sessions: the lists, and a new session from a template. */
export function SessionsPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const canDesign = user?.role === 'admin' || user?.role === 'organizer';
  const [page, setPage] = useState(1);
  const sessions = useResource((signal) => bankApi.sessions(page, signal), [page]);
  const templates = useResource((signal) => bankApi.templates(signal), []);
  const pages = sessions.data ? Math.max(1, Math.ceil(sessions.data.total / sessions.data.pageSize)) : 1;

  if (sessions.missing) {
    return (
      <section aria-labelledby="sessions-title">
        <h1 id="sessions-title">{t('sessions.title')}</h1>
        <NotAvailable />
      </section>
    );
  }
  return (
    <section aria-labelledby="sessions-title" className="bank">
      <h1 id="sessions-title">{t('sessions.title')}</h1>
      <h2>{t('sessions.list')}</h2>
      {sessions.loading && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={sessions.error} onRetry={sessions.reload} />
      {sessions.data && sessions.data.items.length === 0 && <p>{t('sessions.empty')}</p>}
      {sessions.data && sessions.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('sessions.name')}</th>
                <th scope="col">{t('sessions.purpose')}</th>
                <th scope="col">{t('sessions.window')}</th>
                <th scope="col">{t('sessions.minutes')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.items.map((s) => (
                <tr key={s.id}>
                  <td data-label={t('sessions.name')}>
                    <Link to={`/sessions/${s.id}`}>{s.name}</Link>
                  </td>
                  <td data-label={t('sessions.purpose')}>{t(`sessions.purpose.${s.purpose}`)}</td>
                  <td data-label={t('sessions.window')}>{formatWindow(s.opensAt, s.closesAt, lang)}</td>
                  <td data-label={t('sessions.minutes')}>{Math.round(s.durationSeconds / 60)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('users.page', { page, pages })}>
          <button type="button" className="btn" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('users.prev')}
          </button>
          <span>{t('users.page', { page, pages })}</span>
          <button type="button" className="btn" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('users.next')}
          </button>
        </nav>
      )}
      <details className="panel">
        <summary>{t('sessions.create')}</summary>
        {templates.data && <NewSessionForm templates={templates.data.items} />}
        <ErrorAlert error={templates.error} onRetry={templates.reload} />
      </details>

      <h2>{t('templates.title')}</h2>
      {canDesign && (
        <p>
          <Link className="btn" to="/sessions/templates/new">
            {t('templates.new')}
          </Link>
        </p>
      )}
      {templates.data && templates.data.items.length === 0 && <p>{t('templates.empty')}</p>}
      {templates.data && templates.data.items.length > 0 && (
        <ul className="bank-template-list">
          {templates.data.items.map((tp) => (
            <li key={tp.id} className="panel">
              {canDesign ? <Link to={`/sessions/templates/${tp.id}`}>{tp.name}</Link> : <strong>{tp.name}</strong>}
              <span className="muted">
                {' '}
                · {t(`templates.navigation.${tp.navigation}`)} · {t('templates.passMark', { percent: tp.passPercent })}
              </span>
              <ul>
                {tp.parts.map((p, i) => (
                  <li key={i}>
                    {p.name}: {t('templates.partSummary', { rules: p.rules.length, count: partCount(p.rules) })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
