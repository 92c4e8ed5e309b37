/** Shapes of the survey API the pages read (libs/survey dto/*.ts). */
export interface SurveyQuestion {
  key: string;
  type: 'scale_1_5' | 'single_choice' | 'comment';
  text: string;
  options: { key: string; label: string }[];
  required: boolean;
  maxLength: number | null;
}

export interface SurveyFormView {
  formId: number;
  title: string;
  description: string | null;
  sections: { key: string; title: string; questions: SurveyQuestion[] }[];
}

/** POST /api/survey/public/desks/:code/visit and /kiosk/visit. */
export interface SurveyVisit {
  visitToken: string;
  expiresAt: string;
  survey: { id: number; name: string; closesAt: string };
  desk: { id: number; name: string; agencyId: number };
  form: SurveyFormView;
  procedures: { id: number; name: string; field: string | null }[];
  scaleLabels: Record<string, string>;
}

export interface SurveyAnswer {
  questionKey: string;
  value?: number;
  choice?: string;
  text?: string;
}

export interface SurveyDesk {
  id: number;
  agencyId: number;
  name: string;
  publicCode: string;
  active: boolean;
}

export interface SatisfactionGroup {
  key: string;
  label: string;
  responses: number;
  answers: number;
  satisfied: number;
  ratePercent: number | null;
  margin95: number | null;
  low: number | null;
  high: number | null;
  method: 'normal' | 'wilson' | 'none';
}

/** GET /api/survey/results. */
export interface SurveyResults {
  formId: number;
  overall: SatisfactionGroup;
  byQuestion: SatisfactionGroup[];
  bySection: SatisfactionGroup[];
  byDesk: SatisfactionGroup[];
  byAgency: SatisfactionGroup[];
  byPeriod: SatisfactionGroup[];
  respondents: Record<string, number>;
}

/** The public link a desk's QR code opens. */
export const surveyLink = (origin: string, publicCode: string): string => `${origin}/khao-sat/${publicCode}`;

/** Answers in form order, leaving out questions not answered. */
export function answersOf(form: SurveyFormView, given: Record<string, SurveyAnswer | undefined>): SurveyAnswer[] {
  return form.sections.flatMap((s) => s.questions.map((q) => given[q.key]).filter((a): a is SurveyAnswer => !!a));
}

/** Required questions not answered yet, in form order. */
export function missingRequired(form: SurveyFormView, given: Record<string, SurveyAnswer | undefined>): string[] {
  return form.sections.flatMap((s) =>
    s.questions.filter((q) => q.required && q.type !== 'comment' && !given[q.key]).map((q) => q.key),
  );
}
