import type { Browser, Page } from 'playwright-core';

/**
 * What each area's screenshot module gets: the running demo server, the admin's API token, the
 * demo accounts' passwords (printed once by the seed), and helpers to log in and to shoot.
 * An area module exports `async function <area>Shots(kit: ShotKit): Promise<void>` and is listed
 * in AREAS in main.ts; it opens its own contexts for both VIEWPORTS.
 */
export interface ShotKit {
  browser: Browser;
  url: string;
  adminToken: string;
  viewports: readonly { name: 'phone' | 'pc'; width: number; height: number }[];
  /** A demo account's password from the seed's output, or null when the seed did not print it. */
  demoPassword(username: string): string | null;
  logIn(page: Page, username: string, password: string): Promise<void>;
  /** JSON over HTTP with a bearer token; throws on a non-2xx answer. */
  call<T>(token: string, method: string, path: string, body?: unknown): Promise<T>;
  /** Writes docs/screenshots/<name>-<viewport>.png. */
  shoot(page: Page, name: string, viewport: string, fullPage?: boolean): Promise<void>;
}
