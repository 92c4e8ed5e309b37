import { useLocation, useParams } from 'react-router-dom';
import { examApi, type ReviewView } from '../api/exam-api.js';
import { useResource } from '../api/use-resource.js';
import { formatDateTime } from '../exam-kit/format.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ErrorAlert } from '../ui/error-alert.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRST';
const num = (n: number): string => String(Math.round(n * 100) / 100);

/** /thi/ket-qua/:attemptId — the result as far as the session's review policy allows. */
export function ResultPage() {
  const { t } = useI18n();
  const { attemptId } = useParams();
  const given = (useLocation().state as { review?: ReviewView } | null)?.review;
  const fetched = useResource(
    (signal) => (given ? Promise.resolve(given) : examApi.review(Number(attemptId), signal)),
    [attemptId],
  );
  const r = fetched.data;
  return (
    <section aria-labelledby="result-title">
      <h1 id="result-title">{t('result.title')}</h1>
      <p className="alert alert-ok" role="status">
        {t('exam.submitted')}
      </p>
      {fetched.loading && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={fetched.error} onRetry={fetched.reload} />
      {r && r.shows === 'none' && <p>{t('result.hidden')}</p>}
      {r && r.score !== undefined && r.maxScore !== undefined && (
        <div className="panel result-score">
          <p className="score" data-testid="score">
            {t('result.score', { score: num(r.score), max: num(r.maxScore) })}
          </p>
          {r.passed !== undefined && (
            <p className={r.passed ? 'pass' : 'fail'}>{r.passed ? t('result.passed') : t('result.failed')}</p>
          )}
          {r.parts && r.parts.length > 1 && (
            <ul>
              {r.parts.map((p) => (
                <li key={p.name}>
                  {t('result.partScore', { name: p.name, score: num(p.score), max: num(p.maxScore) })} —{' '}
                  {p.passed ? t('result.passed') : t('result.failed')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {r && r.availableAt && r.shows !== 'score_and_answers' && (
        <p className="muted">{t('result.availableAt', { time: formatDateTime(r.availableAt) })}</p>
      )}
      {r?.items && (
        <ol className="review-list">
          {r.items.map((it) => (
            <li key={it.index} className="panel">
              <p>
                <strong>{it.stem}</strong> <span className="badge">{`${num(it.score)}/${num(it.points)}`}</span>
              </p>
              <ul className="review-options">
                {it.options.map((o, i) => (
                  <li key={o.key} className={o.correct ? 'is-correct' : it.chosen.includes(o.key) ? 'is-wrong' : ''}>
                    {LETTERS[i]}. {o.text}
                    {it.chosen.includes(o.key) && <em> — {t('result.yourAnswer')}</em>}
                    {o.correct && <strong> ✓ {t('result.correct')}</strong>}
                  </li>
                ))}
              </ul>
              {it.chosen.length === 0 && <p className="muted">{t('result.noAnswer')}</p>}
              {it.explanation && (
                <p>
                  <strong>{t('result.explanation')}:</strong> {it.explanation}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
