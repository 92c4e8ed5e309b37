import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ReactNode } from 'react';
import { Bar } from 'react-chartjs-2';
import { useI18n } from '../i18n/i18n-context.js';
import { formatNumber } from '../inspector/results-logic.js';

// Only what the bar charts use, so the bundle carries no other controller.
ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface ChartDataset {
  label: string;
  values: number[];
  color: string;
}

const COLORS = { primary: '#8a1c1c', secondary: '#1f5f99', accent: '#b07d00' } as const;
export const chartColor = (k: keyof typeof COLORS): string => COLORS[k];

/**
 * A bar chart with its numbers as a table: the canvas is an image labelled for screen readers, and
 * the same figures sit in a table one tap below it.
 */
export function ChartFigure({
  id,
  title,
  labels,
  datasets,
  labelHeader,
  unit,
  horizontal = false,
  max,
  extraColumns = [],
  empty,
  children,
}: {
  id: string;
  title: string;
  labels: string[];
  datasets: ChartDataset[];
  /** Heading of the table's first column (what each label is). */
  labelHeader: string;
  /** Appended to values in the table and the axis: '%', or '' for counts and points (whole-number ticks). */
  unit: '%' | '';
  horizontal?: boolean;
  max?: number;
  /** More columns for the table only (e.g. candidates tested). */
  extraColumns?: { header: string; values: (string | number)[] }[];
  /** Shown instead of the chart when there are no labels. */
  empty: string;
  /** Controls above the chart (filters, an export button). */
  children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const value = (n: number): string => `${formatNumber(n, lang)}${unit ? ` ${unit}` : ''}`;
  const height = horizontal ? Math.max(180, labels.length * (datasets.length > 1 ? 34 : 26) + 70) : 260;
  return (
    <figure className="chart-figure panel" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
      </figcaption>
      {children}
      {labels.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <div className="chart-box" style={{ height }}>
            <Bar
              role="img"
              aria-label={t('dash.chartLabel', { title })}
              data={{
                labels,
                datasets: datasets.map((d) => ({
                  label: d.label,
                  data: d.values,
                  backgroundColor: d.color,
                  borderColor: d.color,
                  maxBarThickness: 28,
                })),
              }}
              options={{
                indexAxis: horizontal ? 'y' : 'x',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: {
                  legend: { display: datasets.length > 1, position: 'bottom' },
                  tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${value(Number(c.raw))}` } },
                },
                scales: {
                  [horizontal ? 'x' : 'y']: {
                    beginAtZero: true,
                    ...(max !== undefined ? { max } : {}),
                    ticks: { callback: (v: string | number) => value(Number(v)), ...(unit ? {} : { precision: 0 }) },
                  },
                  [horizontal ? 'y' : 'x']: {
                    ticks: {
                      autoSkip: false,
                      // Long agency names are cut to what the chart's width leaves them (full in the table).
                      callback(
                        this: { getLabelForValue(v: number): string; chart: { width: number } },
                        v: string | number,
                      ) {
                        const text = this.getLabelForValue(Number(v));
                        const room = horizontal ? Math.max(12, Math.floor(this.chart.width / 21)) : 28;
                        return text.length > room ? `${text.slice(0, room - 1)}…` : text;
                      },
                    },
                  },
                },
              }}
            />
          </div>
          <details className="chart-table">
            <summary>{t('dash.showTable')}</summary>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{labelHeader}</th>
                    {datasets.map((d) => (
                      <th scope="col" key={d.label}>
                        {d.label}
                      </th>
                    ))}
                    {extraColumns.map((c) => (
                      <th scope="col" key={c.header}>
                        {c.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {labels.map((label, i) => (
                    <tr key={`${label}-${i}`}>
                      <th scope="row" data-label={labelHeader}>
                        {label}
                      </th>
                      {datasets.map((d) => (
                        <td key={d.label} data-label={d.label}>
                          {value(d.values[i])}
                        </td>
                      ))}
                      {extraColumns.map((c) => (
                        <td key={c.header} data-label={c.header}>
                          {c.values[i]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
