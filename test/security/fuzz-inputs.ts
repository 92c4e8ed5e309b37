import type { Type } from '@nestjs/common';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';

/**
 * Input generators for the fuzz suite: arbitrary JSON, and bodies, queries and messages shaped
 * like a DTO (read from its class-validator metadata) with some fields right and others wrong.
 */

/** The string with lone surrogates replaced, so that it can be percent-encoded. */
const wellFormed = (s: string): string =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Keys that would poison Object.prototype if an input were merged into an object naively. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Values that break naive code: wrong types, edges of ranges, odd strings. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -0,
    1.5,
    2 ** 31,
    2 ** 53 + 1,
    -(2 ** 53),
    1e308,
    '',
    ' ',
    '0',
    '-1',
    '1e400',
    'NaN',
    'null',
    'true',
    '2026-02-30T25:61:00Z',
    '9999-12-31T23:59:59Z',
    '0000-00-00',
    '../../../../etc/passwd',
    "' OR 1=1 --",
    '"; DROP TABLE users; --',
    '<script>alert(1)</script>',
    '%00',
    '\u0000',
    '\uFEFF\u202E',
    '\uD800',
    'Ủy ban nhân dân 🇻🇳',
    [],
    [null],
    {},
  ),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.string({ minLength: 300, maxLength: 3000 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(
    fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...POLLUTION_KEYS)),
    fc.jsonValue({ maxDepth: 2 }),
    {
      maxKeys: 4,
    },
  ),
);

interface Rule {
  name?: string;
  type: string;
  constraints?: unknown[];
  each?: boolean;
}

type Ctor = Type<unknown>;

function rulesOf(dto: Ctor): Map<string, Rule[]> {
  const out = new Map<string, Rule[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false) as unknown as (Rule & {
    propertyName: string;
  })[]) {
    out.set(m.propertyName, [...(out.get(m.propertyName) ?? []), m]);
  }
  return out;
}

const constraint = (rules: Rule[], name: string): unknown[] | undefined =>
  rules.find((r) => r.name === name)?.constraints;

/** A value the field would accept, as far as its rules can be read. */
function plausible(dto: Ctor, prop: string, rules: Rule[], depth: number): fc.Arbitrary<unknown> {
  const has = (n: string) => rules.some((r) => r.name === n);
  const nested = rules.some((r) => r.type === 'nestedValidation');
  const each = rules.some((r) => r.each) || has('isArray');
  let one: fc.Arbitrary<unknown>;
  if (nested && depth < 3) {
    const target = defaultMetadataStorage.findTypeMetadata(dto, prop)?.typeFunction() as Ctor | undefined;
    one = target ? dtoShaped(target, depth + 1) : fc.object({ maxDepth: 1 });
  } else if (has('isIn')) {
    one = fc.constantFrom(
      ...((constraint(rules, 'isIn')![0] as unknown[]).length ? (constraint(rules, 'isIn')![0] as unknown[]) : [null]),
    );
  } else if (has('isEnum')) {
    one = fc.constantFrom(...Object.values(constraint(rules, 'isEnum')![0] as object));
  } else if (has('isInt') || has('isNumber') || has('isPositive')) {
    const min = (constraint(rules, 'min')?.[0] as number | undefined) ?? 0;
    const max = (constraint(rules, 'max')?.[0] as number | undefined) ?? min + 50;
    const near = fc.integer({
      min: Math.ceil(min),
      max: Math.max(Math.ceil(min), Math.floor(Math.min(max, min + 50))),
    });
    one = fc.oneof(near, fc.constantFrom(min, max, min - 1, max + 1));
  } else if (has('isBoolean')) {
    one = fc.boolean();
  } else if (has('isDate') || has('isDateString') || has('isISO8601')) {
    one = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  } else if (has('matches')) {
    one = fc.oneof(fc.stringMatching(constraint(rules, 'matches')![0] as RegExp, { size: 'small' }), fc.string());
  } else {
    const max =
      (constraint(rules, 'maxLength')?.[0] as number | undefined) ??
      (constraint(rules, 'length')?.[1] as number | undefined) ??
      40;
    one = fc.oneof(
      fc.string({ maxLength: Math.min(max, 60), unit: 'grapheme' }),
      fc.string({ minLength: max + 1, maxLength: max + 5 }),
    );
  }
  return each ? fc.array(one, { maxLength: 4 }) : one;
}

