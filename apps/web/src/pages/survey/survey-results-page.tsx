import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip } from 'chart.js';
import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { api, downloadFile } from '../../api/api.js';
import type { SatisfactionGroup, SurveyResults } from '../../api/survey-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { MessageKey } from '../../i18n/messages.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';
import '../../styles/survey.css';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip);

interface FormSummary {
  id: number;
  code: string;
  name: string;
}

/** A Vietnam date (YYYY-MM-DD) as the instant its day starts there (UTC+7). */
const vnMidnight = (day: string, plusDays = 0): string =>
  new Date(Date.parse(`${day}T00:00:00+07:00`) + plusDays * 86400_000).toISOString();

const pct = (x: number | null): string => (x === null ? '—' : x.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

function GroupTable({ caption, rows }: { caption: MessageKey; rows: SatisfactionGroup[] }) {
  const { t } = useI18n();
  if (!rows.length) return null;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t(caption)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('survey.group')}</th>
            <th scope="col">{t('survey.responses')}</th>
            <th scope="col">{t('survey.answers')}</th>
            <th scope="col">{t('survey.satisfied')}</th>
            <th scope="col">{t('survey.rate')}</th>
            <th scope="col">{t('survey.margin')}</th>
            <th scope="col">{t('survey.interval')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" data-label={t('survey.group')}>
                {r.label}
              </th>
              <td data-label={t('survey.responses')}>{r.responses}</td>
              <td data-label={t('survey.answers')}>{r.answers}</td>
              <td data-label={t('survey.satisfied')}>{r.satisfied}</td>
              <td data-label={t('survey.rate')} className="survey-rate">
                {pct(r.ratePercent)}
              </td>
              <td data-label={t('survey.margin')}>{r.margin95 === null ? '—' : `± ${pct(r.margin95)}`}</td>
              <td data-label={t('survey.interval')}>
                {r.low === null ? '—' : `${pct(r.low)} – ${pct(r.high)}`}
                {r.method === 'wilson' && <span className="muted"> ({t('survey.wilson')})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * /survey/results — satisfaction per question, section, desk, agency and period, with the number
 * of responses and the 95 % margin of error; a chart of the questions; Excel export. An agency
 * officer sees their own agency only (the server decides).
 */
export function SurveyResultsPage() {
  const { t } = useI18n();
  const forms = useResource((signal) => api.get<FormSummary[]>('/api/survey/forms', { signal }), []);
  const [formId, setFormId] = useState<number | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [period, setPeriod] = useState<'month' | 'quarter' | 'year'>('month');
  const chosen = formId ?? forms.data?.find((f) => f.code === 'mac-dinh')?.id ?? forms.data?.[0]?.id ?? null;
  const query = {
    formId: chosen ?? undefined,
    from: from ? vnMidnight(from) : undefined,
    to: to ? vnMidnight(to, 1) : undefined,
    period,
  };
  const results = useResource(
    (signal) =>
      chosen === null ? Promise.resolve(null) : api.get<SurveyResults>('/api/survey/results', { query, signal }),
    [chosen, from, to, period],
  );
  const data = results.data;
  const exportXlsx = () => {
    const qs = new URLSearchParams(
      Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    );
    void downloadFile(`/api/survey/results/export?${qs}`, 'ket-qua-khao-sat.xlsx');
  };

  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">{t('survey.resultsTitle')}</h1>
      {forms.missing ? <NotAvailable /> : <ErrorAlert error={forms.error} onRetry={forms.reload} />}
      <form className="panel survey-filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="f-form">{t('survey.form')}</label>
          <select id="f-form" value={chosen ?? ''} onChange={(e) => setFormId(Number(e.target.value))}>
            {forms.data?.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-from">{t('survey.from')}</label>
          <input id="f-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="f-to">{t('survey.to')}</label>
          <input id="f-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div>
          <label htmlFor="f-period">{t('survey.period')}</label>
          <select id="f-period" value={period} onChange={(e) => setPeriod(e.target.value as typeof period)}>
            <option value="month">{t('survey.month')}</option>
            <option value="quarter">{t('survey.quarter')}</option>
            <option value="year">{t('survey.year')}</option>
          </select>
        </div>
        <button type="button" className="btn" onClick={exportXlsx} disabled={chosen === null}>
          {t('survey.export')}
        </button>
      </form>
      {results.loading && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={results.error} onRetry={results.reload} />
      {data && (
        <>
          <div className="panel survey-overall">
            <p>
              {t('survey.overall')}: <strong className="survey-rate">{pct(data.overall.ratePercent)} %</strong>
              {data.overall.margin95 !== null && ` (± ${pct(data.overall.margin95)})`}
            </p>
            <p>
              {t('survey.overallCounts', {
                responses: data.overall.responses,
                citizens: data.respondents.citizen ?? 0,
                organisations: data.respondents.organisation ?? 0,
              })}
            </p>
          </div>
          {data.byQuestion.length > 0 && (
            <figure className="panel survey-chart">
              <figcaption>{t('survey.chartCaption')}</figcaption>
              <Bar
                aria-label={t('survey.chartCaption')}
                role="img"
                data={{
                  labels: data.byQuestion.map((q) => q.key),
                  datasets: [
                    {
                      label: t('survey.rate'),
                      data: data.byQuestion.map((q) => q.ratePercent ?? 0),
                      backgroundColor: '#1d5fa8',
                    },
                  ],
                }}
                options={{
                  animation: false,
                  scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } },
                  plugins: {
                    tooltip: {
                      callbacks: {
                        label: (c) => {
                          const q = data.byQuestion[c.dataIndex];
                          return `${pct(q.ratePercent)} % ± ${pct(q.margin95)} (n = ${q.responses})`;
                        },
                      },
                    },
                  },
                }}
              />
            </figure>
          )}
          <GroupTable caption="survey.byQuestion" rows={data.byQuestion} />
          <GroupTable caption="survey.bySection" rows={data.bySection} />
          <GroupTable caption="survey.byDesk" rows={data.byDesk} />
          <GroupTable caption="survey.byAgency" rows={data.byAgency} />
          <GroupTable caption="survey.byPeriod" rows={data.byPeriod} />
        </>
      )}
    </section>
  );
}
