import { Fragment } from 'react';

/**
 * The routes of the question bank, templates, sessions and access-code slips. Called as a function inside <Routes> in app.tsx
 * (react-router reads Fragment children), so each area owns its routes.
 */
export function bankRoutes() {
  return <Fragment key="bank"></Fragment>;
}
