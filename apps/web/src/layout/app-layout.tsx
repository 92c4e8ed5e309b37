import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigationType } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.js';
import { navFor } from '../auth/roles.js';
import { useI18n } from '../i18n/i18n-context.js';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="btn btn-quiet"
      lang={other}
      aria-label={`${t('app.language')}: ${t('app.switchLanguage')}`}
      onClick={() => setLang(other)}
    >
      {t('app.switchLanguage')}
    </button>
  );
}

/**
 * The frame of every page: a skip link, the header with the role's navigation, the language switch
 * and logout, and the main region that takes focus on each navigation (so screen readers and
 * keyboard users start at the new content).
 */
export function AppLayout() {
  const { t } = useI18n();
  const { user, candidate, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navigationType = useNavigationType();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a link or back/forward (not the first load, not a redirect), focus moves to the new content.
  useEffect(() => {
    setMenuOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    if (navigationType !== 'REPLACE') main.current?.focus();
  }, [location.pathname, navigationType]);

  const items = user ? navFor(user.role).filter((n) => n.ready) : [];
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-row">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ★
            </span>
            <span className="brand-text">
              <strong>{t('app.name')}</strong>
              <span className="brand-sub">{t('app.title')}</span>
            </span>
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            {user && (
              <button
                type="button"
                className="btn btn-quiet menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="main-nav"
                onClick={() => setMenuOpen((o) => !o)}
              >
                ☰ <span className="visually-hidden">{t('nav.main')}</span>
              </button>
            )}
          </div>
        </div>
        {user && (
          <nav id="main-nav" aria-label={t('nav.main')} className={menuOpen ? 'main-nav open' : 'main-nav'}>
            <ul>
              {items.map((n) => (
                <li key={n.path}>
                  <NavLink to={n.path} end={n.path === '/'}>
                    {t(n.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="user-box">
              <span className="user-name">
                {t('auth.loggedInAs', { name: user.fullName, role: t(`role.${user.role}`) })}
              </span>
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => {
                  logout();
                  void navigate(candidate ? '/thi' : '/login');
                }}
              >
                {t('auth.logout')}
              </button>
            </div>
          </nav>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
