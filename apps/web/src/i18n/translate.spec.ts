import { bankVi } from './areas/bank.js';
import { contestVi } from './areas/contest.js';
import { inspectorVi } from './areas/inspector.js';
import { onlineVi } from './areas/online.js';
import { surveyVi } from './areas/survey.js';
import { baseVi, en, vi } from './messages.js';
import { errorKey, errorText, format, translate } from './translate.js';

describe('translations', () => {
  it('has an English text for every Vietnamese key and no extra ones', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('gives each key to one area only, so no area silently overrides another', () => {
    const owners = new Map<string, string[]>();
    const areas = { baseVi, bankVi, contestVi, inspectorVi, onlineVi, surveyVi };
    for (const [area, dict] of Object.entries(areas))
      for (const key of Object.keys(dict)) owners.set(key, [...(owners.get(key) ?? []), area]);
    expect([...owners].filter(([, o]) => o.length > 1)).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[])
      expect([key, names(en[key])]).toEqual([key, names(vi[key])]);
  });

  it.each([
    'VALIDATION_FAILED',
    'BAD_CREDENTIALS',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'FORBIDDEN_ROLE',
    'NOT_FOUND',
    'RATE_LIMITED',
    'MALFORMED_JSON',
    'PAYLOAD_TOO_LARGE',
    'CONFLICT',
    'INTERNAL',
    'NETWORK',
    'TIMEOUT',
  ])('translates the API error code %s into Vietnamese', (code) => {
    expect(errorKey(code)).toBe(`error.${code}`);
    const text = errorText('vi', code, 'English server text');
    expect(text).not.toBe('English server text');
    expect(text).toBe(vi[`error.${code}` as keyof typeof vi]);
  });

  it.each([
    ['vi', 'Đã có lỗi xảy ra.'],
    ['en', 'Attempt 3 is closed'],
  ] as const)('for an unknown code in %s shows %s', (lang, expected) => {
    expect(errorText(lang, 'ATTEMPT_CLOSED_NOT_IN_DICTIONARY', 'Attempt 3 is closed')).toBe(expected);
  });

  it.each([
    ['Câu {n}', { n: 3 }, 'Câu 3'],
    ['{a} và {b}', { a: 'x', b: 'y' }, 'x và y'],
    ['{missing} stays', {}, '{missing} stays'],
    ['{n}/{n}', { n: 0 }, '0/0'],
  ])('formats %s', (template, params, expected) => {
    expect(format(template, params)).toBe(expected);
  });

  it('defaults to the dictionary of the chosen language', () => {
    expect(translate('vi', 'auth.submit')).toBe('Đăng nhập');
    expect(translate('en', 'auth.submit')).toBe('Log in');
  });
});
