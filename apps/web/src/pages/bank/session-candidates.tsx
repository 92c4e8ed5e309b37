import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { bankApi, issuedCodes, type ExamSession, type StaffCandidateView } from '../../api/bank-api.js';
import { orgApi } from '../../api/org-api.js';
import { useResource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert } from '../../ui/error-alert.js';
import { parseCandidateList, type CandidateLineProblem } from './bank-forms.js';

function AddNumbered({ sessionId, onAdded }: { sessionId: number; onAdded: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<CandidateLineProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const { candidates, problems: bad } = parseCandidateList(text);
    setProblems(bad);
    if (bad.length > 0 || candidates.length === 0) return;
    try {
      const added = await bankApi.addCandidates(sessionId, { numbered: candidates });
      setNotice(t('session.added', { count: added.length }));
      setText('');
      onAdded();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label={t('session.addNumbered')}>
      <div className="field">
        <label htmlFor="cand-list">{t('session.addNumbered')}</label>
        <p className="muted" id="cand-list-hint">
          {t('session.addNumberedHint')}
        </p>
        <textarea
          id="cand-list"
          rows={5}
          aria-describedby="cand-list-hint"
          className="mono"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={!text.trim()}>
        {t('session.addRun')}
      </button>
      {problems.length > 0 && (
        <div role="alert" className="alert alert-error">
          <p>{t('session.listProblems', { count: problems.length })}</p>
          <ul className="row-errors">
            {problems.map((p) => (
              <li key={p.line}>
                <strong>{t('bank.import.line', { n: p.line })}</strong> “{p.text}”: {t(`session.line.${p.reason}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorAlert error={error} />
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}

function AddAccounts({ sessionId, onAdded }: { sessionId: number; onAdded: () => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [error, setError] = useState<unknown>(null);
  const users = useResource(
    (signal) => (search ? orgApi.users({ page: 1, pageSize: 10, q: search }, signal) : Promise.resolve(null)),
    [search],
  );
  const add = async (userId: number): Promise<void> => {
    setError(null);
    try {
      await bankApi.addCandidates(sessionId, { accounts: [{ userId }] });
      onAdded();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="form">
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <label htmlFor="acct-q">{t('session.addAccounts')}</label>
        <input id="acct-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="btn">
          {t('bank.searchRun')}
        </button>
      </form>
      <ErrorAlert error={users.error ?? error} />
      {users.data && users.data.items.length === 0 && <p>{t('users.empty')}</p>}
      {users.data && users.data.items.length > 0 && (
        <ul className="bank-account-list">
          {users.data.items.map((u) => (
            <li key={u.id}>
              {u.fullName} <span className="muted mono">({u.username})</span>{' '}
              <button type="button" className="btn btn-small" onClick={() => void add(u.id)}>
                {t('session.addThis')}
                <span className="visually-hidden"> {u.fullName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ExtraTime({ sessionId, c, onSaved }: { sessionId: number; c: StaffCandidateView; onSaved: () => void }) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(String(Math.round(c.extraSeconds / 60)));
  const [error, setError] = useState<unknown>(null);
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      await bankApi.updateCandidate(sessionId, c.id, { extraSeconds: Math.round(Number(minutes) * 60) });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="bank-inline" onSubmit={(e) => void save(e)}>
      <label htmlFor={`extra-${c.id}`} className="visually-hidden">
        {t('session.extraFor', { name: c.fullName })}
      </label>
      <input
        id={`extra-${c.id}`}
        type="number"
        min={0}
        max={1440}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
      />
      <button type="submit" className="btn btn-small">
        {t('app.save')}
        <span className="visually-hidden"> {t('session.extraFor', { name: c.fullName })}</span>
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}

/** A session's candidates: the list, extra time, access codes, adding by number or by account. */
export function Candidates({ session }: { session: ExamSession }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useResource((signal) => bankApi.candidates(session.id, signal), [session.id]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { user } = useAuth();
  const kept = issuedCodes.of(session.id, user?.id);
  const numbered = list.data?.filter((c) => c.candidateNumber) ?? [];
  const withoutCode = numbered.filter((c) => !c.hasAccessCode).length;

  const issue = async (candidateIds?: number[]): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const codes = await bankApi.issueCodes(session.id, candidateIds);
      if (user) issuedCodes.keep(session.id, user.id, codes);
      void navigate(`/sessions/${session.id}/slips`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="cands-title">
      <h2 id="cands-title">{t('session.candidates', { count: list.data?.length ?? 0 })}</h2>
      <ErrorAlert error={list.error ?? error} onRetry={list.error ? list.reload : undefined} />
      <div className="toolbar">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || withoutCode === 0}
          onClick={() => void issue()}
        >
          {t('session.issueCodes', { count: withoutCode })}
        </button>
        {kept && (
          <Link className="btn" to={`/sessions/${session.id}/slips`}>
            {t('session.openSlips', { count: kept.codes.length })}
          </Link>
        )}
      </div>
      <p className="muted">{t('session.codesOnce')}</p>
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('candidate.number')}</th>
                <th scope="col">{t('users.fullName')}</th>
                <th scope="col">{t('session.code')}</th>
                <th scope="col">{t('session.extraMinutes')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('candidate.number')} className="mono">
                    {c.candidateNumber ?? t('session.account')}
                  </td>
                  <td data-label={t('users.fullName')}>{c.fullName}</td>
                  <td data-label={t('session.code')}>
                    {c.candidateNumber ? (c.hasAccessCode ? t('session.codeIssued') : t('session.codeNone')) : '—'}
                  </td>
                  <td data-label={t('session.extraMinutes')}>
                    <ExtraTime sessionId={session.id} c={c} onSaved={list.reload} />
                  </td>
                  <td data-label={t('users.actions')}>
                    {c.candidateNumber && c.hasAccessCode && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy}
                        onClick={() => void issue([c.id])}
                      >
                        {t('session.reissue')}
                        <span className="visually-hidden"> {c.candidateNumber}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="panel">
        <summary>{t('session.addNumbered')}</summary>
        <AddNumbered sessionId={session.id} onAdded={list.reload} />
      </details>
      <details className="panel">
        <summary>{t('session.addAccounts')}</summary>
        <AddAccounts sessionId={session.id} onAdded={list.reload} />
      </details>
    </section>
  );
}
