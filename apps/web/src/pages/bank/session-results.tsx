import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { downloadFile } from '../../api/api.js';
import { bankApi, type ExamSession, type SessionItemAnalysis } from '../../api/bank-api.js';
import { useResource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert } from '../../ui/error-alert.js';

const num = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? '—' : String(Math.round(x * 10 ** digits) / 10 ** digits);

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
      <h3>{t('recruitment.title', { quota: session.quota ?? 0 })}</h3>
      <ErrorAlert error={ranking.error} onRetry={ranking.reload} />
      {ranking.data && ranking.data.rows.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('recruitment.rank')}</th>
                <th scope="col">{t('candidate.number')}</th>
                <th scope="col">{t('users.fullName')}</th>
                <th scope="col">{t('results.score')}</th>
                <th scope="col">{t('recruitment.priority')}</th>
                <th scope="col">{t('recruitment.total')}</th>
                <th scope="col">{t('recruitment.admitted')}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.data.rows.map((r) => (
                <tr key={r.candidateId}>
                  <td data-label={t('recruitment.rank')}>{r.rank ?? '—'}</td>
                  <td data-label={t('candidate.number')} className="mono">
                    {r.candidateNumber ?? '—'}
                  </td>
                  <td data-label={t('users.fullName')}>{r.fullName}</td>
                  <td data-label={t('results.score')}>{num(r.score)}</td>
                  <td data-label={t('recruitment.priority')}>{num(r.priorityPoints)}</td>
                  <td data-label={t('recruitment.total')}>{num(r.total)}</td>
                  <td data-label={t('recruitment.admitted')}>
                    {r.withinQuota ? t('recruitment.within') : '—'}
                    {r.tiedAtEdge ? ` (${t('recruitment.tiedAtEdge')})` : ''}
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

/** A session's results: per candidate, ranking, by agency, distribution, item statistics, regrading. */
export function Results({ session }: { session: ExamSession }) {
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
