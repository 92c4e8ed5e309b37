import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/api.js';
import { isMissingRoute } from '../api/use-resource.js';
import { useAuth } from '../auth/auth-context.js';
import { candidateSession, type CandidateInfo } from '../auth/session.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ErrorAlert } from '../ui/error-alert.js';

/**
 * The exam lib's candidate login (libs/exam-bank testing, CandidateAuthController): candidate
 * number + access code → a token for that candidate, as an official of their agency.
 */
export const CANDIDATE_LOGIN_PATH = '/api/exam/candidate-login';

interface CandidateLogin {
  accessToken: string;
  expiresAt: string;
  candidate: CandidateInfo;
}

/** Candidates without an account enter with the number and code on their slip. */
export function CandidatePage() {
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notReady, setNotReady] = useState(false);
  const { adopt } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<CandidateLogin>(CANDIDATE_LOGIN_PATH, {
        candidateNumber: number.trim(),
        accessCode: code.trim().toUpperCase(),
      });
      adopt(candidateSession(r));
      void navigate(from?.startsWith('/thi/') ? from : '/my-tests');
    } catch (err) {
      if (isMissingRoute(err)) setNotReady(true);
      else setError(err);
      setBusy(false);
    }
  };

  return (
    <section className="panel narrow" aria-labelledby="cand-title">
      <h1 id="cand-title">{t('candidate.title')}</h1>
      <p className="muted">{t('candidate.intro')}</p>
      {notReady && (
        <p className="alert alert-info" role="status">
          {t('candidate.notReady')}
        </p>
      )}
      <ErrorAlert error={error} />
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="cand-number">{t('candidate.number')}</label>
          <input
            id="cand-number"
            className="input-large"
            inputMode="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={32}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="cand-code">{t('candidate.accessCode')}</label>
          <input
            id="cand-code"
            className="input-large mono"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={32}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary btn-block btn-large" disabled={busy}>
          {t('candidate.submit')}
        </button>
      </form>
      <p className="center">
        <Link to="/login">{t('auth.loginTitle')}</Link>
      </p>
    </section>
  );
}
