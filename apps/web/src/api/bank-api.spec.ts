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
    issuedCodes.keep(101, 7, [code(1, 'SB-10', 'AAAA2222'), code(2, 'SB-9', 'BBBB3333')]);
    expect(issuedCodes.of(101, 7)!.codes.map((c) => c.candidateNumber)).toEqual(['SB-9', 'SB-10']);
    expect(issuedCodes.of(102, 7)).toBeNull();
  });

  it('replaces a candidate’s code when it is issued again and keeps the others', () => {
    issuedCodes.keep(201, 7, [code(1, 'A-1', 'OLD11111'), code(2, 'A-2', 'KEEP2222')]);
    issuedCodes.keep(201, 7, [code(1, 'A-1', 'NEW11111')]);
    expect(issuedCodes.of(201, 7)!.codes.map((c) => c.accessCode)).toEqual(['NEW11111', 'KEEP2222']);
  });

  it('shows them only to the account that issued them', () => {
    issuedCodes.keep(301, 7, [code(1, 'B-1', 'SECRET11')]);
    expect(issuedCodes.of(301, 8)).toBeNull();
    expect(issuedCodes.of(301, undefined)).toBeNull();
    issuedCodes.keep(301, 8, [code(2, 'B-2', 'SECRET22')]);
    expect(issuedCodes.of(301, 8)!.codes.map((c) => c.accessCode)).toEqual(['SECRET22']);
  });
});
