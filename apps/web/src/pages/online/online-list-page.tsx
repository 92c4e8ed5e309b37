import { Link } from 'react-router-dom';
import { formatDuration, onlineApi, type MyOnlineContest } from '../../api/online-api.js';
import { useResource } from '../../api/use-resource.js';
import { formatDateTime } from '../../exam-kit/format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';

/** /online — the online contests an official can take: open ones, coming ones, and recent results. */
export function OnlineListPage() {
  const { t } = useI18n();
  const mine = useResource((signal) => onlineApi.mine(signal), []);
  return (
    <section aria-labelledby="online-title">
      <h1 id="online-title">{t('online.title')}</h1>
      {mine.loading && <p role="status">{t('app.loading')}</p>}
      {mine.missing ? <NotAvailable /> : <ErrorAlert error={mine.error} onRetry={mine.reload} />}
      {mine.data && mine.data.length === 0 && <p>{t('online.empty')}</p>}
      {mine.data && mine.data.length > 0 && (
        <ul className="cards">
          {mine.data.map((item) => (
            <ContestCard key={item.contest.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ContestCard({ item }: { item: MyOnlineContest }) {
  const { t } = useI18n();
  const { contest: c, best } = item;
  return (
    <li className="panel" data-testid={`online-contest-${c.id}`}>
      <h2>{c.title}</h2>
      {c.description && <p>{c.description}</p>}
      <p>{t('online.window', { opens: formatDateTime(c.opensAt), closes: formatDateTime(c.closesAt) })}</p>
      <p>
        {t('online.format', {
          questions: c.questionCount,
          minutes: Math.round(c.timeLimitSec / 60),
          attempts: c.maxAttempts,
        })}
      </p>
      {best && (
        <p>
          <strong>
            {t('online.best', {
              score: best.score,
              max: best.maxScore,
              correct: best.correctCount,
              total: best.questionCount,
              time: formatDuration(best.durationMs),
            })}
          </strong>
        </p>
      )}
      {item.window === 'open' && item.inProgressAttemptId !== null && (
        <Link className="btn btn-primary btn-large" to={`/online/${c.id}/play`}>
          {t('online.resume')}
        </Link>
      )}
      {item.window === 'open' && item.inProgressAttemptId === null && item.attemptsLeft > 0 && (
        <>
          <p className="muted">{t('online.attemptsLeft', { n: item.attemptsLeft })}</p>
          <Link className="btn btn-primary btn-large" to={`/online/${c.id}/play`}>
            {t('online.start')}
          </Link>
        </>
      )}
      {item.window === 'open' && item.inProgressAttemptId === null && item.attemptsLeft === 0 && (
        <p className="muted">{t('online.noneLeft')}</p>
      )}
      {item.window === 'not_open' && <p className="muted">{t('online.notOpen')}</p>}
      {item.window === 'closed' && <p className="muted">{t('online.closed')}</p>}
      {item.attemptsUsed > 0 && (
        <p>
          <Link to={`/online/${c.id}/results`}>{t('online.seeResults')}</Link>
        </p>
      )}
    </li>
  );
}
