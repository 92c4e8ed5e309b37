import { useState, type FormEvent } from 'react';
import { api } from '../api/api.js';
import { answersOf, missingRequired, type SurveyAnswer, type SurveyVisit } from '../api/survey-api.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ErrorAlert } from './error-alert.js';
import '../styles/survey.css';

const SCALE = [1, 2, 3, 4, 5];

/**
 * One respondent's form: the desk's questions section by section, large 1–5 buttons, optional
 * respondent type and procedure, then one send that spends the visit token. Used by the QR page
 * and the kiosk alike.
 */
export function SurveyForm({ visit, onSent }: { visit: SurveyVisit; onSent: () => void }) {
  const { t } = useI18n();
  const [given, setGiven] = useState<Record<string, SurveyAnswer | undefined>>({});
  const [respondentType, setRespondentType] = useState('');
  const [procedureId, setProcedureId] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const set = (key: string, a: Omit<SurveyAnswer, 'questionKey'> | null) =>
    setGiven((g) => ({ ...g, [key]: a ? { questionKey: key, ...a } : undefined }));

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const lacking = missingRequired(visit.form, given);
    setMissing(lacking);
    if (lacking.length) {
      document.getElementById(`q-${lacking[0]}`)?.scrollIntoView({ block: 'center' });
      return;
    }
    setSending(true);
    setError(null);
    try {
      await api.post('/api/survey/public/responses', {
        visitToken: visit.visitToken,
        answers: answersOf(visit.form, given),
        ...(respondentType ? { respondentType } : {}),
        ...(procedureId ? { procedureId: Number(procedureId) } : {}),
      });
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="survey-form" onSubmit={(e) => void send(e)} noValidate>
      <p className="muted">{t('survey.deskLine', { desk: visit.desk.name, survey: visit.survey.name })}</p>
      {visit.form.description && <p>{visit.form.description}</p>}
      <fieldset className="panel">
        <legend>{t('survey.aboutYou')}</legend>
        <label htmlFor="survey-type">{t('survey.respondentType')}</label>
        <select id="survey-type" value={respondentType} onChange={(e) => setRespondentType(e.target.value)}>
          <option value="">{t('survey.notSaid')}</option>
          <option value="citizen">{t('survey.citizen')}</option>
          <option value="organisation">{t('survey.organisation')}</option>
        </select>
        <label htmlFor="survey-procedure">{t('survey.procedure')}</label>
        <select id="survey-procedure" value={procedureId} onChange={(e) => setProcedureId(e.target.value)}>
          <option value="">{t('survey.notSaid')}</option>
          {visit.procedures.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </fieldset>
      {visit.form.sections.map((s) => (
        <section key={s.key} className="panel survey-section" aria-labelledby={`s-${s.key}`}>
          <h2 id={`s-${s.key}`}>{`${s.key}. ${s.title}`}</h2>
          {s.questions.map((q) => {
            const lacking = missing.includes(q.key) && !given[q.key];
            const labelId = `q-${q.key}`;
            return (
              <div key={q.key} className={`survey-question${lacking ? ' survey-lacking' : ''}`}>
                <p id={labelId} className="survey-question-text">
                  {`${q.key} ${q.text}`}
                  {q.required && <span className="muted"> ({t('app.required')})</span>}
                </p>
                {q.type === 'scale_1_5' && (
                  <div role="radiogroup" aria-labelledby={labelId} className="survey-scale">
                    {SCALE.map((v) => (
                      <button
                        key={v}
                        type="button"
                        role="radio"
                        aria-checked={given[q.key]?.value === v}
                        className="survey-choice"
                        onClick={() => set(q.key, given[q.key]?.value === v && !q.required ? null : { value: v })}
                      >
                        <span className="survey-choice-number">{v}</span>
                        <span>{visit.scaleLabels[String(v)]}</span>
                      </button>
                    ))}
                  </div>
                )}
                {q.type === 'single_choice' && (
                  <div role="radiogroup" aria-labelledby={labelId} className="survey-options">
                    {q.options.map((o) => (
                      <button
                        key={o.key}
                        type="button"
                        role="radio"
                        aria-checked={given[q.key]?.choice === o.key}
                        className="survey-choice"
                        onClick={() => set(q.key, { choice: o.key })}
                      >
                        {o.label}
                      </button>
                    ))}
                  </div>
                )}
                {q.type === 'comment' && (
                  <textarea
                    aria-labelledby={labelId}
                    maxLength={q.maxLength ?? 1000}
                    rows={3}
                    value={given[q.key]?.text ?? ''}
                    onChange={(e) => set(q.key, e.target.value.trim() ? { text: e.target.value } : null)}
                  />
                )}
                {lacking && <p className="field-error">{t('survey.answerThis')}</p>}
              </div>
            );
          })}
        </section>
      ))}
      {missing.length > 0 && (
        <p role="alert" className="alert alert-error">
          {t('survey.missing', { count: missing.length })}
        </p>
      )}
      <ErrorAlert error={error} />
      <button type="submit" className="btn btn-primary btn-large" disabled={sending}>
        {sending ? t('survey.sending') : t('survey.send')}
      </button>
    </form>
  );
}
