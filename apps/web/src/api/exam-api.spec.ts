import { saveKey, withPending, type ExamItem } from './exam-api.js';

const item = (index: number, chosen: string[] = [], flagged = false): ExamItem => ({
  index,
  part: 0,
  type: 'single',
  stem: `Câu ${index}`,
  options: [],
  chosen,
  flagged,
  savedAt: null,
});

describe('exam saves', () => {
  it('lays unsent answers and flags over what the server has, newest last', () => {
    const items = [item(0, ['a']), item(1), item(2, [], true)];
    const out = withPending(items, [
      { payload: { kind: 'answer', index: 1, chosen: ['b'] } },
      { payload: { kind: 'flag', index: 2, flagged: false } },
      { payload: { kind: 'answer', index: 0, chosen: [] } },
      { payload: { kind: 'answer', index: 9, chosen: ['x'] } },
    ]);
    expect(out.map((i) => [i.chosen, i.flagged])).toEqual([
      [[], false],
      [['b'], false],
      [[], false],
    ]);
    expect(items[0].chosen).toEqual(['a']);
  });

  it('keeps an answer and a flag on the same question as separate saves', () => {
    expect(saveKey({ kind: 'answer', index: 3, chosen: [] })).not.toBe(
      saveKey({ kind: 'flag', index: 3, flagged: true }),
    );
  });
});
