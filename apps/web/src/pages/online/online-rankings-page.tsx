import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { downloadFile } from '../../api/api.js';
import { formatDuration, onlineApi } from '../../api/online-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';

const percent = (rate: number): string => `${Math.round(rate * 1000) / 10} %`;

/** /online/manage/:id — individual and agency rankings of an online contest, with the Excel export. */
export function OnlineRankingsPage() {
  const { t } = useI18n();
  const { contestId } = useParams();
  const id = Number(contestId);
  const rankings = useResource((signal) => onlineApi.rankings(id, signal), [id]);
  const [error, setError] = useState<unknown>(null);
  const r = rankings.data;
  return (
    <section aria-labelledby="online-rank-title">
      <h1 id="online-rank-title">{t('online.rank.title', { title: r?.contestTitle ?? '' })}</h1>
      <p className="toolbar">
        <Link to="/online/manage">← {t('online.manage.title')}</Link>
        <button
          type="button"
          className="btn"
          onClick={() =>
            void downloadFile(`/api/online-contests/${id}/rankings.xlsx`, `xep-hang-thi-truc-tuyen-${id}.xlsx`).catch(
              (e: unknown) => setError(e),
            )
          }
        >
          {t('online.rank.excel')}
        </button>
      </p>
      <ErrorAlert error={error} />
      {rankings.loading && <p role="status">{t('app.loading')}</p>}
      {rankings.missing ? <NotAvailable /> : <ErrorAlert error={rankings.error} onRetry={rankings.reload} />}
      {r && (
        <>
          <p>{r.final ? t('online.rank.final') : t('online.rank.provisional')}</p>
          <p>{t('online.rank.allCorrect', { n: r.actualAllCorrect })}</p>
          <h2>{t('online.rank.entrants')}</h2>
          {r.entrants.length === 0 && <p>{t('online.rank.noEntrants')}</p>}
          {r.entrants.length > 0 && (
            <div className="table-wrap">
              <table className="table" data-testid="online-entrants">
                <thead>
                  <tr>
                    <th scope="col">{t('online.rank.rank')}</th>
                    <th scope="col">{t('online.rank.name')}</th>
                    <th scope="col">{t('online.rank.agency')}</th>
                    <th scope="col">{t('online.rank.score')}</th>
                    <th scope="col">{t('online.rank.time')}</th>
                    <th scope="col">{t('online.rank.prediction')}</th>
                    <th scope="col">{t('online.rank.attempts')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.entrants.map((e) => (
                    <tr key={e.userId}>
                      <td>{e.rank}</td>
                      <td>{e.fullName}</td>
                      <td>{e.agencyName ?? '—'}</td>
                      <td>{e.score}</td>
                      <td>{formatDuration(e.durationMs)}</td>
                      <td>{e.prediction === null ? '—' : `${e.prediction} (${e.predictionMiss})`}</td>
                      <td>{e.attempts}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>{t('online.rank.agencies')}</h2>
          <div className="table-wrap">
            <table className="table" data-testid="online-agencies">
              <thead>
                <tr>
                  <th scope="col">{t('online.rank.rank')}</th>
                  <th scope="col">{t('online.rank.agency')}</th>
                  <th scope="col">{t('online.rank.participants')}</th>
                  <th scope="col">{t('online.rank.officials')}</th>
                  <th scope="col">{t('online.rank.rate')}</th>
                  <th scope="col">{t('online.rank.mean')}</th>
                </tr>
              </thead>
              <tbody>
                {r.agencies.map((a) => (
                  <tr key={a.agencyId} className={a.excluded ? 'muted' : undefined}>
                    <td>
                      {a.excluded ? t('online.rank.excluded', { min: Math.round(r.minParticipation * 100) }) : a.rank}
                    </td>
                    <td>{a.agencyName}</td>
                    <td>{a.participants}</td>
                    <td>{a.officials}</td>
                    <td>{percent(a.participationRate)}</td>
                    <td>{a.meanScore}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
