import { useState } from 'react';
import type { QuestionType } from '@bank-views';
import { useI18n } from '../i18n/i18n-context.js';
import { formatPercent, optionLetter, parsePercent, type OptionRow } from '../pages/bank/bank-forms.js';

export interface PreviewQuestion {
  type: QuestionType;
  stem: string;
  options: OptionRow[];
  explanation: string;
  points: number | null;
}

/**
 * A question as the candidate will see it on the exam page (same markup and classes), and, on
 * demand, as the review shows it afterwards: right options, weights, feedback and explanation.
 * The choices can be tried; nothing is sent.
 */
export function QuestionPreview({ question }: { question: PreviewQuestion }) {
  const { t, lang } = useI18n();
  const [chosen, setChosen] = useState<number[]>([]);
  const [review, setReview] = useState(false);
  const multiple = question.type === 'multiple';
  const choose = (i: number): void =>
    setChosen(multiple ? (chosen.includes(i) ? chosen.filter((c) => c !== i) : [...chosen, i]) : [i]);
  return (
    <section className="bank-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('bank.preview.title')}</h2>
      <p className="muted">{t('bank.preview.hint')}</p>
      <article className="question">
        <h3 className="bank-preview-head">
          {t('exam.question', { n: 1 })}
          {question.points !== null && (
            <span className="muted"> · {t('bank.preview.points', { points: question.points })}</span>
          )}
        </h3>
        <fieldset className="choices">
          <legend>{question.stem.trim() || <span className="muted">{t('bank.preview.noStem')}</span>}</legend>
          <p className="muted">{multiple ? t('exam.multiple') : t('exam.single')}</p>
          {question.options.map((o, i) => {
            const checked = chosen.includes(i);
            const fraction = (parsePercent(o.percent) ?? 0) / 100;
            const cls = ['choice', checked ? 'is-chosen' : '', review && fraction > 0 ? 'is-right' : '']
              .filter(Boolean)
              .join(' ');
            return (
              <label key={i} className={cls}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name="preview-choice"
                  checked={checked}
                  onChange={() => choose(i)}
                />
                <span className="choice-letter">{optionLetter(i)}</span>
                <span className="bank-preview-option">
                  <span>{o.text || <span className="muted">{t('bank.preview.noOption')}</span>}</span>
                  {review && (
                    <span className={fraction > 0 ? 'bank-weight is-right' : 'bank-weight'}>
                      {fraction > 0 ? `✓ ${t('result.correct')} · ` : ''}
                      {formatPercent(fraction, lang)} %
                    </span>
                  )}
                  {review && o.feedback.trim() && <span className="muted">{o.feedback}</span>}
                </span>
              </label>
            );
          })}
        </fieldset>
        {review && question.explanation.trim() && (
          <div className="bank-explanation">
            <strong>{t('result.explanation')}:</strong> {question.explanation}
          </div>
        )}
      </article>
      <label className="check">
        <input type="checkbox" checked={review} onChange={(e) => setReview(e.target.checked)} />
        {t('bank.preview.showKey')}
      </label>
    </section>
  );
}
