import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { REVIEW_SHOWS, REVIEW_WHEN, type ReviewShows, type ReviewWhen } from '@bank-views';
import { downloadFile } from '../../api/api.js';
import {
  bankApi,
  issuedCodes,
  type ExamSession,
  type SessionItemAnalysis,
  type StaffCandidateView,
} from '../../api/bank-api.js';
import { orgApi } from '../../api/org-api.js';
import { useResource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert } from '../../ui/error-alert.js';
import { fromLocalInput, parseCandidateList, toLocalInput, type CandidateLineProblem } from './bank-forms.js';
import { formatWindow } from './sessions-page.js';
import '../../styles/bank.css';

const num = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? '—' : String(Math.round(x * 10 ** digits) / 10 ** digits);

function SessionSettingsForm({ session, onSaved }: { session: ExamSession; onSaved: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    name: session.name,
    opensAt: toLocalInput(session.opensAt),
    closesAt: toLocalInput(session.closesAt),
    reviewShows: session.reviewShows,
    reviewWhen: session.reviewWhen,
  });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await bankApi.updateSession(session.id, {
        name: form.name.trim(),
        opensAt: fromLocalInput(form.opensAt) ?? undefined,
        closesAt: fromLocalInput(form.closesAt) ?? undefined,
        reviewShows: form.reviewShows as ReviewShows,
        reviewWhen: form.reviewWhen as ReviewWhen,
      });
      setDone(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="grid-form" onSubmit={(e) => void submit(e)} aria-label={t('session.settings')}>
      <ErrorAlert error={error} />
      <div className="field">
        <label htmlFor="e-name">{t('sessions.name')}</label>
        <input id="e-name" required maxLength={255} value={form.name} onChange={set('name')} />
      </div>
      <div className="field">
        <label htmlFor="e-opens">{t('sessions.opensAt')}</label>
        <input id="e-opens" type="datetime-local" required value={form.opensAt} onChange={set('opensAt')} />
      </div>
      <div className="field">
        <label htmlFor="e-closes">{t('sessions.closesAt')}</label>
        <input id="e-closes" type="datetime-local" required value={form.closesAt} onChange={set('closesAt')} />
      </div>
      <div className="field">
        <label htmlFor="e-shows">{t('sessions.reviewShows')}</label>
        <select id="e-shows" value={form.reviewShows} onChange={set('reviewShows')}>
          {REVIEW_SHOWS.map((r) => (
            <option key={r} value={r}>
              {t(`sessions.reviewShows.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="e-when">{t('sessions.reviewWhen')}</label>
        <select id="e-when" value={form.reviewWhen} onChange={set('reviewWhen')}>
          {REVIEW_WHEN.map((r) => (
            <option key={r} value={r}>
              {t(`sessions.reviewWhen.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-actions">
        <button type="submit" className="btn btn-primary">
          {t('app.save')}
        </button>
      </div>
      {done && (
        <p className="alert alert-ok" role="status">
          {t('session.settingsSaved')}
        </p>
      )}
    </form>
  );
}

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

function Candidates({ session }: { session: ExamSession }) {
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

function ItemAnalysis({ data }: { data: SessionItemAnalysis }) {
  const { t } = useI18n();
  const s = data.test;
  return (
    <>
      <dl className="bank-stats">
        <div>
          <dt>{t('analysis.attempts')}</dt>
          <dd>{s.attempts}</dd>
        </div>
        <div>
          <dt>{t('analysis.mean')}</dt>
          <dd>{num(s.mean)}</dd>
        </div>
        <div>
          <dt>{t('analysis.median')}</dt>
          <dd>{num(s.median)}</dd>
        </div>
        <div>
          <dt>{t('analysis.sd')}</dt>
          <dd>{num(s.sd)}</dd>
        </div>
        <div>
          <dt>{t('analysis.skewness')}</dt>
          <dd>{num(s.skewness)}</dd>
        </div>
        <div>
          <dt>{t('analysis.kurtosis')}</dt>
          <dd>{num(s.kurtosis)}</dd>
        </div>
        <div>
          <dt>{t('analysis.cic')}</dt>
          <dd>{num(s.cic)}</dd>
        </div>
        <div>
          <dt>{t('analysis.errorRatio')}</dt>
          <dd>{num(s.errorRatio)}</dd>
        </div>
        <div>
          <dt>{t('analysis.standardError')}</dt>
          <dd>{num(s.standardError)}</dd>
        </div>
      </dl>
      {data.questions.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('analysis.question')}</th>
                <th scope="col">{t('analysis.attempts')}</th>
                <th scope="col">{t('analysis.facility')}</th>
                <th scope="col">{t('analysis.itemSd')}</th>
                <th scope="col">{t('analysis.discrimination')}</th>
                <th scope="col">{t('analysis.efficiency')}</th>
              </tr>
            </thead>
            <tbody>
              {data.questions.map((q) => (
                <tr
                  key={q.questionId}
                  className={q.discrimination !== null && q.discrimination < 20 ? 'bank-weak' : ''}
                >
                  <td data-label={t('analysis.question')}>
                    <Link to={`/bank/questions/${q.questionId}`}>#{q.questionId}</Link> {q.stem}
                  </td>
                  <td data-label={t('analysis.attempts')}>{q.attempts}</td>
                  <td data-label={t('analysis.facility')}>{num(q.facility)}</td>
                  <td data-label={t('analysis.itemSd')}>{num(q.sd)}</td>
                  <td data-label={t('analysis.discrimination')}>{num(q.discrimination)}</td>
                  <td data-label={t('analysis.efficiency')}>{num(q.efficiency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">{t('analysis.hint')}</p>
    </>
  );
}

/** Recruitment: rank by score + priority points within the quota, with the tie-break chain. */
function Ranking({ session }: { session: ExamSession }) {
  const { t } = useI18n();
  const ranking = useResource((signal) => bankApi.ranking(session.id, signal), [session.id]);
  return (
    <>
      <h3>{t('ranking.title', { quota: session.quota ?? 0 })}</h3>
      <ErrorAlert error={ranking.error} onRetry={ranking.reload} />
      {ranking.data && ranking.data.rows.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('ranking.rank')}</th>
                <th scope="col">{t('candidate.number')}</th>
                <th scope="col">{t('users.fullName')}</th>
                <th scope="col">{t('results.score')}</th>
                <th scope="col">{t('ranking.priority')}</th>
                <th scope="col">{t('ranking.total')}</th>
                <th scope="col">{t('ranking.admitted')}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.data.rows.map((r) => (
                <tr key={r.candidateId}>
                  <td data-label={t('ranking.rank')}>{r.rank ?? '—'}</td>
                  <td data-label={t('candidate.number')} className="mono">
                    {r.candidateNumber ?? '—'}
                  </td>
                  <td data-label={t('users.fullName')}>{r.fullName}</td>
                  <td data-label={t('results.score')}>{num(r.score)}</td>
                  <td data-label={t('ranking.priority')}>{num(r.priorityPoints)}</td>
                  <td data-label={t('ranking.total')}>{num(r.total)}</td>
                  <td data-label={t('ranking.admitted')}>
                    {r.withinQuota ? t('ranking.within') : '—'}
                    {r.tiedAtEdge ? ` (${t('ranking.tiedAtEdge')})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** After a question is corrected (a new version), grade the session's attempts again. */
function Regrade({ session, onDone }: { session: ExamSession; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      const r = await bankApi.regrade(session.id, reason.trim());
      setNotice(t('regrade.done', { attempts: r.attempts, changed: r.changed.length }));
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <p className="muted">{t('regrade.hint')}</p>
      <div className="field">
        <label htmlFor="regrade-reason">{t('regrade.reason')}</label>
        <input
          id="regrade-reason"
          required
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button type="submit" className="btn" disabled={!reason.trim()}>
        {t('regrade.run')}
      </button>
      <ErrorAlert error={error} />
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}

function Results({ session }: { session: ExamSession }) {
  const { t } = useI18n();
  const rows = useResource((signal) => bankApi.results(session.id, signal), [session.id]);
  const agencies = useResource((signal) => bankApi.byAgency(session.id, signal), [session.id]);
  const bands = useResource((signal) => bankApi.distribution(session.id, signal), [session.id]);
  const analysis = useResource((signal) => bankApi.itemAnalysis(session.id, signal), [session.id]);
  const [error, setError] = useState<unknown>(null);
  const most = Math.max(1, ...(bands.data ?? []).map((b) => b.count));
  const { user } = useAuth();
  const reloadAll = (): void => {
    rows.reload();
    agencies.reload();
    bands.reload();
    analysis.reload();
  };
  return (
    <section className="panel" aria-labelledby="results-title">
      <h2 id="results-title">{t('results.title')}</h2>
      <div className="toolbar">
        <button
          type="button"
          className="btn"
          onClick={() =>
            void downloadFile(bankApi.resultsXlsxUrl(session.id), `ket-qua-ca-thi-${session.id}.xlsx`).catch(setError)
          }
        >
          {t('results.excel')}
        </button>
        <button type="button" className="btn" onClick={reloadAll}>
          {t('results.refresh')}
        </button>
      </div>
      <ErrorAlert error={error ?? rows.error} />
      {rows.data && rows.data.length === 0 && <p>{t('results.empty')}</p>}
      {rows.data && rows.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('candidate.number')}</th>
                <th scope="col">{t('users.fullName')}</th>
                <th scope="col">{t('users.agency')}</th>
                <th scope="col">{t('results.state')}</th>
                <th scope="col">{t('results.score')}</th>
                <th scope="col">%</th>
                <th scope="col">{t('results.passed')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((r) => (
                <tr key={r.candidateId}>
                  <td data-label={t('candidate.number')} className="mono">
                    {r.candidateNumber ?? '—'}
                  </td>
                  <td data-label={t('users.fullName')}>{r.fullName}</td>
                  <td data-label={t('users.agency')}>{r.agencyName ?? '—'}</td>
                  <td data-label={t('results.state')}>{t(`results.state.${r.state}`)}</td>
                  <td data-label={t('results.score')}>
                    {r.score === null ? '—' : `${num(r.score)}/${num(r.maxScore)}`}
                  </td>
                  <td data-label="%">{num(r.percent)}</td>
                  <td data-label={t('results.passed')}>
                    {r.passed === null ? '—' : r.passed ? t('result.passed') : t('result.failed')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {session.purpose === 'recruitment' && <Ranking session={session} />}
      <h3>{t('results.byAgency')}</h3>
      <ErrorAlert error={agencies.error} />
      {agencies.data && agencies.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('users.agency')}</th>
                <th scope="col">{t('results.candidates')}</th>
                <th scope="col">{t('results.graded')}</th>
                <th scope="col">{t('results.passedCount')}</th>
                <th scope="col">{t('results.passRate')}</th>
                <th scope="col">{t('results.mean')}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.data.map((a) => (
                <tr key={a.agencyId ?? 0}>
                  <td data-label={t('users.agency')}>{a.agencyName ?? t('users.noAgency')}</td>
                  <td data-label={t('results.candidates')}>{a.candidates}</td>
                  <td data-label={t('results.graded')}>{a.graded}</td>
                  <td data-label={t('results.passedCount')}>{a.passed}</td>
                  <td data-label={t('results.passRate')}>{num(a.passRate)}</td>
                  <td data-label={t('results.mean')}>{num(a.meanPercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id="dist-title">{t('results.distribution')}</h3>
      {bands.data && (
        <table className="bank-bars" aria-labelledby="dist-title">
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('results.band')}</th>
              <th scope="col">{t('results.count')}</th>
            </tr>
          </thead>
          <tbody>
            {bands.data.map((b) => (
              <tr key={b.from}>
                <th scope="row">
                  {b.from}–{b.to === 100 ? '100' : `<${b.to}`} %
                </th>
                <td>
                  <span className="bank-bar" style={{ width: `${(b.count / most) * 100}%` }} />
                  <span className="bank-bar-count">{b.count}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('analysis.title')}</h3>
      <ErrorAlert error={analysis.error} />
      {analysis.data && <ItemAnalysis data={analysis.data} />}
      {(user?.role === 'admin' || user?.role === 'organizer') && (
        <details className="panel">
          <summary>{t('regrade.title')}</summary>
          <Regrade session={session} onDone={reloadAll} />
        </details>
      )}
    </section>
  );
}

/** One session: its settings, candidates and access codes, results and item statistics. */
export function SessionPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const session = useResource((signal) => bankApi.session(id, signal), [id]);
  const s = session.data;
  return (
    <section aria-labelledby="session-title" className="bank">
      <p>
        <Link to="/sessions">← {t('sessions.title')}</Link>
      </p>
      <h1 id="session-title">{s ? s.name : t('sessions.title')}</h1>
      {session.loading && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={session.error} onRetry={session.reload} />
      {s && (
        <>
          <dl className="bank-summary">
            <div>
              <dt>{t('sessions.purpose')}</dt>
              <dd>
                {t(`sessions.purpose.${s.purpose}`)}
                {s.jobPosition ? ` · ${s.jobPosition} (${t('sessions.quota')}: ${s.quota ?? 0})` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('sessions.window')}</dt>
              <dd>{formatWindow(s.opensAt, s.closesAt, lang)}</dd>
            </div>
            <div>
              <dt>{t('sessions.minutes')}</dt>
              <dd>{Math.round(s.durationSeconds / 60)}</dd>
            </div>
            <div>
              <dt>{t('sessions.review')}</dt>
              <dd>
                {t(`sessions.reviewShows.${s.reviewShows}`)}, {t(`sessions.reviewWhen.${s.reviewWhen}`)}
              </dd>
            </div>
            <div>
              <dt>{t('session.parts')}</dt>
              <dd>
                {s.settings.parts.map((p) => p.name).join(' · ')} ({t(`templates.navigation.${s.settings.navigation}`)},{' '}
                {t('templates.passMark', { percent: s.settings.passPercent })})
              </dd>
            </div>
          </dl>
          <details className="panel">
            <summary>{t('session.settings')}</summary>
            <SessionSettingsForm session={s} onSaved={session.reload} />
          </details>
          <Candidates session={s} />
          <Results session={s} />
        </>
      )}
    </section>
  );
}
