import { bankImportProblems, issuedCodes } from './bank-api.js';

describe('a refused import’s items', () => {
  it('keeps the well-formed problems of details.problems and drops the rest', () => {
    const details = {
      problems: [
        { position: 9, unit: 'line', label: 'Tự luận', reason: 'Essay questions are not supported' },
        { position: 3, unit: 'row', reason: 'The question text is empty' },
        { position: '4', unit: 'row', reason: 'position is not a number' },
        { position: 5, unit: 'row' },
        null,
        'text',
      ],
    };
    expect(bankImportProblems(details).map((p) => p.position)).toEqual([9, 3]);
  });

  it.each([undefined, null, {}, { problems: 'x' }])('gives none for %p', (details) => {
    expect(bankImportProblems(details)).toEqual([]);
  });
});

describe('codes issued in this tab', () => {
  const code = (candidateId: number, candidateNumber: string, accessCode: string) => ({
    candidateId,
    candidateNumber,
    fullName: `Thí sinh ${candidateNumber}`,
    accessCode,
  });

  it('keeps them per session, in candidate-number order (numbers compared as numbers)', () => {
    issuedCodes.keep(101, [code(1, 'SB-10', 'AAAA2222'), code(2, 'SB-9', 'BBBB3333')]);
    expect(issuedCodes.of(101)!.codes.map((c) => c.candidateNumber)).toEqual(['SB-9', 'SB-10']);
    expect(issuedCodes.of(102)).toBeNull();
  });

  it('replaces a candidate’s code when it is issued again and keeps the others', () => {
    issuedCodes.keep(201, [code(1, 'A-1', 'OLD11111'), code(2, 'A-2', 'KEEP2222')]);
    issuedCodes.keep(201, [code(1, 'A-1', 'NEW11111')]);
    expect(issuedCodes.of(201)!.codes.map((c) => c.accessCode)).toEqual(['NEW11111', 'KEEP2222']);
  });
});
