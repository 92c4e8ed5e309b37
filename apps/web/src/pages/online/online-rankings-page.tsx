import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { downloadFile } from '../../api/api.js';
import { formatDuration, onlineApi, type OnlineAgencyRow } from '../../api/online-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';

const percent = (rate: number): string => `${Math.round(rate * 1000) / 10} %`;
/** Entrant rows the page shows; the Excel file has them all. */
const SHOWN_ENTRANTS = 200;

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
                  {r.entrants.slice(0, SHOWN_ENTRANTS).map((e) => (
                    <tr key={e.userId}>
                      <td data-label={t('online.rank.rank')}>{e.rank}</td>
                      <td data-label={t('online.rank.name')}>{e.fullName}</td>
                      <td data-label={t('online.rank.agency')}>{e.agencyName ?? '—'}</td>
                      <td data-label={t('online.rank.score')}>{e.score}</td>
                      <td data-label={t('online.rank.time')}>{formatDuration(e.durationMs)}</td>
                      <td data-label={t('online.rank.prediction')}>
                        {e.prediction === null ? '—' : `${e.prediction} (${e.predictionMiss})`}
                      </td>
                      <td data-label={t('online.rank.attempts')}>{e.attempts}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {r.entrants.length > SHOWN_ENTRANTS && (
            <p className="muted">{t('online.rank.more', { shown: SHOWN_ENTRANTS, total: r.entrants.length })}</p>
          )}
          <h2>{t('online.rank.agencies')}</h2>
          {r.agencies.some((a) => !a.excluded) ? (
            <AgencyTable rows={r.agencies.filter((a) => !a.excluded)} minParticipation={r.minParticipation} />
          ) : (
            <p data-testid="online-no-ranked">
              {t('online.rank.noneRanked', { min: Math.round(r.minParticipation * 100) })}
            </p>
          )}
          {r.agencies.some((a) => a.excluded) && (
            <details>
              <summary>
                {t('online.rank.excludedCount', {
                  n: r.agencies.filter((a) => a.excluded).length,
                  min: Math.round(r.minParticipation * 100),
                })}
              </summary>
              <AgencyTable rows={r.agencies.filter((a) => a.excluded)} minParticipation={r.minParticipation} />
            </details>
          )}
        </>
      )}
    </section>
  );
}

function AgencyTable({ rows, minParticipation }: { rows: OnlineAgencyRow[]; minParticipation: number }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={rows[0]?.excluded ? 'online-agencies-excluded' : 'online-agencies'}>
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
          {rows.map((a) => (
            <tr key={a.agencyId}>
              <td data-label={t('online.rank.rank')}>
                {a.excluded ? t('online.rank.excluded', { min: Math.round(minParticipation * 100) }) : a.rank}
              </td>
              <td data-label={t('online.rank.agency')}>{a.agencyName}</td>
              <td data-label={t('online.rank.participants')}>{a.participants}</td>
              <td data-label={t('online.rank.officials')}>{a.officials}</td>
              <td data-label={t('online.rank.rate')}>{percent(a.participationRate)}</td>
              <td data-label={t('online.rank.mean')}>{a.meanScore}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
