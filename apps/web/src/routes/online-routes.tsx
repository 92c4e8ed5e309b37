import { Fragment } from 'react';

/**
 * The routes of the online contest (played over days or weeks). Called as a function inside
 * <Routes> in app.tsx (react-router reads Fragment children), so each area owns its routes.
 */
export function onlineRoutes() {
  return <Fragment key="online"></Fragment>;
}
