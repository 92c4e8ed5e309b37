import { Fragment } from 'react';

/**
 * The routes of the inspector dashboard, scorecards, schemes and ranking. Called as a function inside <Routes> in app.tsx
 * (react-router reads Fragment children), so each area owns its routes.
 */
export function inspectorRoutes() {
  return <Fragment key="inspector"></Fragment>;
}
