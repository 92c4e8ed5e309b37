import type { PassRates, RankingView, ScorecardNode, SchemeSummary } from '../api/results-api.js';
import {
  agencyPassRateSeries,
  areaBreakdown,
  communePassRateSeries,
  differenceSeries,
  distributionSeries,
  fileSize,
  formatNumber,
  parseScore,
  passTotals,
  pickScheme,
  rankChangeText,
  rankingSeries,
  schemeRows,
  scorecardSections,
  tooLarge,
  weakTopicSeries,
  workflowButtons,
} from './results-logic.js';

const figures = (agencyId: number, agencyName: string, candidates: number, passed: number) => ({
  agencyId,
  agencyName,
  levelCode: 'commune',
  candidates,
  passed,
  passRate: candidates ? Math.round((passed * 10000) / candidates) / 100 : null,
  meanScore: null,
});

const passRates: PassRates = {
  passThresholdPercent: 50,
  rows: [
    { ...figures(1, 'Sở Y tế', 10, 7), levelCode: 'department', communes: [] },
    {
      ...figures(2, 'Huyện A', 4, 4),
      levelCode: 'district',
      communes: [figures(21, 'Xã Một', 5, 2), figures(22, 'Xã Hai', 0, 0), figures(23, 'Xã Ba', 2, 2)],
    },
    { ...figures(3, 'Sở Tư pháp', 0, 0), levelCode: 'department', communes: [] },
  ],
};

const ranking: RankingView = {
  schemeId: 1,
  year: 2026,
  levelCode: 'department',
  name: 'Bộ chỉ số',
  previousSchemeId: null,
  areas: [
    { code: 'A', name: 'Chỉ đạo', max: 40 },
    { code: 'B', name: 'Thủ tục', max: 60 },
  ],
  rows: [
    row(1, 10, 'Sở Nội vụ', 93, [90, 95]),
    row(2, 11, 'Sở Y tế', 88, [80, 93.33]),
    row(2, 12, 'Sở Xây dựng', 88, [70, 100]),
  ],
};
function row(rank: number, agencyId: number, agencyName: string, index: number, areas: number[]) {
  return {
    rank,
    agencyId,
    agencyCode: `S${agencyId}`,
    agencyName,
    scorecardId: agencyId,
    total: index,
    index,
    band: null,
    appraisedPoints: 0,
    areas: areas.map((a, i) => ({ code: i ? 'B' : 'A', achieved: 0, index: a })),
    previousRank: null,
    previousIndex: null,
    rankChange: null,
    indexChange: null,
  };
}

describe('chart data of the inspector dashboard', () => {
  it('labels each tenth of the scale and keeps the counts in order', () => {
    const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: i === 9 ? 4 : 0 }));
    buckets[0].count = 1;
    expect(distributionSeries({ buckets, candidates: 5 })).toEqual({
      labels: [
        '0–10 %',
        '10–20 %',
        '20–30 %',
        '30–40 %',
        '40–50 %',
        '50–60 %',
        '60–70 %',
        '70–80 %',
        '80–90 %',
        '90–100 %',
      ],
      values: [1, 0, 0, 0, 0, 0, 0, 0, 0, 4],
    });
  });

  it('ranks agencies by pass rate and leaves out the untested', () => {
    expect(agencyPassRateSeries(passRates)).toEqual({
      labels: ['Huyện A', 'Sở Y tế'],
      values: [100, 70],
      candidates: [4, 10],
    });
  });

  it('lists communes with their parent, highest pass rate first, without the untested', () => {
    expect(communePassRateSeries(passRates)).toEqual({
      labels: ['Xã Ba (Huyện A)', 'Xã Một (Huyện A)'],
      values: [100, 40],
      candidates: [2, 5],
    });
  });

  it.each([
    [passRates, { candidates: 21, passed: 15, passRate: 71.43 }],
    [
      { passThresholdPercent: 50, rows: [] },
      { candidates: 0, passed: 0, passRate: null },
    ],
  ])('adds up candidates and passes over agencies and communes', (p, expected) => {
    expect(passTotals(p)).toEqual(expected);
  });

  it('shows the ranking in rank order with shared ranks in the labels', () => {
    expect(rankingSeries(ranking)).toEqual({
      labels: ['1. Sở Nội vụ', '2. Sở Y tế', '2. Sở Xây dựng'],
      values: [93, 88, 88],
    });
  });

  it.each([
    [11, { labels: ['A – Chỉ đạo', 'B – Thủ tục'], agency: [80, 93.33], mean: [80, 96.11] }],
    [99, { labels: [], agency: [], mean: [] }],
    [null, { labels: [], agency: [], mean: [] }],
  ])('breaks agency %s down by area beside the mean of all', (agencyId, expected) => {
    expect(areaBreakdown(ranking, agencyId)).toEqual(expected);
  });

  it('puts the weakest topics first, as percentages, at most the limit', () => {
    const topics = [
      { topicId: 1, topicName: 'Công vụ', facility: 0.8, answers: 10 },
      { topicId: 2, topicName: 'Thủ tục', facility: 0.456, answers: 10 },
      { topicId: 3, topicName: 'Tài chính', facility: 0.61, answers: 10 },
    ];
    expect(weakTopicSeries(topics, 2)).toEqual({ labels: ['Thủ tục', 'Tài chính'], values: [45.6, 61] });
  });

  it('orders self-score versus appraisal gaps largest first', () => {
    expect(
      differenceSeries([
        { agencyId: 1, agencyName: 'A', absolute: 1, net: -1, itemsChanged: 1 },
        { agencyId: 2, agencyName: 'B', absolute: 3.5, net: 2, itemsChanged: 2 },
      ]),
    ).toEqual({ labels: ['B', 'A'], values: [3.5, 1] });
  });
});

