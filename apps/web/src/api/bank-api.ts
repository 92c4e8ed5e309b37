import type {
  AddCandidatesInput,
  AgencyResult,
  ImportJobShape,
  ImportProblemShape,
  IssuedCode,
  QuestionFileFormat,
  QuestionFilter,
  QuestionAnalysis,
  QuestionInput,
  QuestionStatus,
  QuestionSummaryShape,
  QuestionViewShape,
  RankingRow,
  ResultRow,
  ScoreBand,
  SessionInput,
  SessionItemAnalysis,
  SessionViewShape,
  StaffCandidateView,
  TemplateInput,
  TemplateViewShape,
  TopicNodeView,
  VersionViewShape,
} from '@bank-views';
import { api } from './api.js';
import type { Page } from './org-api.js';

/** The staff side's shapes come from the server's own published file (libs/exam-bank/src/published/bank-views.ts). */
export type QuestionView = QuestionViewShape;
export type QuestionSummary = QuestionSummaryShape;
export type VersionView = VersionViewShape;
export type ImportJob = ImportJobShape;
export type ImportProblem = ImportProblemShape;
export type TestTemplate = TemplateViewShape;
export type ExamSession = SessionViewShape;
export type {
  AgencyResult,
  IssuedCode,
  RankingRow,
  ResultRow,
  ScoreBand,
  SessionItemAnalysis,
  StaffCandidateView,
  TopicNodeView,
};

/** Query values as the API client sends them: undefined and empty strings are left out. */
const clean = (q: object): Record<string, string | number | boolean | undefined> =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string | number | boolean | undefined
  >;

const query = (q: Record<string, string | number | boolean | undefined>): string => {
  const s = new URLSearchParams(Object.entries(clean(q)).map(([k, v]) => [k, String(v)])).toString();
  return s ? `?${s}` : '';
};

