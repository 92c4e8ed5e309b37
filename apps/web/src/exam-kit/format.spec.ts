import { countdownLevel, formatCountdown, formatDateTime, shouldAnnounce } from './format.js';

describe('countdown display', () => {
  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [1, '0:01'],
    [999, '0:01'],
    [1000, '0:01'],
    [59_001, '1:00'],
    [60_000, '1:00'],
    [61_000, '1:01'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_661_000, '1:01:01'],
    [2 * 3_600_000 + 5000, '2:00:05'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });

  it.each([
    [10 * 60_000, 'normal'],
    [5 * 60_000 + 1, 'normal'],
    [5 * 60_000, 'warning'],
    [60_001, 'warning'],
    [60_000, 'critical'],
    [1, 'critical'],
    [0, 'over'],
  ])('%i ms left is %s', (ms, level) => {
    expect(countdownLevel(ms)).toBe(level);
  });

  it.each([
    [120_000, true],
    [119_000, false],
    [60_000, true],
    [50_000, true],
    [45_000, false],
    [0, true],
  ])('announces at %i ms: %s', (ms, yes) => {
    expect(shouldAnnounce(ms)).toBe(yes);
  });

  it.each([
    ['2026-01-02T03:04:00Z', '02/01/2026 10:04'],
    ['2026-01-02T18:30:00Z', '03/01/2026 01:30'], // past midnight in Vietnam
    ['2026-12-31T16:59:00Z', '31/12/2026 23:59'],
  ])('shows %s in Vietnam time as %s', (iso, text) => {
    expect(formatDateTime(iso)).toBe(text);
  });
});
