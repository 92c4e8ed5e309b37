import { Fragment, lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/require-role.js';
import { ROLES, type Role } from '../auth/roles.js';
import { useI18n } from '../i18n/i18n-context.js';

// Loaded on first visit, so chart.js and these screens stay out of the bundle candidates download.
const DashboardPage = lazy(async () => ({
  default: (await import('../pages/inspector/dashboard-page.js')).DashboardPage,
}));
const ScorecardsPage = lazy(async () => ({
  default: (await import('../pages/inspector/scorecards-page.js')).ScorecardsPage,
}));
const ScorecardPage = lazy(async () => ({
  default: (await import('../pages/inspector/scorecard-page.js')).ScorecardPage,
}));
const RankingPage = lazy(async () => ({ default: (await import('../pages/inspector/ranking-page.js')).RankingPage }));
const SchemesPage = lazy(async () => ({ default: (await import('../pages/inspector/schemes-page.js')).SchemesPage }));
const SchemePage = lazy(async () => ({ default: (await import('../pages/inspector/schemes-page.js')).SchemePage }));
const SchemeNewPage = lazy(async () => ({
  default: (await import('../pages/inspector/schemes-page.js')).SchemeNewPage,
}));

function Loading() {
  const { t } = useI18n();
  return <p role="status">{t('app.loading')}</p>;
}

const guarded = (roles: readonly Role[], page: ReactNode) => (
  <RequireRole roles={roles}>
    <Suspense fallback={<Loading />}>{page}</Suspense>
  </RequireRole>
);

const STAFF: readonly Role[] = ['admin', 'inspector'];
const SCORERS: readonly Role[] = ['admin', 'inspector', 'agency_officer'];

/**
 * The routes of the inspector dashboard, scorecards, schemes and ranking. Called as a function inside <Routes> in app.tsx
 * (react-router reads Fragment children), so each area owns its routes.
 */
export function inspectorRoutes() {
  return (
    <Fragment key="inspector">
      <Route path="/dashboard" element={guarded(STAFF, <DashboardPage />)} />
      <Route path="/scorecards" element={guarded(SCORERS, <ScorecardsPage />)} />
      <Route path="/scorecards/:id" element={guarded(SCORERS, <ScorecardPage />)} />
      <Route path="/ranking" element={guarded(ROLES, <RankingPage />)} />
      <Route path="/schemes" element={guarded(STAFF, <SchemesPage />)} />
      <Route path="/schemes/new" element={guarded(['admin'], <SchemeNewPage />)} />
      <Route path="/schemes/:id" element={guarded(STAFF, <SchemePage />)} />
    </Fragment>
  );
}
