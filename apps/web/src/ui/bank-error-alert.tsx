import { ApiError } from '../api/api-error.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ErrorAlert } from './error-alert.js';

/**
 * ErrorAlert plus what the bank's refusals carry in `details`: each rule a question breaks
 * (QUESTION_INVALID, the server's own words) and which part and rule of a template the bank cannot
 * fill (TEMPLATE_NOT_DRAWABLE).
 */
export function BankErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError)) return <ErrorAlert error={error} />;
  const d = (error.details ?? {}) as {
    problems?: unknown;
    part?: number;
    rule?: number;
    wanted?: number;
    available?: number;
  };
  const problems = Array.isArray(d.problems) ? d.problems.filter((p): p is string => typeof p === 'string') : [];
  return (
    <>
      <ErrorAlert error={error} />
      {error.code === 'QUESTION_INVALID' && problems.length > 0 && (
        <ul className="bank-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {error.code === 'TEMPLATE_NOT_DRAWABLE' && typeof d.part === 'number' && typeof d.rule === 'number' && (
        <p className="alert alert-error">
          {t('sessions.notDrawable', {
            part: d.part + 1,
            rule: d.rule + 1,
            wanted: d.wanted ?? '?',
            available: d.available ?? '?',
          })}
        </p>
      )}
    </>
  );
}
