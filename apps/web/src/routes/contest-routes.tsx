import { Fragment } from 'react';

/**
 * The routes of the contest builder, host console, player and projector. Called as a function inside <Routes> in app.tsx
 * (react-router reads Fragment children), so each area owns its routes.
 */
export function contestRoutes() {
  return <Fragment key="contest"></Fragment>;
}
