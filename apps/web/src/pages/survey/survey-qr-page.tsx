import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api/api.js';
import type { SurveyVisit } from '../../api/survey-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert } from '../../ui/error-alert.js';
import { SurveyForm } from '../../ui/survey-form.js';

/**
 * /khao-sat/:code — what a respondent's phone opens from the desk's printed QR code. No account:
 * the page load asks for a one-visit token, the send spends it. Reloading gives a fresh visit.
 */
export function SurveyQrPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const [sent, setSent] = useState(false);
  const visit = useResource(
    (signal) =>
      api.post<SurveyVisit>(`/api/survey/public/desks/${encodeURIComponent(code)}/visit`, undefined, { signal }),
    [code],
  );
  return (
    <section aria-labelledby="survey-title" className="survey-page">
      <h1 id="survey-title">{visit.data?.form.title ?? t('survey.title')}</h1>
      {visit.loading && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={visit.error} onRetry={visit.reload} />
      {sent ? (
        <div className="panel survey-thanks" role="status">
          <h2>{t('survey.thanks')}</h2>
          <p>{t('survey.thanksQr')}</p>
        </div>
      ) : (
        visit.data && <SurveyForm visit={visit.data} onSent={() => setSent(true)} />
      )}
    </section>
  );
}
