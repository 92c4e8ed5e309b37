import { useState } from 'react';
import { Link } from 'react-router-dom';
import { resultsApi, type PassRates, type SchemeSummary } from '../../api/results-api.js';
import { useResource, type Resource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import {
  agencyPassRateSeries,
  areaBreakdown,
  communePassRateSeries,
  differenceSeries,
  distributionSeries,
  formatNumber,
  passTotals,
  rankingSeries,
  weakTopicSeries,
} from '../../inspector/results-logic.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';
import { ChartFigure, chartColor } from '../../ui/inspector-chart.js';
import { DownloadButton, SchemePicker, useSchemeChoice } from '../../ui/inspector-parts.js';

/**
 * The inspectors' view of a year: how the inspection tests went (score distribution, pass rates
 * by agency and commune, weakest topics), how the index stands before publication (ranking,
 * component indexes) and where self-scores and appraisals part most.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const schemes = useResource((signal) => resultsApi.schemes({}, signal), []);
  const choice = useSchemeChoice(schemes.data);
  return (
    <section aria-labelledby="dash-title" className="inspector">
      <h1 id="dash-title">{t('dash.title')}</h1>
      {schemes.missing ? (
        <NotAvailable />
      ) : (
        <>
          {schemes.loading && <p role="status">{t('app.loading')}</p>}
          <ErrorAlert error={schemes.error} onRetry={schemes.reload} />
          {schemes.data && schemes.data.length === 0 && <p>{t('par.noSchemes')}</p>}
          {schemes.data && schemes.data.length > 0 && <SchemePicker schemes={schemes.data} choice={choice} />}
          {schemes.data && schemes.data.length > 0 && !choice.scheme && <p>{t('par.noSchemeForChoice')}</p>}
          {choice.scheme && <SchemeDashboard key={choice.scheme.id} scheme={choice.scheme} />}
        </>
      )}
    </section>
  );
}

function SchemeDashboard({ scheme }: { scheme: SchemeSummary }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const [agencyFilter, setAgencyFilter] = useState<number | undefined>(undefined);
  const [breakdownAgency, setBreakdownAgency] = useState<number | null>(null);
  const [recompute, setRecompute] = useState<{ busy: boolean; error: unknown; done: string | null }>({
    busy: false,
    error: null,
    done: null,
  });
  const [tick, setTick] = useState(0);

  const rates = useResource((s) => resultsApi.passRates(scheme.id, s), [scheme.id, tick]);
  const dist = useResource((s) => resultsApi.distribution(scheme.id, agencyFilter, s), [scheme.id, agencyFilter, tick]);
  const topics = useResource(
    (s) => resultsApi.weakestTopics(scheme.id, agencyFilter, s),
    [scheme.id, agencyFilter, tick],
  );
  const ranking = useResource((s) => resultsApi.rankingPreview(scheme.id, s), [scheme.id, tick]);
  const diffs = useResource((s) => resultsApi.differences(scheme.id, 10, s), [scheme.id, tick]);
  const sessions = useResource((s) => resultsApi.inspectionSessions(s), [tick]);

  const totals = rates.data ? passTotals(rates.data) : null;
  const agencies = rates.data?.rows ?? [];
  const chosenBreakdown = breakdownAgency ?? ranking.data?.rows[0]?.agencyId ?? null;
  const yearSessions = (sessions.data?.items ?? []).filter((s) => new Date(s.opensAt).getUTCFullYear() === scheme.year);

  const runRecompute = async (): Promise<void> => {
    setRecompute({ busy: true, error: null, done: null });
    try {
      const r = await resultsApi.recomputeScheme(scheme.id);
      const changed = r.leaves.filter((l) => l.changed).length;
      setRecompute({ busy: false, error: null, done: t('dash.recomputed', { attempts: r.attempts, changed }) });
      setTick((n) => n + 1);
    } catch (error) {
      setRecompute({ busy: false, error, done: null });
    }
  };

  const pct = (n: number | null | undefined): string =>
    n === null || n === undefined ? '—' : `${formatNumber(n, lang)} %`;

  return (
    <>
      <p className="muted">
        {scheme.name} · {t(`par.scheme.${scheme.status}`)}
      </p>
      <div className="toolbar">
        <button type="button" className="btn btn-primary" disabled={recompute.busy} onClick={() => void runRecompute()}>
          {t('dash.recompute')}
        </button>
        <Link className="btn" to={`/scorecards?year=${scheme.year}&level=${scheme.levelCode}`}>
          {t('dash.toScorecards')}
        </Link>
        <Link className="btn" to={`/ranking?year=${scheme.year}&level=${scheme.levelCode}`}>
          {t('dash.toRanking')}
        </Link>
        <DownloadButton
          path={resultsApi.rankingXlsxUrl(scheme.id)}
          filename={`xep-hang-cchc-${scheme.year}-${scheme.levelCode}.xlsx`}
          label={t('dash.exportRanking')}
        />
      </div>
      {recompute.done && (
        <p className="alert alert-ok" role="status">
          {recompute.done}
        </p>
      )}
      <ErrorAlert error={recompute.error} />

      <ul className="kpis" aria-label={t('dash.summary')}>
        <li>
          <span className="kpi-value" data-testid="kpi-candidates">
            {totals ? formatNumber(totals.candidates, lang) : '—'}
          </span>
          <span className="kpi-label">{t('dash.kpi.candidates')}</span>
        </li>
        <li>
          <span className="kpi-value" data-testid="kpi-passrate">
            {pct(totals?.passRate)}
          </span>
          <span className="kpi-label">
            {t('dash.kpi.passRate', { threshold: formatNumber(rates.data?.passThresholdPercent ?? 50, lang) })}
          </span>
        </li>
        <li>
          <span className="kpi-value">{ranking.data ? ranking.data.rows.length : '—'}</span>
          <span className="kpi-label">{t('dash.kpi.scorecards')}</span>
        </li>
        <li>
          <span className="kpi-value">{pct(ranking.data?.rows[0]?.index)}</span>
          <span className="kpi-label">{t('dash.kpi.topIndex')}</span>
        </li>
      </ul>

      <div className="dash-grid">
        <ChartFigure
          id="chart-distribution"
          title={t('dash.distribution')}
          labelHeader={t('dash.scoreBand')}
          unit=""
          labels={dist.data ? distributionSeries(dist.data).labels : []}
          datasets={
            dist.data
              ? [
                  {
                    label: t('dash.candidates'),
                    values: distributionSeries(dist.data).values,
                    color: chartColor('primary'),
                  },
                ]
              : []
          }
          empty={dist.loading ? t('app.loading') : t('dash.noAttempts')}
        >
          <div className="field inline-field">
            <label htmlFor="dash-agency">{t('dash.agencyFilter')}</label>
            <select
              id="dash-agency"
              value={agencyFilter ?? ''}
              onChange={(e) => setAgencyFilter(e.target.value ? Number(e.target.value) : undefined)}
            >
              <option value="">{t('dash.allAgencies')}</option>
              {agencies.map((a) => (
                <option key={a.agencyId} value={a.agencyId}>
                  {a.agencyName}
                </option>
              ))}
            </select>
          </div>
          <ErrorAlert error={dist.error} />
        </ChartFigure>

        <PassRateFigure rates={rates} />

        <ChartFigure
          id="chart-ranking"
          title={t('dash.ranking')}
          labelHeader={t('par.agency')}
          unit="%"
          max={100}
          horizontal
          labels={ranking.data ? rankingSeries(ranking.data).labels : []}
          datasets={
            ranking.data
              ? [{ label: t('par.index'), values: rankingSeries(ranking.data).values, color: chartColor('primary') }]
              : []
          }
          extraColumns={
            ranking.data
              ? [
                  { header: t('par.total'), values: ranking.data.rows.map((r) => formatNumber(r.total, lang)) },
                  { header: t('par.band'), values: ranking.data.rows.map((r) => r.band ?? '—') },
                ]
              : []
          }
          empty={ranking.loading ? t('app.loading') : t('dash.noScorecards')}
        >
          <p className="muted small">{t('dash.rankingHint')}</p>
          <ErrorAlert error={ranking.error} />
        </ChartFigure>

        <ChartFigure
          id="chart-areas"
          title={t('dash.areas')}
          labelHeader={t('par.area')}
          unit="%"
          max={100}
          horizontal
          labels={ranking.data ? areaBreakdown(ranking.data, chosenBreakdown).labels : []}
          datasets={
            ranking.data
              ? [
                  {
                    label: ranking.data.rows.find((r) => r.agencyId === chosenBreakdown)?.agencyName ?? '',
                    values: areaBreakdown(ranking.data, chosenBreakdown).agency,
                    color: chartColor('primary'),
                  },
                  {
                    label: t('dash.meanOfAll'),
                    values: areaBreakdown(ranking.data, chosenBreakdown).mean,
                    color: chartColor('secondary'),
                  },
                ]
              : []
          }
          empty={ranking.loading ? t('app.loading') : t('dash.noScorecards')}
        >
          {ranking.data && ranking.data.rows.length > 0 && (
            <div className="field inline-field">
              <label htmlFor="dash-breakdown">{t('par.agency')}</label>
              <select
                id="dash-breakdown"
                value={chosenBreakdown ?? ''}
                onChange={(e) => setBreakdownAgency(Number(e.target.value))}
              >
                {ranking.data.rows.map((r) => (
                  <option key={r.agencyId} value={r.agencyId}>
                    {r.agencyName}
                  </option>
                ))}
              </select>
            </div>
          )}
        </ChartFigure>

        <ChartFigure
          id="chart-topics"
          title={t('dash.weakTopics')}
          labelHeader={t('dash.topic')}
          unit="%"
          max={100}
          horizontal
          labels={topics.data ? weakTopicSeries(topics.data).labels : []}
          datasets={
            topics.data
              ? [
                  {
                    label: t('dash.facility'),
                    values: weakTopicSeries(topics.data).values,
                    color: chartColor('accent'),
                  },
                ]
              : []
          }
          empty={topics.loading ? t('app.loading') : t('dash.noAttempts')}
        >
          <p className="muted small">
            {agencyFilter
              ? t('dash.filteredBy', { name: agencies.find((a) => a.agencyId === agencyFilter)?.agencyName ?? '' })
              : t('dash.allAgencies')}
          </p>
          <ErrorAlert error={topics.error} />
        </ChartFigure>

        <ChartFigure
          id="chart-differences"
          title={t('dash.differences')}
          labelHeader={t('par.agency')}
          unit=""
          horizontal
          labels={diffs.data ? differenceSeries(diffs.data).labels : []}
          datasets={
            diffs.data
              ? [{ label: t('dash.gap'), values: differenceSeries(diffs.data).values, color: chartColor('secondary') }]
              : []
          }
          extraColumns={
            diffs.data
              ? [
                  {
                    header: t('dash.net'),
                    values: [...diffs.data]
                      .sort((a, b) => b.absolute - a.absolute)
                      .map((d) => formatNumber(d.net, lang)),
                  },
                  {
                    header: t('dash.itemsChanged'),
                    values: [...diffs.data].sort((a, b) => b.absolute - a.absolute).map((d) => d.itemsChanged),
                  },
                ]
              : []
          }
          empty={diffs.loading ? t('app.loading') : t('dash.noDifferences')}
        >
          <p className="muted small">{t('dash.differencesHint')}</p>
          <ErrorAlert error={diffs.error} />
        </ChartFigure>
      </div>

      <section className="panel" aria-labelledby="dash-sessions">
        <h2 id="dash-sessions">{t('dash.sessions', { year: scheme.year })}</h2>
        {sessions.missing && <NotAvailable />}
        <ErrorAlert error={sessions.missing ? null : sessions.error} />
        {sessions.data && yearSessions.length === 0 && <p className="muted">{t('dash.noSessions')}</p>}
        {yearSessions.length > 0 && (
          <ul className="session-list">
            {yearSessions.map((s) => (
              <li key={s.id}>
                <Link to={`/sessions/${s.id}`}>{s.name}</Link>{' '}
                <span className="muted small">
                  {new Date(s.opensAt).toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB')}
                </span>{' '}
                <DownloadButton
                  path={`/api/exam/sessions/${s.id}/results.xlsx`}
                  filename={`ket-qua-ca-thi-${s.id}.xlsx`}
                  label={t('dash.sessionResults')}
                />
              </li>
            ))}
          </ul>
        )}
        {user?.role === 'admin' && (
          <p className="muted small">
            <Link to="/schemes">{t('nav.schemes')}</Link>
          </p>
        )}
      </section>
    </>
  );
}

function PassRateFigure({ rates }: { rates: Resource<PassRates> }) {
  const { t } = useI18n();
  const [by, setBy] = useState<'agency' | 'commune'>('agency');
  const series = rates.data
    ? by === 'agency'
      ? agencyPassRateSeries(rates.data)
      : communePassRateSeries(rates.data)
    : null;
  return (
    <ChartFigure
      id="chart-passrates"
      title={by === 'agency' ? t('dash.passByAgency') : t('dash.passByCommune')}
      labelHeader={by === 'agency' ? t('par.agency') : t('dash.commune')}
      unit="%"
      max={100}
      horizontal
      labels={series?.labels ?? []}
      datasets={series ? [{ label: t('dash.passRate'), values: series.values, color: chartColor('primary') }] : []}
      extraColumns={series ? [{ header: t('dash.candidates'), values: series.candidates }] : []}
      empty={rates.loading ? t('app.loading') : by === 'commune' ? t('dash.noCommunes') : t('dash.noAttempts')}
    >
      <div className="segmented" role="group" aria-label={t('dash.passBy')}>
        <button type="button" className="btn btn-small" aria-pressed={by === 'agency'} onClick={() => setBy('agency')}>
          {t('dash.byAgency')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={by === 'commune'}
          onClick={() => setBy('commune')}
        >
          {t('dash.byCommune')}
        </button>
      </div>
      <ErrorAlert error={rates.error} />
    </ChartFigure>
  );
}
