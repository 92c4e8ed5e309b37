import { Link, useParams } from 'react-router-dom';
import { bankApi, issuedCodes } from '../../api/bank-api.js';
import { useResource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert } from '../../ui/error-alert.js';
import { formatWindow } from './sessions-page.js';
import '../../styles/bank.css';

/**
 * Access-code slips to print and hand out, one per candidate: the session, the candidate number,
 * the code and where to enter it. The codes exist only in this tab's memory (the server keeps only
 * their hashes and tells each code once), so the page says so and offers to print at once.
 */
export function SlipsPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const session = useResource((signal) => bankApi.session(id, signal), [id]);
  const { user } = useAuth();
  const kept = issuedCodes.of(id, user?.id);
  const address = `${window.location.origin}/thi`;
  return (
    <section aria-labelledby="slips-title" className="bank slips-page">
      <div className="slips-screen-only">
        <p>
          <Link to={`/sessions/${id}`}>← {session.data?.name ?? t('sessions.title')}</Link>
        </p>
        <h1 id="slips-title">{t('slips.title')}</h1>
        <ErrorAlert error={session.error} onRetry={session.reload} />
        {!kept && (
          <p className="alert alert-info" role="status">
            {t('slips.none')}
          </p>
        )}
        {kept && (
          <>
            <p className="alert alert-info" role="note">
              {t('slips.once', { count: kept.codes.length })}
            </p>
            <div className="toolbar">
              <button type="button" className="btn btn-primary" onClick={() => window.print()}>
                {t('slips.print')}
              </button>
            </div>
          </>
        )}
      </div>
      {kept && session.data && (
        <ol className="slips" aria-label={t('slips.title')}>
          {kept.codes.map((c) => (
            <li key={c.candidateId} className="slip" data-testid="slip">
              <p className="slip-session">{session.data!.name}</p>
              <p className="slip-window">{formatWindow(session.data!.opensAt, session.data!.closesAt, lang)}</p>
              <dl>
                <div>
                  <dt>{t('candidate.number')}</dt>
                  <dd className="mono slip-number">{c.candidateNumber}</dd>
                </div>
                <div>
                  <dt>{t('users.fullName')}</dt>
                  <dd>{c.fullName}</dd>
                </div>
                <div>
                  <dt>{t('candidate.accessCode')}</dt>
                  <dd className="mono slip-code" data-testid="slip-code">
                    {c.accessCode}
                  </dd>
                </div>
              </dl>
              <p className="slip-address">
                {t('slips.enterAt')} <strong className="mono">{address}</strong>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
