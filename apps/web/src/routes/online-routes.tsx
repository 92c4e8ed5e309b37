import { Fragment } from 'react';
import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/require-role.js';
import { OnlineListPage } from '../pages/online/online-list-page.js';
import { OnlinePlayPage } from '../pages/online/online-play-page.js';
import { OnlineResultsPage } from '../pages/online/online-results-page.js';
import { lazyPage } from './lazy-page.js';

const OnlineManagePage = lazyPage(() => import('../pages/online/online-manage-page.js'), 'OnlineManagePage');
const OnlineRankingsPage = lazyPage(() => import('../pages/online/online-rankings-page.js'), 'OnlineRankingsPage');

/**
 * The routes of the online contest (played over days or weeks). Called as a function inside
 * <Routes> in app.tsx (react-router reads Fragment children), so each area owns its routes.
 */
export function onlineRoutes() {
  return (
    <Fragment key="online">
      <Route
        path="/online"
        element={
          <RequireRole roles={['official']}>
            <OnlineListPage />
          </RequireRole>
        }
      />
      <Route
        path="/online/:contestId/play"
        element={
          <RequireRole roles={['official']}>
            <OnlinePlayPage />
          </RequireRole>
        }
      />
      <Route
        path="/online/:contestId/results"
        element={
          <RequireRole roles={['official']}>
            <OnlineResultsPage />
          </RequireRole>
        }
      />
      <Route
        path="/online/manage"
        element={
          <RequireRole roles={['admin', 'organizer', 'inspector']}>
            <OnlineManagePage />
          </RequireRole>
        }
      />
      <Route
        path="/online/manage/:contestId"
        element={
          <RequireRole roles={['admin', 'organizer', 'inspector']}>
            <OnlineRankingsPage />
          </RequireRole>
        }
      />
    </Fragment>
  );
}
