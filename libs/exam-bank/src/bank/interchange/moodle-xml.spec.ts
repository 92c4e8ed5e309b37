import type { QuestionDraft } from '../domain/question-draft.js';
import { parseMoodleXml, writeMoodleXml } from './moodle-xml.js';

const quiz = (...questions: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions.join('\n')}\n</quiz>\n`;
const category = (path: string) => `<question type="category"><category><text>${path}</text></category></question>`;
const multichoice = (name: string, single: string, answers: [number, string][], extra = '') =>
  `<question type="multichoice"><name><text>${name}</text></name>
  <questiontext format="html"><text><![CDATA[<p>Câu <b>${name}</b>?</p>]]></text></questiontext>
  <single>${single}</single>${extra}
  ${answers.map(([f, t]) => `<answer fraction="${f}" format="html"><text>${t}</text><feedback><text></text></feedback></answer>`).join('')}
</question>`;

describe('parseMoodleXml', () => {
  it.each<[string, string, Partial<QuestionDraft>, number[]]>([
    [
      'single=true',
      multichoice('A', 'true', [
        [100, 'x'],
        [0, 'y'],
      ]),
      { type: 'single', stem: 'Câu A?', title: 'A' },
      [1, 0],
    ],
    [
      'single=false with weights',
      multichoice('B', 'false', [
        [50, 'x'],
        [50, 'y'],
        [-100, 'z'],
      ]),
      { type: 'multiple', scoringMode: 'proportional' },
      [0.5, 0.5, -1],
    ],
    [
      'fraction 33.33333',
      multichoice('C', 'false', [
        [33.33333, 'x'],
        [33.33333, 'y'],
        [33.33333, 'z'],
      ]),
      { type: 'multiple' },
      [0.3333333, 0.3333333, 0.3333333],
    ],
    [
      'shuffleanswers 0 (padded)',
      multichoice(
        'D',
        'true',
        [
          [100, 'x'],
          [0, 'y'],
        ],
        '<shuffleanswers>\n 0 \n</shuffleanswers>',
      ),
      { fixedOrder: true },
      [1, 0],
    ],
    [
      'shuffleanswers true',
      multichoice(
        'E',
        'true',
        [
          [100, 'x'],
          [0, 'y'],
        ],
        '<shuffleanswers>true</shuffleanswers>',
      ),
      { fixedOrder: false },
      [1, 0],
    ],
    [
      'defaultgrade, idnumber, generalfeedback',
      multichoice(
        'F',
        '1',
        [
          [100, 'x'],
          [0, 'y'],
        ],
        '<defaultgrade>2.5000000</defaultgrade><idnumber>id-7</idnumber><generalfeedback format="html"><text>&lt;p&gt;Vì &amp;amp; thế&lt;/p&gt;</text></generalfeedback>',
      ),
      { points: 2.5, externalId: 'id-7', explanation: 'Vì & thế' },
      [1, 0],
    ],
  ])('reads %s', (_n, question, expected, fr) => {
    const r = parseMoodleXml(quiz(question));
    expect(r.problems).toEqual([]);
    expect(r.drafts[0].draft).toMatchObject(expected);
    expect(r.drafts[0].draft.options.map((o) => o.fraction)).toEqual(fr);
  });

  it('reads truefalse as Đúng / Sai with per-answer feedback', () => {
    const r = parseMoodleXml(
      quiz(`<question type="truefalse"><name><text>TF</text></name><questiontext format="moodle_auto_format"><text>Trời xanh.</text></questiontext>
        <answer fraction="0"><text>true</text><feedback><text>Không</text></feedback></answer>
        <answer fraction="100"><text>false</text><feedback><text>Đúng thế</text></feedback></answer></question>`),
    );
    expect(r.drafts[0].draft).toMatchObject({
      type: 'true_false',
      options: [
        { text: 'Đúng', fraction: 0, feedback: 'Không' },
        { text: 'Sai', fraction: 1, feedback: 'Đúng thế' },
      ],
    });
  });

  it('places questions under the latest category, nested paths split the Moodle way', () => {
    const r = parseMoodleXml(
      quiz(
        multichoice('A', 'true', [
          [100, 'x'],
          [0, 'y'],
        ]),
        category('$course$/top/CCHC/Thể chế'),
        multichoice('B', 'true', [
          [100, 'x'],
          [0, 'y'],
        ]),
        category('$course$/CCHC/a//b'),
        multichoice('C', 'true', [
          [100, 'x'],
          [0, 'y'],
        ]),
      ),
    );
    expect(r.drafts.map((d) => d.draft.topicPath)).toEqual([[], ['CCHC', 'Thể chế'], ['CCHC', 'a/b']]);
  });

  it('refuses other types by name and line, and malformed XML with its line', () => {
    const r = parseMoodleXml(
      quiz(
        '<question type="essay"><name><text>Luận</text></name></question>',
        '<question type="matching"><name><text>Ghép</text></name></question>',
      ),
    );
    expect(r.problems.map((p) => [p.position, p.label, p.reason])).toEqual([
      [3, 'Luận', 'Moodle question type "essay" is not supported: only multichoice and truefalse'],
      [4, 'Ghép', 'Moodle question type "matching" is not supported: only multichoice and truefalse'],
    ]);
    expect(parseMoodleXml('<quiz>\n<question>\n</quiz>').problems[0].position).toBe(3);
    expect(parseMoodleXml('<other/>').problems[0].reason).toContain('no <quiz>');
  });

  it('writes what it reads back unchanged, in plain text Moodle accepts', () => {
    const draft: QuestionDraft = {
      topicPath: ['Tổ chức / bộ máy', 'Xã'],
      title: null,
      externalId: null,
      type: 'true_false',
      stem: 'Dòng <một> & "hai"\nDòng ba',
      options: [
        { text: 'True', fraction: 1, feedback: 'Yes' },
        { text: 'False', fraction: 0, feedback: null },
      ],
      scoringMode: 'all_or_nothing',
      points: 1,
      fixedOrder: false,
      explanation: null,
      difficulty: 'easy',
      targetLevel: null,
      tags: ['x'],
    };
    const xml = writeMoodleXml([{ id: 1, draft }]);
    expect(xml).toContain('<text>$course$/top/Tổ chức // bộ máy/Xã</text>');
    expect(parseMoodleXml(xml).drafts.map((d) => d.draft)).toEqual([draft]);
  });
});
