import { api } from './api.js';

/**
 * Shapes of libs/results' answers (SchemeSummary, ScorecardView, RankingView, the reports) as the
 * inspector screens read them, and every call those screens make.
 */
export type LeafSource = 'self_assessed' | 'survey' | 'test_derived' | 'bonus_penalty';
export type SchemeStatus = 'draft' | 'active';
export type ScorecardState = 'draft' | 'submitted' | 'under_appraisal' | 'appraised' | 'published';

export interface SchemeSummary {
  id: number;
  year: number;
  levelCode: string;
  name: string;
  scale: number;
  status: SchemeStatus;
}

export interface SchemeNodeDoc {
  code: string;
  name: string;
  max: number;
  source?: LeafSource;
  config?: Record<string, unknown> | null;
  children?: SchemeNodeDoc[];
}

export interface SchemeDocument {
  year: number;
  levelCode: string;
  name: string;
  scale: number;
  ranking: Record<string, unknown> | null;
  areas: SchemeNodeDoc[];
}

/** One problem of a refused scheme (SCHEME_INVALID details.problems). */
export interface SchemeProblem {
  field: string;
  code: string;
  message: string;
}

export interface ScorecardSummary {
  id: number;
  schemeId: number;
  agencyId: number;
  agencyName: string;
  state: ScorecardState;
}

export interface CountedAttempt {
  attemptId: number;
  sessionId: number;
  agencyId: number;
  candidateId: number;
  candidateName: string;
  candidateNumber: string | null;
  score: number;
  maxScore: number;
  percentHundredths: number;
  passed: boolean;
}

export type DerivationReason = 'OK' | 'NO_ATTEMPTS' | 'TOO_FEW_CANDIDATES' | 'LOW_COVERAGE' | 'STAFF_COUNT_UNKNOWN';

/** The evidence behind a test-derived criterion's points, as the server computed it. */
/** How a test-derived leaf's points were computed (libs/results test-derived). */
export interface Derivation {
  kind?: 'test';
  pointsCenti: number;
  flagged: boolean;
  reason: DerivationReason;
  candidates: number;
  passed: number;
  failed: number;
  passRateHundredths: number | null;
  meanScoreHundredths: number | null;
  coverageHundredths: number | null;
  staffCount: number | null;
  sessions: { sessionId: number; sessionName: string; candidates: number; passed: number }[];
  attempts: CountedAttempt[];
  config: Record<string, unknown>;
  agencyIds: number[];
  computedAt: string;
}

/** How a survey leaf's points were computed from the stored responses (libs/results survey-criterion). */
export interface SurveyDerivation {
  kind: 'survey';
  pointsCenti: number;
  flagged: boolean;
  reason: 'OK' | 'NO_RESPONSES' | 'TOO_FEW_RESPONSES';
  responses: number;
  answers: number;
  satisfied: number;
  rateHundredths: number | null;
  margin95: number | null;
  low: number | null;
  high: number | null;
  form: { id: number; code: string; name: string };
  questions: { key: string; text: string }[];
  from: string;
  to: string;
  computedAt: string;
}

export const isSurveyDerivation = (d: Derivation | SurveyDerivation): d is SurveyDerivation => d.kind === 'survey';

