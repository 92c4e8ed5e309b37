import type { TestApp } from '../support/test-app.js';

export interface VisitBody {
  visitToken: string;
  expiresAt: string;
  survey: { id: number };
  desk: { id: number };
  form: {
    formId: number;
    versionId: number;
    sections: { key: string; questions: { key: string; type: string; required: boolean }[] }[];
  };
  procedures: { id: number; name: string }[];
}

/** Answers every required scale question of the default form with `value`, except those named in `overrides`. */
export function answersFor(visit: VisitBody, value: number, overrides: Record<string, number> = {}) {
  return visit.form.sections.flatMap((s) =>
    s.questions
      .filter((q) => q.type === 'scale_1_5' && q.required)
      .map((q) => ({ questionKey: q.key, value: overrides[q.key] ?? value })),
  );
}

/** The default form's id (seeded at start). */
export async function defaultFormId(t: TestApp, token: string): Promise<number> {
  const forms = await t.api<{ id: number; code: string }[]>('GET', '/api/survey/forms', undefined, token);
  return forms.body.find((f) => f.code === 'mac-dinh')!.id;
}