/** A DTO-shaped object: each field right, wrong or missing, sometimes with an extra or poisonous key. */
export function dtoShaped(dto: Ctor, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const rules = rulesOf(dto);
  const fields = [...rules.entries()].map(([prop, r]) => [
    prop,
    fc.oneof(
      { weight: 6, arbitrary: plausible(dto, prop, r, depth) },
      { weight: 3, arbitrary: junkValue },
      { weight: 2, arbitrary: fc.constant(undefined) },
    ),
  ]);
  const extra = fc.option(
    fc.tuple(fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 10 })), junkValue),
    { freq: 5 },
  );
  return fc.tuple(fc.tuple(...fields.map(([, a]) => a as fc.Arbitrary<unknown>)), extra).map(([values, x]) => {
    const o: Record<string, unknown> = {};
    fields.forEach(([prop], i) => {
      if (values[i] !== undefined) o[prop as string] = values[i];
    });
    // defineProperty: a key named __proto__ must be an own key, as JSON.parse makes it.
    if (x) Object.defineProperty(o, x[0], { value: x[1], enumerable: true, configurable: true, writable: true });
    return o;
  });
}

/** Property names a DTO declares. */
export const fieldsOf = (dto: Ctor): string[] => [...rulesOf(dto).keys()];

/** A path segment: mostly small ids that hit the world's rows, sometimes anything at all. */
export const pathValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 30 }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '1.5',
      '1e3',
      '99999999999999999999',
      'NaN',
      'null',
      'true',
      '%00',
      '..%2F..%2Fetc%2Fpasswd',
      "1'%20OR%20'1'%3D'1",
      '%F0%9F%98%80',
      '0x10',
      '%201',
      'CDDH.1',
      'agencies',
      'users',
      '00000000-0000-4000-8000-000000000000',
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
      .map((x) => encodeURIComponent(wellFormed(x))),
  },
);

/** One query string: the DTO's fields with right or wrong values, junk keys and repeated keys. */
export function queryString(dto: Ctor | undefined): fc.Arbitrary<string> {
  const shaped = dto ? dtoShaped(dto) : fc.constant({} as Record<string, unknown>);
  const junkPairs = fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('__proto__[polluted]', 'constructor[prototype][polluted]', 'a[b][c]', 'page', 'pageSize', 'q'),
        fc.string({ minLength: 1, maxLength: 10 }),
      ),
      fc.oneof(fc.string({ maxLength: 20, unit: 'grapheme' }), fc.constantFrom('', '-1', '1e9', 'x'.repeat(5000))),
    ),
    { maxLength: 3 },
  );
  return fc.tuple(shaped, junkPairs).map(([o, pairs]) => {
    const parts: string[] = [];
    const enc = (x: string) => encodeURIComponent(wellFormed(x));
    const put = (k: string, v: unknown) =>
      parts.push(`${enc(k)}=${enc(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`);
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (Array.isArray(v)) v.forEach((x) => put(k, x));
      else put(k, v);
    }
    for (const [k, v] of pairs) put(k, v);
    return parts.length ? `?${parts.join('&')}` : '';
  });
}

/** A raw request body: DTO-shaped JSON, any JSON, or text that is not JSON at all. */
export function bodyText(dto: Ctor | undefined): fc.Arbitrary<string> {
  const raw = fc.constantFrom(
    '',
    '{',
    '{"a":',
    'null',
    '[]',
    '"text"',
    '1',
    'true',
    '{"__proto__":{"polluted":1}}',
    '\u0000',
  );
  const anyJson = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
  const deep = fc.integer({ min: 200, max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
  const options = [
    { weight: 2, arbitrary: anyJson },
    { weight: 1, arbitrary: raw },
    { weight: 1, arbitrary: fc.constant('{}') },
    { weight: 1, arbitrary: deep },
  ];
  if (dto) options.push({ weight: 8, arbitrary: dtoShaped(dto).map((o) => JSON.stringify(o)) });
  return fc.oneof(...options);
}

/** An uploaded file: random bytes, or a known header followed by junk, under an odd name. */
export const uploadFile: fc.Arbitrary<{ bytes: Uint8Array; name: string }> = fc.record({
  bytes: fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    fc
      .tuple(
        fc.constantFrom(
          '%PDF-1.4\n',
          '\x89PNG\r\n\x1a\n',
          '\xff\xd8\xff',
          'PK\x03\x04[Content_Types].xml xl/',
          'PK\x03\x04[Content_Types].xml word/',
          'PK\x03\x04',
          '<?xml version="1.0"?><quiz>',
          '::Q1:: Câu hỏi {=a ~b}',
          'Mã,Tên,Cấp\n',
        ),
        fc.uint8Array({ maxLength: 512 }),
      )
      .map(([head, tail]) => new Uint8Array([...Buffer.from(head, 'latin1'), ...tail])),
  ),
  name: fc.oneof(
    fc.constantFrom('a.pdf', 'a.xlsx', 'a.csv', 'a.gift', 'a.xml', '../../etc/passwd', 'x'.repeat(300), 'tệp.xlsx', ''),
    fc.string({ maxLength: 30, unit: 'grapheme' }),
  ),
});
