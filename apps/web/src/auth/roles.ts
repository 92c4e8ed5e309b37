import type { MessageKey } from '../i18n/messages.js';

/** The roles the server knows (libs/platform Role), as the strings its API sends. */
export type Role = 'admin' | 'organizer' | 'inspector' | 'agency_officer' | 'official';
export const ROLES: readonly Role[] = ['admin', 'organizer', 'inspector', 'agency_officer', 'official'];

export interface NavItem {
  path: string;
  label: MessageKey;
  roles: readonly Role[];
  /** False while the screen waits for its API: shown in the home page as "coming soon", not linked. */
  ready: boolean;
}

/**
 * Every screen in the navigation, with who may open it. The server checks roles again on every
 * call; this only keeps people from being sent to screens that would refuse them.
 */
export const NAV: readonly NavItem[] = [
  { path: '/', label: 'nav.home', roles: ROLES, ready: true },
  { path: '/admin/agencies', label: 'nav.agencies', roles: ['admin', 'organizer', 'inspector'], ready: true },
  { path: '/admin/users', label: 'nav.users', roles: ['admin'], ready: true },
  { path: '/bank', label: 'nav.bank', roles: ['admin', 'organizer'], ready: true },
  { path: '/sessions', label: 'nav.sessions', roles: ['admin', 'organizer', 'inspector'], ready: true },
  { path: '/contests', label: 'nav.contests', roles: ['admin', 'organizer'], ready: true },
  { path: '/dashboard', label: 'nav.dashboard', roles: ['admin', 'inspector'], ready: true },
  { path: '/scorecards', label: 'nav.scorecards', roles: ['admin', 'inspector', 'agency_officer'], ready: true },
  { path: '/schemes', label: 'nav.schemes', roles: ['admin', 'inspector'], ready: true },
  { path: '/ranking', label: 'nav.ranking', roles: ROLES, ready: true },
  { path: '/my-tests', label: 'nav.myTests', roles: ['official', 'agency_officer'], ready: true },
  { path: '/online', label: 'nav.online', roles: ['official'], ready: true },
  { path: '/online/manage', label: 'nav.onlineManage', roles: ['admin', 'organizer', 'inspector'], ready: true },
  { path: '/join', label: 'nav.join', roles: ROLES, ready: true },
  { path: '/survey/results', label: 'nav.surveyResults', roles: ['admin', 'inspector', 'agency_officer'], ready: true },
  { path: '/survey/desks', label: 'nav.surveyDesks', roles: ['admin', 'organizer'], ready: true },
];

export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

export const canOpen = (role: Role, roles: readonly Role[]): boolean => roles.includes(role);

/** The navigation a role sees, in menu order. */
export const navFor = (role: Role): NavItem[] => NAV.filter((n) => canOpen(role, n.roles));
