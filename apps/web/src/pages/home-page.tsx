import { Link } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.js';
import { navFor } from '../auth/roles.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Each role's start page: the screens it may open, and those still to come. */
export function HomePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  if (!user) return null;
  const items = navFor(user.role).filter((n) => n.path !== '/');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.welcome', { name: user.fullName })}</h1>
      <p className="muted">
        {t(`role.${user.role}`)} · {t('home.intro')}
      </p>
      <ul className="tiles">
        {items.map((n) => (
          <li key={n.path}>
            {n.ready ? (
              <Link className="tile" to={n.path}>
                {t(n.label)}
              </Link>
            ) : (
              <span className="tile tile-waiting" aria-disabled="true">
                {t(n.label)} <small>({t('home.waiting')})</small>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
