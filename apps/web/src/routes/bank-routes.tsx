import { Fragment, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/require-role.js';
import type { Role } from '../auth/roles.js';
import { lazyPage } from './lazy-page.js';

const BankPage = lazyPage(() => import('../pages/bank/bank-page.js'), 'BankPage');
const QuestionEditorPage = lazyPage(() => import('../pages/bank/question-editor-page.js'), 'QuestionEditorPage');
const SessionPage = lazyPage(() => import('../pages/bank/session-page.js'), 'SessionPage');
const SessionsPage = lazyPage(() => import('../pages/bank/sessions-page.js'), 'SessionsPage');
const SlipsPage = lazyPage(() => import('../pages/bank/slips-page.js'), 'SlipsPage');
const TemplateEditorPage = lazyPage(() => import('../pages/bank/template-editor-page.js'), 'TemplateEditorPage');

/** Who writes the bank and designs templates; sessions are also run by inspectors (as the API allows). */
const EDITORS: readonly Role[] = ['admin', 'organizer'];
const SESSION_STAFF: readonly Role[] = ['admin', 'organizer', 'inspector'];

const guarded = (path: string, roles: readonly Role[], element: ReactNode) => (
  <Route key={path} path={path} element={<RequireRole roles={roles}>{element}</RequireRole>} />
);

/**
 * The routes of the question bank, templates, sessions and access-code slips. Called as a function inside <Routes> in app.tsx
 * (react-router reads Fragment children), so each area owns its routes.
 */
export function bankRoutes() {
  return (
    <Fragment key="bank">
      {guarded('/bank', EDITORS, <BankPage />)}
      {guarded('/bank/questions/new', EDITORS, <QuestionEditorPage />)}
      {guarded('/bank/questions/:id', EDITORS, <QuestionEditorPage />)}
      {guarded('/sessions', SESSION_STAFF, <SessionsPage />)}
      {guarded('/sessions/templates/new', EDITORS, <TemplateEditorPage />)}
      {guarded('/sessions/templates/:id', EDITORS, <TemplateEditorPage />)}
      {guarded('/sessions/:id', SESSION_STAFF, <SessionPage />)}
      {guarded('/sessions/:id/slips', SESSION_STAFF, <SlipsPage />)}
    </Fragment>
  );
}