/** Every call the bank, template and session screens make, in one place. */
export const bankApi = {
  topics: (signal?: AbortSignal) => api.get<TopicNodeView[]>('/api/bank/topics', { signal }),
  createTopic: (name: string, parentId: number | null) =>
    api.post<{ id: number }>('/api/bank/topics', { name, parentId: parentId ?? undefined }),

  questions: (filter: QuestionFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<Page<QuestionSummary>>('/api/bank/questions', { query: clean(filter), signal }),
  question: (id: number, signal?: AbortSignal) => api.get<QuestionView>(`/api/bank/questions/${id}`, { signal }),
  createQuestion: (q: QuestionInput) => api.post<QuestionView>('/api/bank/questions', q),
  updateQuestion: (id: number, q: Partial<QuestionInput> & { reason?: string }) =>
    api.patch<QuestionView>(`/api/bank/questions/${id}`, q),
  setStatus: (id: number, status: QuestionStatus, reason?: string) =>
    api.post<QuestionView>(`/api/bank/questions/${id}/status`, { status, reason }),

  /** Starts an import: 202 with a job, or 400 IMPORT_INVALID listing every bad item (see importProblems). */
  startImport: (file: File, opts: { format?: QuestionFileFormat; topicId?: number; status?: QuestionStatus }) => {
    const form = new FormData();
    form.append('file', file);
    if (opts.format) form.append('format', opts.format);
    if (opts.topicId) form.append('topicId', String(opts.topicId));
    if (opts.status) form.append('status', opts.status);
    return api.post<ImportJob>('/api/bank/imports', form, { timeoutMs: 120_000 });
  },
  importJob: (id: string, signal?: AbortSignal) => api.get<ImportJob>(`/api/bank/imports/${id}`, { signal }),
  exportUrl: (format: QuestionFileFormat, filter: QuestionFilter) => `/api/bank/exports${query({ format, ...filter })}`,
  templateUrl: (format: 'xlsx' | 'csv') => `/api/bank/template?format=${format}`,

  templates: (signal?: AbortSignal) =>
    api.get<Page<TestTemplate>>('/api/exam/templates', { query: { pageSize: 200 }, signal }),
  template: (id: number, signal?: AbortSignal) => api.get<TestTemplate>(`/api/exam/templates/${id}`, { signal }),
  createTemplate: (t: TemplateInput) => api.post<TestTemplate>('/api/exam/templates', t),
  updateTemplate: (id: number, t: TemplateInput) => api.put<TestTemplate>(`/api/exam/templates/${id}`, t),

  sessions: (page: number, signal?: AbortSignal) =>
    api.get<Page<ExamSession>>('/api/exam/sessions', { query: { page, pageSize: 20 }, signal }),
  session: (id: number, signal?: AbortSignal) => api.get<ExamSession>(`/api/exam/sessions/${id}`, { signal }),
  createSession: (s: SessionInput) => api.post<ExamSession>('/api/exam/sessions', s),
  updateSession: (id: number, s: Partial<Omit<SessionInput, 'templateId' | 'purpose'>>) =>
    api.patch<ExamSession>(`/api/exam/sessions/${id}`, s),
  candidates: (id: number, signal?: AbortSignal) =>
    api.get<StaffCandidateView[]>(`/api/exam/sessions/${id}/candidates`, { signal }),
  addCandidates: (id: number, body: AddCandidatesInput) =>
    api.post<StaffCandidateView[]>(`/api/exam/sessions/${id}/candidates`, body),
  updateCandidate: (id: number, candidateId: number, body: { extraSeconds?: number; priorityPoints?: number }) =>
    api.patch<StaffCandidateView>(`/api/exam/sessions/${id}/candidates/${candidateId}`, body),
  /** The codes come back this once; only their hashes stay on the server. Not retried: a retry would issue others. */
  issueCodes: (id: number, candidateIds?: number[]) =>
    api.post<IssuedCode[]>(`/api/exam/sessions/${id}/access-codes`, candidateIds ? { candidateIds } : {}),

  results: (id: number, signal?: AbortSignal) => api.get<ResultRow[]>(`/api/exam/sessions/${id}/results`, { signal }),
  resultsXlsxUrl: (id: number) => `/api/exam/sessions/${id}/results.xlsx`,
  byAgency: (id: number, signal?: AbortSignal) =>
    api.get<AgencyResult[]>(`/api/exam/sessions/${id}/results/by-agency`, { signal }),
  distribution: (id: number, signal?: AbortSignal) =>
    api.get<ScoreBand[]>(`/api/exam/sessions/${id}/results/distribution`, { signal }),
  /** Recruitment sessions only (400 NOT_RECRUITMENT otherwise). */
  ranking: (id: number, signal?: AbortSignal) =>
    api.get<{ jobPosition: string | null; quota: number; rows: RankingRow[] }>(`/api/exam/sessions/${id}/ranking`, {
      signal,
    }),
  /** One question across every session that drew it. */
  questionAnalysis: (questionId: number, signal?: AbortSignal) =>
    api.get<QuestionAnalysis & { sessions: number }>(`/api/exam/questions/${questionId}/item-analysis`, { signal }),
  /** Grades the session again with each question's current (corrected) version; audited on the server. */
  regrade: (id: number, reason: string) =>
    api.post<{ attempts: number; changed: unknown[] }>(`/api/exam/sessions/${id}/regrade`, { reason }),
  itemAnalysis: (id: number, signal?: AbortSignal) =>
    api.get<SessionItemAnalysis>(`/api/exam/sessions/${id}/item-analysis`, { signal }),
};

/** Items of a refused import (400 IMPORT_INVALID), from the error's `details.problems`. */
export function bankImportProblems(details: unknown): ImportProblem[] {
  const d = details as { problems?: unknown } | undefined;
  const list: unknown[] = Array.isArray(d?.problems) ? d.problems : [];
  return list.filter(
    (p): p is ImportProblem =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as ImportProblem).position === 'number' &&
      typeof (p as ImportProblem).reason === 'string',
  );
}

/**
 * Codes issued in this tab, per session, for the slips page. They live only in memory: the server
 * never tells a code twice, so a reload loses them (issue them again to print again; the old ones
 * stop working). They belong to the account that issued them: after a logout and another login in
 * the same tab they are not shown.
 */
const issued = new Map<number, { owner: number; codes: IssuedCode[]; at: string }>();
export const issuedCodes = {
  keep: (sessionId: number, owner: number, codes: IssuedCode[]): void => {
    const kept = issued.get(sessionId);
    const before = kept?.owner === owner ? kept.codes : [];
    const renewed = new Set(codes.map((c) => c.candidateId));
    issued.set(sessionId, {
      owner,
      codes: [...before.filter((c) => !renewed.has(c.candidateId)), ...codes].sort((a, b) =>
        a.candidateNumber.localeCompare(b.candidateNumber, 'vi', { numeric: true }),
      ),
      at: new Date().toISOString(),
    });
  },
  of: (sessionId: number, owner: number | undefined): { codes: IssuedCode[]; at: string } | null => {
    const kept = issued.get(sessionId);
    return kept && kept.owner === owner ? { codes: kept.codes, at: kept.at } : null;
  },
};
