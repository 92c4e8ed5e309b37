import { useI18n } from '../i18n/i18n-context.js';
import type { SaveState } from './outbox.js';

const ICON: Record<SaveState, string> = { saved: '✓', saving: '…', queued: '○', error: '!', rejected: '!' };

/** The save state of one answer: "đã lưu", "đang lưu", "chờ gửi", "lỗi, thử lại". */
export function SaveBadge({ state, onRetry }: { state: SaveState | null; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!state) return null;
  const key = state === 'rejected' ? 'error' : state;
  return (
    <span className={`save-badge save-${key}`} role="status" data-testid="save-state" data-state={state}>
      <span aria-hidden="true">{ICON[state]}</span> {t(`exam.save.${key}`)}
      {state === 'rejected' && onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </span>
  );
}
