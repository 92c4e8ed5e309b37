import { answersOf, missingRequired, surveyLink, type SurveyFormView } from './survey-api.js';

const form: SurveyFormView = {
  formId: 1,
  title: 'Khảo sát',
  description: null,
  sections: [
    {
      key: 'A',
      title: 'Tiếp cận',
      questions: [
        { key: 'A.1', type: 'scale_1_5', text: '…', options: [], required: true, maxLength: null },
        { key: 'A.2', type: 'scale_1_5', text: '…', options: [], required: false, maxLength: null },
      ],
    },
    {
      key: 'E',
      title: 'Góp ý',
      questions: [{ key: 'E.4', type: 'comment', text: '…', options: [], required: false, maxLength: 1000 }],
    },
  ],
};

describe('survey answers', () => {
  it.each([
    ['nothing answered', {}, ['A.1']],
    ['the required rating given', { 'A.1': { questionKey: 'A.1', value: 4 } }, []],
  ] as const)('%s → missing %j', (_n, given, missing) => expect(missingRequired(form, given)).toEqual(missing));

  it('sends answers in form order, without the unanswered ones', () => {
    expect(
      answersOf(form, {
        'E.4': { questionKey: 'E.4', text: 'Tốt' },
        'A.1': { questionKey: 'A.1', value: 5 },
      }).map((a) => a.questionKey),
    ).toEqual(['A.1', 'E.4']);
  });

  it('builds the desk link', () =>
    expect(surveyLink('https://cchc.vn', 'abc123')).toBe('https://cchc.vn/khao-sat/abc123'));
});
