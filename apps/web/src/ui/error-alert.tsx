import { ApiError } from '../api/api-error.js';
import { useI18n } from '../i18n/i18n-context.js';

/** A failed call as the user reads it: the translated code, then each refused field. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, errorMessage } = useI18n();
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <div role="alert" className="alert alert-error">
      <p>{errorMessage(error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>{t('error.field', { field: f.field, messages: f.messages.join('; ') })}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

/** Shown where a screen's API is not on the server yet. */
export function NotAvailable() {
  const { t } = useI18n();
  return (
    <p className="alert alert-info" role="status">
      {t('app.notAvailable')}
    </p>
  );
}