export interface EvidenceFile {
  id: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface ScorecardItem {
  id: number;
  self: number | null;
  explanation: string | null;
  appraised: number | null;
  appraisalNote: string | null;
  derived: number | null;
  flagged: boolean;
  final: number;
  evidence: EvidenceFile[];
  derivation: Derivation | SurveyDerivation | null;
}

export interface ScorecardNode {
  code: string;
  name: string;
  parentCode: string | null;
  depth: number;
  max: number;
  source: LeafSource | null;
  achieved: number;
  item?: ScorecardItem;
}

export interface AreaTotal {
  code: string;
  name: string;
  max: number;
  achieved: number;
  index: number;
}

export interface ScorecardView extends ScorecardSummary {
  year: number;
  levelCode: string;
  submittedAt: string | null;
  appraisedAt: string | null;
  publishedAt: string | null;
  reopenReason: string | null;
  totals: {
    total: number;
    index: number;
    appraisedPoints: number;
    selfPoints: number;
    band: string | null;
    areas: AreaTotal[];
  };
  nodes: ScorecardNode[];
}

export interface RankingRow {
  rank: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  scorecardId: number;
  total: number;
  index: number;
  band: string | null;
  appraisedPoints: number;
  areas: { code: string; achieved: number; index: number }[];
  previousRank: number | null;
  previousIndex: number | null;
  rankChange: number | null;
  indexChange: number | null;
}

export interface RankingView {
  schemeId: number;
  year: number;
  levelCode: string;
  name: string;
  areas: { code: string; name: string; max: number }[];
  previousSchemeId: number | null;
  rows: RankingRow[];
}

export interface PassRateFigures {
  agencyId: number;
  agencyName: string;
  levelCode: string;
  candidates: number;
  passed: number;
  passRate: number | null;
  meanScore: number | null;
}
export interface PassRateRow extends PassRateFigures {
  communes: PassRateFigures[];
}
export interface PassRates {
  passThresholdPercent: number;
  rows: PassRateRow[];
}
export interface Distribution {
  buckets: { from: number; to: number; count: number }[];
  candidates: number;
}
export interface TopicWeakness {
  topicId: number;
  topicName: string;
  facility: number;
  answers: number;
}
export interface Difference {
  agencyId: number;
  agencyName: string;
  absolute: number;
  net: number;
  itemsChanged: number;
}

export interface RecomputeReport {
  schemeId: number;
  scorecards: number;
  attempts: number;
  leaves: { scorecardId: number; agencyId: number; code: string; points: number; flagged: boolean; changed: boolean }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** An inspection session as the exam bank lists it (the fields the dashboard links with). */
export interface InspectionSession {
  id: number;
  name: string;
  agencyId: number | null;
  opensAt: string;
  closesAt: string;
}

export type WorkflowStep = 'submit' | 'start-appraisal' | 'finish-appraisal' | 'publish';

const r = '/api/results';

export const resultsApi = {
  schemes: (q: { year?: number; levelCode?: string } = {}, signal?: AbortSignal) =>
    api.get<SchemeSummary[]>(`${r}/schemes`, { query: q, signal }),
  scheme: (id: number, signal?: AbortSignal) =>
    api.get<SchemeSummary & { document: SchemeDocument }>(`${r}/schemes/${id}`, { signal }),
  createScheme: (doc: unknown) => api.post<SchemeSummary>(`${r}/schemes`, doc),
  updateScheme: (id: number, doc: unknown) => api.put<SchemeSummary>(`${r}/schemes/${id}`, doc),
  activateScheme: (id: number) => api.post<SchemeSummary>(`${r}/schemes/${id}/activate`),
  copyScheme: (id: number, year: number, name?: string) =>
    api.post<SchemeSummary>(`${r}/schemes/${id}/copy`, { year, ...(name ? { name } : {}) }),
  deleteScheme: (id: number) => api.delete<void>(`${r}/schemes/${id}`),
  importSchemeXlsx: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<SchemeSummary>(`${r}/schemes/import.xlsx`, form, { timeoutMs: 60_000 });
  },
  schemeJsonUrl: (id: number) => `${r}/schemes/${id}/export.json`,
  schemeXlsxUrl: (id: number) => `${r}/schemes/${id}/export.xlsx`,
  openScorecards: (schemeId: number) => api.post<ScorecardSummary[]>(`${r}/schemes/${schemeId}/scorecards`, {}),
  recomputeScheme: (schemeId: number) => api.post<RecomputeReport>(`${r}/schemes/${schemeId}/recompute`),
  publishAll: (schemeId: number) => api.post<ScorecardSummary[]>(`${r}/schemes/${schemeId}/publish`),

