/** Session PINs: 6 digits, not starting with 0 (so they read and type well), unique among live sessions. */
export const PIN_LENGTH = 6;

/**
 * Draws PINs from `random` (a function returning [0, 1)) until one is not taken; gives up after
 * `attempts` draws (null) so a nearly full space cannot loop forever.
 */
export function generatePin(random: () => number, isTaken: (pin: string) => boolean, attempts = 50): string | null {
  for (let i = 0; i < attempts; i++) {
    const pin = String(100000 + Math.floor(random() * 900000));
    if (!isTaken(pin)) return pin;
  }
  return null;
}

/** Whether a PIN still admits players at `now`. */
export function pinUsable(session: { pinExpiresAt: Date; ended: boolean }, now: Date): boolean {
  return !session.ended && session.pinExpiresAt.getTime() > now.getTime();
}