describe('workflow buttons by state and role (as libs/results/src/domain/workflow.ts allows)', () => {
  it.each([
    ['draft', 'agency_officer', ['submit']],
    ['draft', 'admin', ['submit']],
    ['draft', 'inspector', []],
    ['submitted', 'inspector', ['start-appraisal']],
    ['submitted', 'agency_officer', []],
    ['submitted', 'admin', ['start-appraisal', 'reopen']],
    ['under_appraisal', 'inspector', ['finish-appraisal']],
    ['appraised', 'inspector', []],
    ['appraised', 'admin', ['publish', 'reopen']],
    ['published', 'admin', ['reopen']],
    ['published', 'inspector', []],
    ['published', 'official', []],
  ] as const)('a %s scorecard offers a %s %j', (state, role, buttons) => {
    expect(workflowButtons(state, role)).toEqual(buttons);
  });
});

describe('reading a typed score', () => {
  it.each([
    ['', 4, 0, { ok: true, value: null }],
    ['  ', 4, 0, { ok: true, value: null }],
    ['2', 4, 0, { ok: true, value: 2 }],
    ['2,5', 4, 0, { ok: true, value: 2.5 }],
    ['2.75', 4, 0, { ok: true, value: 2.75 }],
    ['2.755', 4, 0, { ok: false, reason: 'format' }],
    ['abc', 4, 0, { ok: false, reason: 'format' }],
    ['4.01', 4, 0, { ok: false, reason: 'range' }],
    ['-1', 4, 0, { ok: false, reason: 'range' }],
    ['-1,5', 2, -2, { ok: true, value: -1.5 }],
    ['-2.5', 2, -2, { ok: false, reason: 'range' }],
  ] as const)('"%s" within [%s, %s] is %j', (text, max, min, expected) => {
    expect(parseScore(text, max, min)).toEqual(expected);
  });
});

describe('formatting', () => {
  it.each([
    [93, 'vi', false, '93'],
    [93, 'vi', true, '93,00'],
    [68.97, 'vi', false, '68,97'],
    [68.97, 'en', false, '68.97'],
    [null, 'vi', false, '—'],
  ] as const)('%s in %s (fixed %s) reads %s', (n, lang, fixed, text) => {
    expect(formatNumber(n, lang, fixed)).toBe(text);
  });

  it.each([
    [2, '▲ 2'],
    [-1, '▼ 1'],
    [0, '='],
    [null, null],
  ])('a rank change of %s reads %s', (change, text) => {
    expect(rankChangeText(change)).toBe(text);
  });

  it.each([
    [500, 'vi', '500 B'],
    [1536, 'vi', '1,5 KB'],
    [5 * 1024 * 1024, 'en', '5 MB'],
  ] as const)('%s bytes read %s', (bytes, lang, text) => {
    expect(fileSize(bytes, lang)).toBe(text);
  });

  it('refuses an evidence file over 10 MB before sending it', () => {
    expect(tooLarge({ size: 10 * 1024 * 1024 })).toBe(false);
    expect(tooLarge({ size: 10 * 1024 * 1024 + 1 })).toBe(true);
  });
});

describe('scheme trees and pickers', () => {
  it('flattens a scheme in tree order and points at children that do not add up', () => {
    const rows = schemeRows({
      areas: [
        {
          code: 'A',
          name: 'Lĩnh vực A',
          max: 10,
          children: [
            { code: 'A.1', name: 'x', max: 4.5, source: 'self_assessed' },
            { code: 'A.2', name: 'y', max: 5, children: [{ code: 'A.2.1', name: 'z', max: 5, source: 'survey' }] },
          ],
        },
      ],
    });
    expect(rows.map((r) => [r.node.code, r.depth, r.leaf, r.childSumMismatch])).toEqual([
      ['A', 1, false, 9.5],
      ['A.1', 2, true, null],
      ['A.2', 2, false, null],
      ['A.2.1', 3, true, null],
    ]);
  });

  const s = (id: number, year: number, levelCode: string, status: 'draft' | 'active'): SchemeSummary => ({
    id,
    year,
    levelCode,
    name: `${id}`,
    scale: 100,
    status,
  });
  it.each([
    [2026, 'department', 2],
    [2026, 'commune', 4],
    [2025, 'department', 5],
    [2024, 'department', null],
    [null, null, 2],
  ])('opens year %s, level %s on scheme %s', (year, level, id) => {
    const schemes = [
      s(1, 2026, 'department', 'draft'),
      s(2, 2026, 'department', 'active'),
      s(4, 2026, 'commune', 'draft'),
      s(5, 2025, 'department', 'draft'),
    ];
    expect(pickScheme(schemes, year, level)?.id ?? null).toBe(id);
  });

  it('groups a scorecard under its areas, marking the leaves', () => {
    const n = (code: string, parentCode: string | null): ScorecardNode => ({
      code,
      name: code,
      parentCode,
      depth: code.split('.').length,
      max: 1,
      source: null,
      achieved: 0,
    });
    const sections = scorecardSections([
      n('A', null),
      n('A.1', 'A'),
      n('A.1.1', 'A.1'),
      n('A.2', 'A'),
      n('B', null),
      n('B.1', 'B'),
    ]);
    expect(sections.map((x) => [x.area.code, x.rows.map((r) => `${r.node.code}${r.leaf ? '*' : ''}`)])).toEqual([
      ['A', ['A.1', 'A.1.1*', 'A.2*']],
      ['B', ['B.1*']],
    ]);
  });
});
