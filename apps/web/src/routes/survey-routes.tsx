import { Fragment } from 'react';

/**
 * The routes of the survey kiosk, QR pages and survey results. Called as a function inside <Routes> in app.tsx
 * (react-router reads Fragment children), so each area owns its routes.
 */
export function surveyRoutes() {
  return <Fragment key="survey"></Fragment>;
}
