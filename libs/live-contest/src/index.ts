export { LiveContestModule } from './live-contest.module.js';

export const liveContestEntities = [];
export const liveContestMigrations = [];
