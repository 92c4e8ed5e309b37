import { useState } from 'react';
import { Link } from 'react-router-dom';
import { resultsApi, type SchemeSummary } from '../../api/results-api.js';
import { useResource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatNumber } from '../../inspector/results-logic.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';
import { SchemePicker, StateBadge, useSchemeChoice } from '../../ui/inspector-parts.js';

/** The scorecards of a year and level: an agency officer sees their own; the admin opens and publishes them. */
export function ScorecardsPage() {
  const { t } = useI18n();
  const schemes = useResource((signal) => resultsApi.schemes({}, signal), []);
  const choice = useSchemeChoice(schemes.data);
  return (
    <section aria-labelledby="cards-title" className="inspector">
      <h1 id="cards-title">{t('cards.title')}</h1>
      {schemes.missing ? (
        <NotAvailable />
      ) : (
        <>
          {schemes.loading && <p role="status">{t('app.loading')}</p>}
          <ErrorAlert error={schemes.error} onRetry={schemes.reload} />
          {schemes.data && schemes.data.length === 0 && <p>{t('par.noSchemes')}</p>}
          {schemes.data && schemes.data.length > 0 && <SchemePicker schemes={schemes.data} choice={choice} />}
          {schemes.data && schemes.data.length > 0 && !choice.scheme && <p>{t('par.noSchemeForChoice')}</p>}
          {choice.scheme && <SchemeScorecards key={choice.scheme.id} scheme={choice.scheme} />}
        </>
      )}
    </section>
  );
}

function SchemeScorecards({ scheme }: { scheme: SchemeSummary }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const cards = useResource((s) => resultsApi.scorecards({ schemeId: scheme.id }, s), [scheme.id]);
  const staff = user?.role === 'admin' || user?.role === 'inspector';
  // The appraisal team sees each card's points as they stand (the agencies do not get the preview).
  const preview = useResource(
    (s) => (staff ? resultsApi.rankingPreview(scheme.id, s) : Promise.resolve(null)),
    [scheme.id, staff, cards.data],
  );
  const standing = new Map((preview.data?.rows ?? []).map((r) => [r.scorecardId, r]));
  const [action, setAction] = useState<{ busy: boolean; error: unknown; done: string | null }>({
    busy: false,
    error: null,
    done: null,
  });
  const run = async (work: () => Promise<string>): Promise<void> => {
    setAction({ busy: true, error: null, done: null });
    try {
      const done = await work();
      setAction({ busy: false, error: null, done });
      cards.reload();
    } catch (error) {
      setAction({ busy: false, error, done: null });
    }
  };
  const isAdmin = user?.role === 'admin';
  const appraised = cards.data?.filter((c) => c.state === 'appraised').length ?? 0;
  return (
    <>
      <p className="muted">
        {scheme.name} · {t(`par.scheme.${scheme.status}`)}
      </p>
      {staff && (
        <div className="toolbar">
          {isAdmin && scheme.status === 'active' && (
            <button
              type="button"
              className="btn"
              disabled={action.busy}
              onClick={() =>
                void run(async () => t('cards.opened', { count: (await resultsApi.openScorecards(scheme.id)).length }))
              }
            >
              {t('cards.open')}
            </button>
          )}
          <button
            type="button"
            className="btn"
            disabled={action.busy}
            onClick={() =>
              void run(async () => {
                const r = await resultsApi.recomputeScheme(scheme.id);
                return t('dash.recomputed', {
                  attempts: r.attempts,
                  changed: r.leaves.filter((l) => l.changed).length,
                });
              })
            }
          >
            {t('dash.recompute')}
          </button>
          {isAdmin && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={action.busy || appraised === 0}
              onClick={() =>
                void run(async () =>
                  t('cards.publishedAll', { count: (await resultsApi.publishAll(scheme.id)).length }),
                )
              }
            >
              {t('cards.publishAll', { count: appraised })}
            </button>
          )}
        </div>
      )}
      {action.done && (
        <p className="alert alert-ok" role="status">
          {action.done}
        </p>
      )}
      <ErrorAlert error={action.error} />
      {cards.loading && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={cards.error} onRetry={cards.reload} />
      {cards.data && cards.data.length === 0 && <p>{isAdmin ? t('cards.noneAdmin') : t('cards.none')}</p>}
      {cards.data && cards.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('par.agency')}</th>
                <th scope="col">{t('cards.state')}</th>
                {staff && <th scope="col">{t('par.total')}</th>}
                {staff && <th scope="col">{t('par.index')}</th>}
                <th scope="col">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cards.data.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('par.agency')}>{c.agencyName}</td>
                  <td data-label={t('cards.state')}>
                    <StateBadge state={c.state} />
                  </td>
                  {staff && <td data-label={t('par.total')}>{formatNumber(standing.get(c.id)?.total, lang)}</td>}
                  {staff && (
                    <td data-label={t('par.index')}>
                      {standing.has(c.id) ? `${formatNumber(standing.get(c.id)!.index, lang, true)} %` : '—'}
                    </td>
                  )}
                  <td data-label={t('users.actions')}>
                    <Link className="btn btn-small" to={`/scorecards/${c.id}`}>
                      {t('cards.view')}
                      <span className="visually-hidden"> {c.agencyName}</span>
                    </Link>
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
