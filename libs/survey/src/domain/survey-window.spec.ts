import { windowProblems, windowsOverlap, windowState } from './survey-window.js';

const d = (iso: string): Date => new Date(iso);
const w = { opensAt: d('2026-11-01T00:00:00Z'), closesAt: d('2026-12-01T00:00:00Z'), active: true };

describe('windowState: a survey takes responses in [opensAt, closesAt) while active', () => {
  const cases: [string, Date, boolean, string][] = [
    ['before it opens', d('2026-10-31T23:59:59.999Z'), true, 'not_started'],
    ['at the opening instant', d('2026-11-01T00:00:00Z'), true, 'open'],
    ['inside', d('2026-11-15T00:00:00Z'), true, 'open'],
    ['the last millisecond', d('2026-11-30T23:59:59.999Z'), true, 'open'],
    ['at the closing instant', d('2026-12-01T00:00:00Z'), true, 'ended'],
    ['paused inside the window', d('2026-11-15T00:00:00Z'), false, 'paused'],
  ];
  it.each(cases)('%s', (_n, now, active, state) => expect(windowState({ ...w, active }, now)).toBe(state));
});

describe('windowProblems', () => {
  const cases: [string, string, string, string[]][] = [
    ['a month', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', []],
    ['closing before opening', '2026-12-01T00:00:00Z', '2026-11-01T00:00:00Z', ['closesAt must be after opensAt']],
    ['an empty window', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', ['closesAt must be after opensAt']],
    ['two years', '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z', ['a survey window is at most 400 days']],
    ['not a date', 'x', '2026-12-01T00:00:00Z', ['opensAt and closesAt must be dates']],
  ];
  it.each(cases)('%s', (_n, a, b, problems) => expect(windowProblems(d(a), d(b))).toEqual(problems));
});

describe('windowsOverlap: a desk is in one survey at a time', () => {
  const cases: [string, string, string, boolean][] = [
    ['the same window', '2026-11-01', '2026-12-01', true],
    ['one that starts when the other ends', '2026-12-01', '2027-01-01', false],
    ['one that ends when the other starts', '2026-10-01', '2026-11-01', false],
    ['one inside the other', '2026-11-10', '2026-11-20', true],
    ['one straddling the end', '2026-11-30', '2026-12-10', true],
  ];
  it.each(cases)('%s', (_n, a, b, overlap) => {
    const other = { opensAt: d(`${a}T00:00:00Z`), closesAt: d(`${b}T00:00:00Z`) };
    expect(windowsOverlap(w, other)).toBe(overlap);
    expect(windowsOverlap(other, w)).toBe(overlap);
  });
});
