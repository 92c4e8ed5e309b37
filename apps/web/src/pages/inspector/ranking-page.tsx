import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/api.js';
import { ApiError } from '../../api/api-error.js';
import { resultsApi, type RankingView } from '../../api/results-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatNumber, rankChangeText } from '../../inspector/results-logic.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';
import { DownloadButton, levelLabel } from '../../ui/inspector-parts.js';

interface AgencyLevel {
  id: number;
  code: string;
  name: string;
  depth: number;
  active: boolean;
}

/** The published PAR Index ranking of a level and year: shared ranks, bands, change, breakdown, Excel. */
export function RankingPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const levels = useResource((signal) => api.get<AgencyLevel[]>('/api/agency-levels', { signal }), []);
  const level =
    params.get('level') || levels.data?.find((l) => l.code === 'department')?.code || levels.data?.[0]?.code;
  const ranking = useResource(
    (signal) => (level ? resultsApi.ranking(year, level, signal) : Promise.resolve(null)),
    [year, level],
  );
  const set = (k: string, v: string): void =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(k, v);
        return next;
      },
      { replace: true },
    );
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(year)) years.push(year);
  const noScheme = ranking.error instanceof ApiError && ranking.error.code === 'NO_ACTIVE_SCHEME';
  return (
    <section aria-labelledby="ranking-title" className="inspector">
      <h1 id="ranking-title">{t('ranking.title')}</h1>
      <div className="toolbar picker">
        <div className="field">
          <label htmlFor="ranking-year">{t('par.year')}</label>
          <select id="ranking-year" value={year} onChange={(e) => set('year', e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ranking-level">{t('par.level')}</label>
          <select id="ranking-level" value={level ?? ''} onChange={(e) => set('level', e.target.value)}>
            {(levels.data ?? []).map((l) => (
              <option key={l.code} value={l.code}>
                {l.name || levelLabel(t, l.code)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={levels.error} onRetry={levels.reload} />
      {ranking.missing && <NotAvailable />}
      {ranking.loading && <p role="status">{t('app.loading')}</p>}
      {noScheme ? (
        <p className="alert alert-info" role="status">
          {t('ranking.noScheme', { year })}
        </p>
      ) : (
        <ErrorAlert error={ranking.missing ? null : ranking.error} onRetry={ranking.reload} />
      )}
      {ranking.data && <RankingTable view={ranking.data} />}
    </section>
  );
}

function RankingTable({ view }: { view: RankingView }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const num = (n: number): string => formatNumber(n, lang);
  const toggle = (agencyId: number): void =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(agencyId)) next.delete(agencyId);
      else next.add(agencyId);
      return next;
    });
  return (
    <>
      <p className="muted">{view.name}</p>
      <div className="toolbar">
        <DownloadButton
          path={resultsApi.rankingXlsxUrl(view.schemeId)}
          filename={`xep-hang-cchc-${view.year}-${view.levelCode}.xlsx`}
          label={t('ranking.export')}
        />
      </div>
      {view.rows.length === 0 ? (
        <p>{t('ranking.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table ranking-table">
            <caption className="visually-hidden">{view.name}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ranking.rank')}</th>
                <th scope="col">{t('par.agency')}</th>
                <th scope="col">{t('par.total')}</th>
                <th scope="col">{t('par.index')}</th>
                <th scope="col">{t('par.band')}</th>
                <th scope="col">{t('ranking.change')}</th>
                <th scope="col">{t('ranking.breakdown')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => {
                const change = rankChangeText(r.rankChange);
                const previous = t('ranking.previous', {
                  rank: r.previousRank ?? '—',
                  index: r.previousIndex === null ? '—' : num(r.previousIndex),
                });
                const detailId = `ranking-areas-${r.agencyId}`;
                return (
                  <Fragment key={r.agencyId}>
                    <tr data-agency={r.agencyCode}>
                      <td data-label={t('ranking.rank')} className="rank-cell">
                        {r.rank}
                      </td>
                      <th scope="row" data-label={t('par.agency')}>
                        {r.agencyName}
                      </th>
                      <td data-label={t('par.total')}>{num(r.total)}</td>
                      <td data-label={t('par.index')}>{formatNumber(r.index, lang, true)} %</td>
                      <td data-label={t('par.band')}>{r.band ?? '—'}</td>
                      <td data-label={t('ranking.change')}>
                        {change === null ? (
                          <span className="muted">{t('ranking.new')}</span>
                        ) : (
                          <span
                            className={r.rankChange! > 0 ? 'up' : r.rankChange! < 0 ? 'down' : undefined}
                            title={previous}
                          >
                            {change}
                            <span className="visually-hidden"> {previous}</span>
                          </span>
                        )}
                      </td>
                      <td data-label={t('ranking.breakdown')}>
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-expanded={open.has(r.agencyId)}
                          aria-controls={detailId}
                          onClick={() => toggle(r.agencyId)}
                        >
                          {t('ranking.showAreas')}
                          <span className="visually-hidden"> {r.agencyName}</span>
                        </button>
                      </td>
                    </tr>
                    {open.has(r.agencyId) && (
                      <tr className="detail" id={detailId}>
                        <td colSpan={7}>
                          <ul className="area-grid" aria-label={t('ranking.areasOf', { name: r.agencyName })}>
                            {view.areas.map((a) => {
                              const got = r.areas.find((x) => x.code === a.code);
                              return (
                                <li key={a.code}>
                                  <span>
                                    <span className="badge">{a.code}</span> {a.name}
                                  </span>
                                  <span className="nowrap">
                                    {t('cards.points', { achieved: num(got?.achieved ?? 0), max: num(a.max) })} ·{' '}
                                    {num(got?.index ?? 0)} %
                                  </span>
                                </li>
                              );
                            })}
                          </ul>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
