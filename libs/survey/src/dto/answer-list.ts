import { registerDecorator, type ValidationOptions } from 'class-validator';

const FIELDS: Record<string, { kind: 'string' | 'int'; max?: number; required?: boolean }> = {
  questionKey: { kind: 'string', max: 64, required: true },
  value: { kind: 'int' },
  choice: { kind: 'string', max: 64 },
  text: { kind: 'string', max: 4000 },
};

/**
 * The shape of a response's answers, checked in one pass: an array of 1–200 objects
 * `{questionKey, value?, choice?, text?}` with nothing else. Whether each answer fits the form is
 * the domain's `checkAnswers`. (Nested DTO classes did the same through class-transformer at about
 * a hundred times the cost, on the busiest route of the survey.)
 */
export function answerListProblems(value: unknown): string[] {
  if (!Array.isArray(value)) return ['answers must be an array'];
  if (value.length < 1 || value.length > 200) return ['answers must hold 1 to 200 answers'];
  const problems: string[] = [];
  value.forEach((a: unknown, i) => {
    if (typeof a !== 'object' || a === null || Array.isArray(a)) {
      problems.push(`answers.${i} must be an object`);
      return;
    }
    const answer = a as Record<string, unknown>;
    for (const key of Object.keys(answer)) {
      if (!(key in FIELDS)) problems.push(`answers.${i}.${key} should not exist`);
    }
    for (const [key, rule] of Object.entries(FIELDS)) {
      const v = answer[key];
      if (v === undefined || v === null) {
        if (rule.required) problems.push(`answers.${i}.${key} is required`);
      } else if (rule.kind === 'int' && !Number.isInteger(v)) {
        problems.push(`answers.${i}.${key} must be an integer number`);
      } else if (rule.kind === 'string' && (typeof v !== 'string' || v.length > rule.max!)) {
        problems.push(`answers.${i}.${key} must be a string of at most ${rule.max} characters`);
      }
    }
  });
  return problems;
}

/** class-validator decorator for `answerListProblems`. */
export function IsAnswerList(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAnswerList',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => answerListProblems(value).length === 0,
        defaultMessage: (args) => answerListProblems(args?.value).slice(0, 5).join('; '),
      },
    });
}
