import { attemptDeadline, remainingMs, windowState } from './deadline.js';

const t = (hhmmss: string): Date => new Date(`2026-05-10T${hhmmss}.000Z`);

describe('attemptDeadline', () => {
  it.each([
    ['duration alone', t('08:00:00'), 3600, 0, t('12:00:00'), t('09:00:00')],
    ['duration plus extra time', t('08:00:00'), 3600, 900, t('12:00:00'), t('09:15:00')],
    ['window close cuts a late start', t('11:30:00'), 3600, 0, t('12:00:00'), t('12:00:00')],
    ['window close cuts extra time too', t('10:50:00'), 3600, 600, t('12:00:00'), t('12:00:00')],
    ['negative extra time is ignored', t('08:00:00'), 60, -30, t('12:00:00'), t('08:01:00')],
  ])('%s', (_name, start, duration, extra, closes, expected) => {
    expect(attemptDeadline(start, duration, extra, closes)).toEqual(expected);
  });
});

describe('remainingMs and windowState', () => {
  it.each([
    [t('09:00:00'), t('08:59:00'), 60_000],
    [t('09:00:00'), t('09:00:00'), 0],
    [t('09:00:00'), t('09:10:00'), 0],
  ])('deadline %s at %s leaves %s ms', (deadline, now, ms) => {
    expect(remainingMs(deadline, now)).toBe(ms);
  });

  it.each([
    [t('07:59:59'), 'not_open'],
    [t('08:00:00'), 'open'],
    [t('11:59:59'), 'open'],
    [t('12:00:00'), 'closed'],
  ])('window 08:00–12:00 at %s is %s', (now, state) => {
    expect(windowState(t('08:00:00'), t('12:00:00'), now)).toBe(state);
  });
});
