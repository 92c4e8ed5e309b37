import fc from 'fast-check';
import { validDto } from '@app/platform';
import { AnswerDto, answerOf, ItemParams, itemOf } from './attempt.dto.js';

/** What the DTO itself decides: the chosen keys, or the error code. */
const byDto = (body: unknown): string[] | string => {
  try {
    return validDto(AnswerDto, body).chosen;
  } catch (e) {
    return (e as { code: string }).code;
  }
};
const quick = (body: unknown): string[] | string => {
  try {
    return answerOf(body).chosen;
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('answerOf: the save body checked without class-validator', () => {
  it.each([
    [{ chosen: ['b'] }, ['b']],
    [{ chosen: [] }, []],
    [{ chosen: ['a', 'c', 'd'] }, ['a', 'c', 'd']],
    [{ chosen: ['x'.repeat(16)] }, ['x'.repeat(16)]],
    [{ chosen: ['x'.repeat(17)] }, 'VALIDATION_FAILED'],
    [{ chosen: Array.from({ length: 21 }, () => 'a') }, 'VALIDATION_FAILED'],
    [{ chosen: 'a' }, 'VALIDATION_FAILED'],
    [{ chosen: [1] }, 'VALIDATION_FAILED'],
    [{ chosen: ['a'], score: 1 }, 'VALIDATION_FAILED'],
    [{}, 'VALIDATION_FAILED'],
    [undefined, 'VALIDATION_FAILED'],
    [['a'], 'VALIDATION_FAILED'],
    ['a', 'VALIDATION_FAILED'],
  ])('%j → %j, as AnswerDto decides', (body, want) => {
    expect(quick(body)).toEqual(want);
    expect(byDto(body)).toEqual(want);
  });

  it('never accepts what AnswerDto refuses, nor answers otherwise than it', () => {
    const key = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null));
    const body = fc.oneof(
      fc.record({ chosen: fc.array(key, { maxLength: 24 }) }),
      fc.record({ chosen: fc.array(key, { maxLength: 3 }), extra: fc.anything() }),
      fc.anything(),
    );
    fc.assert(fc.property(body, (b) => expect(quick(b)).toEqual(byDto(b))));
  });
});

describe('itemOf: the item path captured by a hot route', () => {
  const decide = (f: () => ItemParams): object | string => {
    try {
      return { ...f() };
    } catch (e) {
      return (e as { code: string }).code;
    }
  };
  it.each([
    ['1', '0', { id: 1, index: 0 }],
    ['42', '59', { id: 42, index: 59 }],
    ['0', '3', 'VALIDATION_FAILED'],
    ['007', '01', { id: 7, index: 1 }],
    ['99999999999999999999', '0', { id: 1e20, index: 0 }],
  ])('%s/%s → %j, as ItemParams decides', (id, index, want) => {
    expect(decide(() => itemOf(id, index))).toEqual(want);
    expect(decide(() => validDto(ItemParams, { id, index }))).toEqual(want);
  });
});