  scorecards: (q: { schemeId?: number; agencyId?: number }, signal?: AbortSignal) =>
    api.get<ScorecardSummary[]>(`${r}/scorecards`, { query: q, signal }),
  scorecard: (id: number, signal?: AbortSignal) => api.get<ScorecardView>(`${r}/scorecards/${id}`, { signal }),
  selfScore: (id: number, items: { code: string; score: number | null; explanation?: string }[]) =>
    api.put<ScorecardView>(`${r}/scorecards/${id}/self-scores`, { items }),
  appraise: (id: number, items: { code: string; score: number | null; note?: string }[]) =>
    api.put<ScorecardView>(`${r}/scorecards/${id}/appraisals`, { items }),
  step: (id: number, step: WorkflowStep) => api.post<ScorecardSummary>(`${r}/scorecards/${id}/${step}`),
  reopen: (id: number, reason: string, to: 'draft' | 'under_appraisal') =>
    api.post<ScorecardSummary>(`${r}/scorecards/${id}/reopen`, { reason, to }),
  recomputeScorecard: (id: number) => api.post<RecomputeReport>(`${r}/scorecards/${id}/recompute`),
  uploadEvidence: (id: number, code: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<EvidenceFile>(`${r}/scorecards/${id}/items/${encodeURIComponent(code)}/evidence`, form, {
      timeoutMs: 120_000,
    });
  },
  evidenceUrl: (id: number) => `${r}/evidence/${id}`,

  ranking: (year: number, levelCode: string, signal?: AbortSignal) =>
    api.get<RankingView>(`${r}/rankings`, { query: { year, levelCode }, signal }),
  rankingPreview: (schemeId: number, signal?: AbortSignal) =>
    api.get<RankingView>(`${r}/schemes/${schemeId}/ranking-preview`, { signal }),
  rankingXlsxUrl: (schemeId: number) => `${r}/schemes/${schemeId}/ranking.xlsx`,
  passRates: (schemeId: number, signal?: AbortSignal) =>
    api.get<PassRates>(`${r}/schemes/${schemeId}/reports/pass-rates`, { signal }),
  distribution: (schemeId: number, agencyId: number | undefined, signal?: AbortSignal) =>
    api.get<Distribution>(`${r}/schemes/${schemeId}/reports/distribution`, { query: { agencyId }, signal }),
  weakestTopics: (schemeId: number, agencyId: number | undefined, signal?: AbortSignal) =>
    api.get<TopicWeakness[]>(`${r}/schemes/${schemeId}/reports/weakest-topics`, { query: { agencyId }, signal }),
  differences: (schemeId: number, limit: number, signal?: AbortSignal) =>
    api.get<Difference[]>(`${r}/schemes/${schemeId}/reports/differences`, { query: { limit }, signal }),

  /** The audit trail of one entity (admin and inspector only). */
  audit: (entityType: string, entityId: number, signal?: AbortSignal) =>
    api.get<{ items: AuditEntry[]; total: number }>('/api/audit', {
      query: { entityType, entityId, pageSize: 200 },
      signal,
    }),
  /** Inspection sessions, for links to each session's item analysis. */
  inspectionSessions: (signal?: AbortSignal) =>
    api.get<{ items: InspectionSession[] }>('/api/exam/sessions', {
      query: { purpose: 'inspection', pageSize: 200 },
      signal,
    }),
};

/** The problems of a refused scheme, from the error's `details.problems`. */
export function schemeProblems(details: unknown): SchemeProblem[] {
  const d = details as { problems?: unknown } | undefined;
  const list: unknown[] = Array.isArray(d?.problems) ? d.problems : [];
  return list.filter(
    (p): p is SchemeProblem => typeof p === 'object' && p !== null && typeof (p as SchemeProblem).message === 'string',
  );
}
