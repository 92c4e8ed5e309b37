import { useI18n } from '../i18n/i18n-context.js';

/** Tells the candidate the network is down and that answers are kept; says how many wait to be sent. */
export function OfflineBanner({ online, pending }: { online: boolean; pending: number }) {
  const { t } = useI18n();
  if (online && pending === 0) return null;
  return (
    <div className={online ? 'banner banner-info' : 'banner banner-offline'} role="alert" data-testid="offline-banner">
      {!online && <p>{t('exam.offline')}</p>}
      {online && <p>{t('exam.backOnline')}</p>}
      {pending > 0 && <p className="banner-count">{t('exam.pending', { count: pending })}</p>}
    </div>
  );
}
