import { Link } from 'react-router-dom';
import { api } from '../api/api.js';
import { useResource } from '../api/use-resource.js';
import { formatDateTime } from '../exam-kit/format.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../ui/error-alert.js';

/** GET /api/exam/my/sessions: the sessions the caller is a candidate of (CandidateSessionView). */
interface MySession {
  candidate: { id: number; candidateNumber: string | null; fullName: string };
  session: {
    id: number;
    name: string;
    opensAt: string;
    closesAt: string;
    durationSeconds: number;
    parts: { name: string }[];
  };
}

const isOpen = (opensAt: string, closesAt: string, now = Date.now()): boolean =>
  Date.parse(opensAt) <= now && now < Date.parse(closesAt);

/** The test sessions of the logged-in official or candidate, with their time windows. */
export function MyTestsPage() {
  const { t } = useI18n();
  const mine = useResource((signal) => api.get<MySession[]>('/api/exam/my/sessions', { signal }), []);
  return (
    <section aria-labelledby="my-title">
      <h1 id="my-title">{t('myTests.title')}</h1>
      {mine.loading && <p role="status">{t('app.loading')}</p>}
      {mine.missing ? <NotAvailable /> : <ErrorAlert error={mine.error} onRetry={mine.reload} />}
      {mine.data && mine.data.length === 0 && <p>{t('myTests.empty')}</p>}
      {mine.data && mine.data.length > 0 && (
        <ul className="cards">
          {mine.data.map(({ candidate, session }) => (
            <li key={`${session.id}-${candidate.id}`} className="panel">
              <h2>{session.name}</h2>
              {candidate.candidateNumber && (
                <p>
                  {t('candidate.number')}: <strong className="mono">{candidate.candidateNumber}</strong>
                </p>
              )}
              <p>
                {t('myTests.window', {
                  opens: formatDateTime(session.opensAt),
                  closes: formatDateTime(session.closesAt),
                })}
              </p>
              <p>{t('myTests.duration', { minutes: Math.round(session.durationSeconds / 60) })}</p>
              {session.parts.length > 1 && (
                <p>{t('myTests.parts', { parts: session.parts.map((p) => p.name).join(', ') })}</p>
              )}
              {isOpen(session.opensAt, session.closesAt) ? (
                <Link className="btn btn-primary btn-large" to={`/thi/phien/${session.id}`}>
                  {t('myTests.start')}
                </Link>
              ) : (
                <p className="muted">{t('myTests.notOpen')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
