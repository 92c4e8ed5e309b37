import { Link, useParams } from 'react-router-dom';
import { formatDuration, onlineApi, type OnlineResultView } from '../../api/online-api.js';
import { useResource } from '../../api/use-resource.js';
import { formatDateTime } from '../../exam-kit/format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';

/** /online/:contestId/results — the official's finished attempts and the one that counts. */
export function OnlineResultsPage() {
  const { t } = useI18n();
  const { contestId } = useParams();
  const results = useResource((signal) => onlineApi.results(Number(contestId), signal), [contestId]);
  const r = results.data;
  return (
    <section aria-labelledby="online-result-title">
      <h1 id="online-result-title">
        {t('online.result.title')}
        {r ? `: ${r.contestTitle}` : ''}
      </h1>
      {results.loading && <p role="status">{t('app.loading')}</p>}
      {results.missing ? <NotAvailable /> : <ErrorAlert error={results.error} onRetry={results.reload} />}
      {r && !r.best && <p>{t('online.result.none')}</p>}
      {r?.best && (
        <div className="panel" data-testid="online-best">
          <h2>{t('online.result.best')}</h2>
          <p>
            {t('online.result.score')}:{' '}
            <strong data-testid="online-best-score">
              {r.best.score}/{r.best.maxScore}
            </strong>
          </p>
          <p>
            {t('online.result.correct')}: {r.best.correctCount}/{r.best.questionCount}
          </p>
          <p>
            {t('online.result.time')}: {formatDuration(r.best.durationMs)}
          </p>
          <p>
            {t('online.result.prediction')}: {r.best.prediction ?? '—'}
          </p>
          <p className="muted">{t('online.result.keyLater')}</p>
        </div>
      )}
      {r && r.attempts.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('online.result.attempt')}</th>
                <th scope="col">{t('online.result.score')}</th>
                <th scope="col">{t('online.result.correct')}</th>
                <th scope="col">{t('online.result.time')}</th>
                <th scope="col">{t('online.result.state')}</th>
              </tr>
            </thead>
            <tbody>
              {r.attempts.map((a: OnlineResultView) => (
                <tr key={a.attemptId}>
                  <td data-label={t('online.result.attempt')}>
                    {a.number} <span className="muted">({formatDateTime(a.finishedAt)})</span>
                  </td>
                  <td data-label={t('online.result.score')}>{a.score}</td>
                  <td data-label={t('online.result.correct')}>
                    {a.correctCount}/{a.questionCount}
                  </td>
                  <td data-label={t('online.result.time')}>{formatDuration(a.durationMs)}</td>
                  <td data-label={t('online.result.state')}>
                    {a.state === 'expired' ? t('online.result.expired') : t('online.result.submitted')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="toolbar">
        {r && r.attemptsLeft > 0 && (
          <Link className="btn btn-primary" to={`/online/${r.contestId}/play`}>
            {t('online.result.again')}
          </Link>
        )}
        <Link className="btn" to="/online">
          {t('online.result.back')}
        </Link>
      </p>
    </section>
  );
}
