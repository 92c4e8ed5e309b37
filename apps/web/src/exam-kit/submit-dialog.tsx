import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

/**
 * Confirmation before submitting: how many answered, unanswered, flagged and not yet sent. A native
 * modal <dialog>, so focus stays inside and Escape cancels; "keep working" has the initial focus.
 */
export function SubmitDialog({
  open,
  total,
  answered,
  flagged,
  pending,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  total: number;
  answered: number;
  flagged: number;
  pending: number;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="submit-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="submit-title">{t('exam.confirmTitle')}</h2>
      <p>{t('exam.confirmSummary', { answered, total })}</p>
      {total - answered > 0 && <p className="warn">{t('exam.confirmUnanswered', { count: total - answered })}</p>}
      {flagged > 0 && <p>{t('exam.confirmFlagged', { count: flagged })}</p>}
      {pending > 0 && <p className="warn">{t('exam.confirmPending', { count: pending })}</p>}
      <div className="dialog-actions">
        <button type="button" className="btn" autoFocus onClick={onCancel}>
          {t('exam.confirmNo')}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onConfirm}>
          {t('exam.confirmYes')}
        </button>
      </div>
    </dialog>
  );
}
