import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { downloadFile } from '../api/api.js';
import type { SchemeSummary, ScorecardState } from '../api/results-api.js';
import { useI18n } from '../i18n/i18n-context.js';
import { pickScheme, schemeChoices } from '../inspector/results-logic.js';
import { ErrorAlert } from './error-alert.js';
import '../styles/inspector.css';

/**
 * The year and level pickers the inspector screens share; the choice lives in the address
 * (?year=&level=), so a link or a reload opens the same scheme.
 */
export function useSchemeChoice(schemes: readonly SchemeSummary[] | null): {
  year: number | null;
  level: string | null;
  scheme: SchemeSummary | null;
  setYear(y: number): void;
  setLevel(l: string): void;
} {
  const [params, setParams] = useSearchParams();
  const list = schemes ?? [];
  const { years, levels } = schemeChoices(list);
  const year = Number(params.get('year')) || years[0] || null;
  const level =
    params.get('level') || (list.find((s) => s.year === year && s.status === 'active')?.levelCode ?? levels[0] ?? null);
  const set = (k: string, v: string): void =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(k, v);
        return next;
      },
      { replace: true },
    );
  return {
    year,
    level,
    scheme: pickScheme(list, year, level),
    setYear: (y) => set('year', String(y)),
    setLevel: (l) => set('level', l),
  };
}

export function SchemePicker({
  schemes,
  choice,
  levelNames,
}: {
  schemes: readonly SchemeSummary[];
  choice: ReturnType<typeof useSchemeChoice>;
  levelNames?: Map<string, string>;
}) {
  const { t } = useI18n();
  const { years, levels } = schemeChoices(schemes);
  return (
    <div className="toolbar picker">
      <div className="field">
        <label htmlFor="pick-year">{t('par.year')}</label>
        <select id="pick-year" value={choice.year ?? ''} onChange={(e) => choice.setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="pick-level">{t('par.level')}</label>
        <select id="pick-level" value={choice.level ?? ''} onChange={(e) => choice.setLevel(e.target.value)}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {levelNames?.get(l) ?? levelLabel(t, l)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The Vietnamese name of the usual level codes; other codes show as they are. */
export function levelLabel(t: ReturnType<typeof useI18n>['t'], code: string): string {
  if (code === 'department') return t('par.level.department');
  if (code === 'district') return t('par.level.district');
  if (code === 'commune') return t('par.level.commune');
  return code;
}

export function StateBadge({ state }: { state: ScorecardState }) {
  const { t } = useI18n();
  return <span className={`state-badge state-${state}`}>{t(`par.state.${state}`)}</span>;
}

/** A button that downloads a file served behind the login, with the error shown beside it. */
export function DownloadButton({ path, filename, label }: { path: string; filename: string; label: string }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadFile(path, filename)
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {label}
      </button>
      <ErrorAlert error={error} />
    </>
  );
}
