import { Fragment } from 'react';
import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/require-role.js';
import { PlayerPage } from '../pages/contest/player-page.js';
import { ProjectorPage } from '../pages/contest/projector-page.js';
import '../styles/contest.css';
import { lazyPage } from './lazy-page.js';

const ContestPage = lazyPage(() => import('../pages/contest/contest-page.js'), 'ContestPage');
const ContestsPage = lazyPage(() => import('../pages/contest/contests-page.js'), 'ContestsPage');
const HostPage = lazyPage(() => import('../pages/contest/host-page.js'), 'HostPage');

const STAFF = ['admin', 'organizer'] as const;

/**
 * The routes of the contest builder, host console, player and projector. Called as a function inside <Routes> in app.tsx
 * (react-router reads Fragment children), so each area owns its routes. The player (`/join`) and the
 * projector (view-only token in the address) need no account.
 */
export function contestRoutes() {
  return (
    <Fragment key="contest">
      <Route
        path="/contests"
        element={
          <RequireRole roles={STAFF}>
            <ContestsPage />
          </RequireRole>
        }
      />
      <Route
        path="/contests/:contestId"
        element={
          <RequireRole roles={STAFF}>
            <ContestPage />
          </RequireRole>
        }
      />
      <Route
        path="/contests/:contestId/sessions/:sessionId/host"
        element={
          <RequireRole roles={STAFF}>
            <HostPage />
          </RequireRole>
        }
      />
      <Route path="/join" element={<PlayerPage />} />
      <Route path="/projector/:sessionId" element={<ProjectorPage />} />
    </Fragment>
  );
}
