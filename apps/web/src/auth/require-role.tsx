import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n/i18n-context.js';
import { useAuth } from './auth-context.js';
import { canOpen, type Role } from './roles.js';

/**
 * A route only logged-in users of the given roles may open: others are sent to the login page (and
 * brought back after), or told they may not.
 */
export function RequireRole({
  roles,
  children,
  loginPath = '/login',
}: {
  roles: readonly Role[];
  children: ReactNode;
  /** Where a stranger is sent: the account login, or the candidate entry for test pages. */
  loginPath?: string;
}) {
  const { user } = useAuth();
  const location = useLocation();
  const { t } = useI18n();
  if (!user) return <Navigate to={loginPath} replace state={{ from: location.pathname + location.search }} />;
  if (!canOpen(user.role, roles)) {
    return (
      <section aria-labelledby="forbidden-title" className="panel">
        <h1 id="forbidden-title">{t('forbidden.title')}</h1>
        <p>{t('forbidden.text')}</p>
      </section>
    );
  }
  return <>{children}</>;
}
