import { Fragment } from 'react';
import { Route } from 'react-router-dom';
import { RequireRole } from '../auth/require-role.js';
import { SurveyKioskPage } from '../pages/survey/survey-kiosk-page.js';
import { SurveyQrPage } from '../pages/survey/survey-qr-page.js';
import { lazyPage } from './lazy-page.js';

const SurveyResultsPage = lazyPage(() => import('../pages/survey/survey-results-page.js'), 'SurveyResultsPage');
const SurveyQrSheetPage = lazyPage(() => import('../pages/survey/survey-qr-sheet-page.js'), 'SurveyQrSheetPage');

/**
 * The routes of the survey kiosk, QR pages and survey results. Called as a function inside <Routes> in app.tsx
 * (react-router reads Fragment children), so each area owns its routes. The respondents' pages
 * (QR link, kiosk) need no account.
 */
export function surveyRoutes() {
  return (
    <Fragment key="survey">
      <Route path="/khao-sat/:code" element={<SurveyQrPage />} />
      <Route path="/khao-sat-tai-quay" element={<SurveyKioskPage />} />
      <Route
        path="/survey/desks"
        element={
          <RequireRole roles={['admin', 'organizer']}>
            <SurveyQrSheetPage />
          </RequireRole>
        }
      />
      <Route
        path="/survey/results"
        element={
          <RequireRole roles={['admin', 'inspector', 'agency_officer']}>
            <SurveyResultsPage />
          </RequireRole>
        }
      />
    </Fragment>
  );
}
