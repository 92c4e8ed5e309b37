import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/api.js';
import type { SurveyVisit } from '../../api/survey-api.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert } from '../../ui/error-alert.js';
import { SurveyForm } from '../../ui/survey-form.js';

/** Where the tablet keeps its kiosk token (shown once when an organizer registers the kiosk). */
export const KIOSK_TOKEN_KEY = 'cchc.surveyKiosk';
/** How long the thank-you screen stays before the next respondent's form. */
const THANKS_MS = 4000;

/**
 * /khao-sat-tai-quay — a tablet at the desk. Set up once with the kiosk token; then each
 * respondent gets a fresh form (a new one-visit token), and after each response the screen thanks
 * them and resets by itself. No account, large touch targets.
 */
export function SurveyKioskPage() {
  const { t } = useI18n();
  const [kioskToken, setKioskToken] = useState(() => localStorage.getItem(KIOSK_TOKEN_KEY));
  const [typed, setTyped] = useState('');
  const [visit, setVisit] = useState<SurveyVisit | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [thanks, setThanks] = useState(false);
  const [respondent, setRespondent] = useState(0);

  useEffect(() => {
    document.body.classList.add('theme-kiosk');
    return () => document.body.classList.remove('theme-kiosk');
  }, []);

  const next = useCallback(async () => {
    if (!kioskToken) return;
    setError(null);
    setVisit(null);
    try {
      setVisit(await api.post<SurveyVisit>('/api/survey/public/kiosk/visit', { kioskToken }));
      setRespondent((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  }, [kioskToken]);

  useEffect(() => {
    void next();
  }, [next]);

  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => {
      setThanks(false);
      void next();
    }, THANKS_MS);
    return () => clearTimeout(timer);
  }, [thanks, next]);

  const setUp = (e: FormEvent) => {
    e.preventDefault();
    const token = typed.trim();
    if (!token) return;
    localStorage.setItem(KIOSK_TOKEN_KEY, token);
    setKioskToken(token);
  };
  const forget = () => {
    localStorage.removeItem(KIOSK_TOKEN_KEY);
    setKioskToken(null);
    setVisit(null);
  };

  if (!kioskToken) {
    return (
      <section aria-labelledby="kiosk-title" className="survey-page">
        <h1 id="kiosk-title">{t('survey.kioskSetupTitle')}</h1>
        <form className="panel narrow" onSubmit={setUp}>
          <p>{t('survey.kioskSetupIntro')}</p>
          <label htmlFor="kiosk-token">{t('survey.kioskToken')}</label>
          <input id="kiosk-token" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="btn btn-primary btn-large">
            {t('survey.kioskStart')}
          </button>
        </form>
      </section>
    );
  }

  return (
    <section aria-labelledby="kiosk-title" className="survey-page">
      <h1 id="kiosk-title">{visit?.form.title ?? t('survey.title')}</h1>
      <ErrorAlert error={error} onRetry={() => void next()} />
      {error !== null && (
        <button type="button" className="btn" onClick={forget}>
          {t('survey.kioskForget')}
        </button>
      )}
      {thanks ? (
        <div className="panel survey-thanks" role="status">
          <h2>{t('survey.thanks')}</h2>
          <p>{t('survey.thanksKiosk')}</p>
        </div>
      ) : (
        visit && <SurveyForm key={respondent} visit={visit} onSent={() => setThanks(true)} />
      )}
    </section>
  );
}
