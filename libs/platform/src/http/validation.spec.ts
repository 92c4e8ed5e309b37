import { inputShapeProblem, MAX_INPUT_DEPTH, refuseUnsafeInput } from './validation.js';

const nested = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};

describe('inputShapeProblem', () => {
  it.each([
    ['a plain object', { name: 'Sở Nội vụ', items: [{ code: 'A.1', score: 2 }] }, undefined],
    ['a scalar', 'text', undefined],
    ['null', null, undefined],
    ['__proto__ as an own key (as JSON.parse makes it)', JSON.parse('{"__proto__": {"x": 1}}'), '__proto__'],
    ['constructor nested in a field', { locked: { constructor: { T: 1 } } }, 'locked.constructor'],
    ['prototype inside an array item', { items: [{ ok: 1 }, { prototype: 2 }] }, 'items.1.prototype'],
    ['valueOf, a member of Object.prototype', { valueOf: 'x' }, 'valueOf'],
    ['an ordinary field named like a word', { value: 'x', constructorName: 'y' }, undefined],
    ['a lone surrogate in a value', { email: 'a\uD800@b.vn' }, 'email'],
    ['a lone surrogate in a key', { ['k\uDC00']: 1 }, 'k\uDC00'],
    ['a whole surrogate pair (emoji)', { name: 'Ủy ban 🇻🇳 🏆' }, undefined],
    ['nesting at the limit', nested(MAX_INPUT_DEPTH), undefined],
    ['nesting past the limit', nested(MAX_INPUT_DEPTH + 1), '0'.repeat(MAX_INPUT_DEPTH).split('').join('.')],
  ])('%s', (_, input, field) => {
    expect(inputShapeProblem(input)?.field).toBe(field);
  });

  it('refuses with VALIDATION_FAILED naming the field', () => {
    expect(() => refuseUnsafeInput({ a: { constructor: 1 } })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'a.constructor', messages: ['this field name is not allowed'] }] },
      }),
    );
  });
});
