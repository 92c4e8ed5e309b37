import { useI18n } from '../i18n/i18n-context.js';
import type { SaveState } from './outbox.js';

export interface NavigatorItem {
  answered: boolean;
  flagged: boolean;
  save?: SaveState | null;
}

/** One button per question: answered, flagged and unsaved at a glance, and spoken in each button's name. */
export function QuestionNavigator({
  items,
  current,
  onSelect,
}: {
  items: readonly NavigatorItem[];
  current: number;
  onSelect: (index: number) => void;
}) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('exam.navigator')} className="qnav">
      <ol>
        {items.map((q, i) => {
          const parts = [
            t('exam.question', { n: i + 1 }),
            q.answered ? t('exam.answered') : t('exam.notAnswered'),
            ...(q.flagged ? [t('exam.flagged')] : []),
            ...(q.save && q.save !== 'saved' ? [t(`exam.save.${q.save === 'rejected' ? 'error' : q.save}`)] : []),
          ];
          const cls = [
            'qnav-btn',
            q.answered ? 'is-answered' : '',
            q.flagged ? 'is-flagged' : '',
            q.save === 'error' || q.save === 'rejected' ? 'is-error' : '',
            q.save === 'queued' || q.save === 'saving' ? 'is-pending' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={i}>
              <button
                type="button"
                className={cls}
                aria-current={i === current ? 'step' : undefined}
                aria-label={parts.join(', ')}
                onClick={() => onSelect(i)}
              >
                {i + 1}
                {q.flagged && (
                  <span className="qnav-flag" aria-hidden="true">
                    ⚑
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
