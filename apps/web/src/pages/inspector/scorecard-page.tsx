import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { resultsApi, type ScorecardView } from '../../api/results-api.js';
import { useResource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import type { Role } from '../../auth/roles.js';
import { useI18n } from '../../i18n/i18n-context.js';
import {
  canAppraise,
  canSelfScore,
  formatNumber,
  parseScore,
  scorecardSections,
  selfScored,
  workflowButtons,
  type WorkflowButton,
} from '../../inspector/results-logic.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';
import { StateBadge } from '../../ui/inspector-parts.js';
import { AuditList, LeafCard, type LeafDraft } from './scorecard-leaf.js';

/** One agency's scorecard for a year: every criterion, its scores and evidence, and the workflow. */
export function ScorecardPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const card = useResource((signal) => resultsApi.scorecard(id, signal), [id]);
  // A save answers with the whole scorecard: shown at once, until the next load replaces it.
  const [saved, setSaved] = useState<ScorecardView | null>(null);
  useEffect(() => setSaved(null), [card.data]);
  const view = saved?.id === id ? saved : card.data;
  return (
    <section aria-labelledby="card-title" className="inspector">
      <p>
        <Link to="/scorecards">← {t('cards.title')}</Link>
      </p>
      {!view && <h1 id="card-title">{t('cards.one')}</h1>}
      {card.missing && <NotAvailable />}
      {card.loading && !view && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={card.missing ? null : card.error} onRetry={card.reload} />
      {view && <Scorecard card={view} reload={card.reload} onSaved={setSaved} />}
    </section>
  );
}

function Scorecard({
  card,
  reload,
  onSaved,
}: {
  card: ScorecardView;
  reload(): void;
  onSaved(view: ScorecardView): void;
}) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const role: Role = user?.role ?? 'official';
  const editSelf = canSelfScore(card.state, role);
  const editAppraisal = canAppraise(card.state, role);
  const staff = role === 'admin' || role === 'inspector';
  const [drafts, setDrafts] = useState<Record<string, LeafDraft>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [save, setSave] = useState<{ busy: boolean; error: unknown; done: string | null }>({
    busy: false,
    error: null,
    done: null,
  });
  const num = (n: number): string => formatNumber(n, lang);
  const leaves = card.nodes.filter((n) => n.item);

  const saveScores = async (mode: 'self' | 'appraisal'): Promise<void> => {
    const found: Record<string, string> = {};
    const selfItems: { code: string; score: number | null; explanation?: string }[] = [];
    const appraisalItems: { code: string; score: number | null; note?: string }[] = [];
    for (const n of leaves) {
      const d = drafts[n.code];
      if (!d || !n.item) continue;
      if (mode === 'self' && selfScored(n.source) && (d.self !== undefined || d.explanation !== undefined)) {
        const parsed =
          d.self === undefined ? { ok: true as const, value: n.item.self } : parseScore(d.self, n.max, minOf(n.source));
        if (!parsed.ok)
          found[n.code] = t(parsed.reason === 'format' ? 'cards.badFormat' : 'cards.outOfRange', { max: num(n.max) });
        else
          selfItems.push({
            code: n.code,
            score: parsed.value,
            explanation: d.explanation ?? n.item.explanation ?? undefined,
          });
      }
      if (mode === 'appraisal' && (d.appraised !== undefined || d.note !== undefined)) {
        const parsed =
          d.appraised === undefined
            ? { ok: true as const, value: n.item.appraised }
            : parseScore(d.appraised, n.max, minOf(n.source));
        if (!parsed.ok)
          found[n.code] = t(parsed.reason === 'format' ? 'cards.badFormat' : 'cards.outOfRange', { max: num(n.max) });
        else
          appraisalItems.push({ code: n.code, score: parsed.value, note: d.note ?? n.item.appraisalNote ?? undefined });
      }
    }
    setProblems(found);
    if (Object.keys(found).length) {
      setSave({ busy: false, error: null, done: null });
      return;
    }
    const items = mode === 'self' ? selfItems : appraisalItems;
    if (!items.length) {
      setSave({ busy: false, error: null, done: t('cards.nothingToSave') });
      return;
    }
    setSave({ busy: true, error: null, done: null });
    try {
      const view =
        mode === 'self'
          ? await resultsApi.selfScore(card.id, selfItems)
          : await resultsApi.appraise(card.id, appraisalItems);
      setDrafts({});
      setSave({ busy: false, error: null, done: t('cards.saved', { count: items.length }) });
      onSaved(view);
    } catch (error) {
      setSave({ busy: false, error, done: null });
    }
  };

  const dirty = Object.keys(drafts).length > 0;
  return (
    <>
      <h1 id="card-title">{t('cards.heading', { agency: card.agencyName, year: card.year })}</h1>
      <p className="card-meta">
        <StateBadge state={card.state} />{' '}
        {card.reopenReason && card.state !== 'published' && (
          <span className="muted">{t('cards.reopenedBecause', { reason: card.reopenReason })}</span>
        )}
      </p>

      <ul className="kpis" aria-label={t('cards.totals')}>
        <li>
          <span className="kpi-value" data-testid="card-total">
            {num(card.totals.total)}
          </span>
          <span className="kpi-label">{t('par.total')}</span>
        </li>
        <li>
          <span className="kpi-value" data-testid="card-index">
            {formatNumber(card.totals.index, lang, true)} %
          </span>
          <span className="kpi-label">{t('par.index')}</span>
        </li>
        <li>
          <span className="kpi-value">{card.totals.band ?? '—'}</span>
          <span className="kpi-label">{t('par.band')}</span>
        </li>
        <li>
          <span className="kpi-value">{num(card.totals.selfPoints)}</span>
          <span className="kpi-label">{t('cards.selfPoints')}</span>
        </li>
      </ul>

      <Workflow card={card} role={role} onDone={reload} />

      <details className="panel">
        <summary>{t('cards.areaTable')}</summary>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('par.area')}</th>
                <th scope="col">{t('par.max')}</th>
                <th scope="col">{t('par.achieved')}</th>
                <th scope="col">{t('par.componentIndex')}</th>
              </tr>
            </thead>
            <tbody>
              {card.totals.areas.map((a) => (
                <tr key={a.code}>
                  <th scope="row" data-label={t('par.area')}>
                    {a.code} – {a.name}
                  </th>
                  <td data-label={t('par.max')}>{num(a.max)}</td>
                  <td data-label={t('par.achieved')}>{num(a.achieved)}</td>
                  <td data-label={t('par.componentIndex')}>{formatNumber(a.index, lang)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      {editSelf && <p className="alert alert-info">{t('cards.selfHint')}</p>}
      {editAppraisal && <p className="alert alert-info">{t('cards.appraisalHint')}</p>}

      {scorecardSections(card.nodes).map(({ area, rows }) => (
        <section key={area.code} className="area" aria-labelledby={`area-${area.code}`}>
          <h2 id={`area-${area.code}`}>
            {area.code} – {area.name}{' '}
            <span className="area-points">
              {t('cards.points', { achieved: num(area.achieved), max: num(area.max) })}
            </span>
          </h2>
          {rows.map(({ node, leaf }) =>
            leaf ? (
              <LeafCard
                key={node.code}
                scorecardId={card.id}
                node={node}
                editSelf={editSelf && selfScored(node.source)}
                editAppraisal={editAppraisal}
                showHistory={staff}
                draft={drafts[node.code] ?? {}}
                problem={problems[node.code] ?? null}
                onDraft={(d) => setDrafts((all) => ({ ...all, [node.code]: d }))}
                onChanged={reload}
              />
            ) : (
              <h3 key={node.code} className="criterion">
                <span className="badge">{node.code}</span> {node.name}{' '}
                <span className="area-points">
                  {t('cards.points', { achieved: num(node.achieved), max: num(node.max) })}
                </span>
              </h3>
            ),
          )}
        </section>
      ))}

      {(editSelf || editAppraisal) && (
        <div className="save-bar">
          <ErrorAlert error={save.error} />
          {Object.keys(problems).length > 0 && (
            <p className="alert alert-error" role="alert">
              {t('cards.fixProblems', { count: Object.keys(problems).length })}
            </p>
          )}
          {save.done && (
            <p className="alert alert-ok" role="status">
              {save.done}
            </p>
          )}
          <button
            type="button"
            className="btn btn-primary"
            disabled={save.busy || !dirty}
            onClick={() => void saveScores(editSelf ? 'self' : 'appraisal')}
          >
            {editSelf ? t('cards.saveSelf') : t('cards.saveAppraisal')}
          </button>
        </div>
      )}

      {staff && (
        <details className="panel">
          <summary>{t('cards.cardHistory')}</summary>
          <AuditList entityType="par_scorecard" entityId={card.id} />
        </details>
      )}
    </>
  );
}

/** A bonus/penalty leaf goes below zero down to its penaltyMax, which the server checks. */
const minOf = (source: string | null): number => (source === 'bonus_penalty' ? -Infinity : 0);

/** The workflow buttons the user's role may press now, and the reopen form for an admin. */
function Workflow({ card, role, onDone }: { card: ScorecardView; role: Role; onDone(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<'draft' | 'under_appraisal'>('draft');
  const buttons = workflowButtons(card.state, role);
  const canRecompute = (role === 'admin' || role === 'inspector') && card.state !== 'published';

  /** Runs a step; `work` answers with what to tell the user. */
  const act = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await work());
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const reopen = (e: FormEvent): void => {
    e.preventDefault();
    void act(async () => {
      await resultsApi.reopen(card.id, reason.trim(), target);
      setReopening(false);
      return t('cards.done.reopen');
    });
  };

  // Kept while it has something to say: the step just taken may leave this role no button.
  if (!buttons.length && !canRecompute && !done && !error) return null;
  return (
    <div className="workflow">
      <div className="toolbar">
        {buttons
          .filter((b): b is Exclude<WorkflowButton, 'reopen'> => b !== 'reopen')
          .map((b) => (
            <button
              key={b}
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await resultsApi.step(card.id, b);
                  return t(`cards.done.${b}`);
                })
              }
            >
              {t(`cards.step.${b}`)}
            </button>
          ))}
        {canRecompute && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const r = await resultsApi.recomputeScorecard(card.id);
                return t('dash.recomputed', {
                  attempts: r.attempts,
                  changed: r.leaves.filter((l) => l.changed).length,
                });
              })
            }
          >
            {t('cards.recompute')}
          </button>
        )}
        {buttons.includes('reopen') && (
          <button type="button" className="btn" aria-expanded={reopening} onClick={() => setReopening((o) => !o)}>
            {t('cards.step.reopen')}
          </button>
        )}
      </div>
      {reopening && (
        <form className="form panel" onSubmit={reopen}>
          <div className="field">
            <label htmlFor="reopen-reason">
              {t('cards.reopenReason')} <span className="muted">({t('app.required')})</span>
            </label>
            <textarea
              id="reopen-reason"
              required
              rows={2}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="reopen-to">{t('cards.reopenTo')}</label>
            <select id="reopen-to" value={target} onChange={(e) => setTarget(e.target.value as typeof target)}>
              <option value="draft">{t('par.state.draft')}</option>
              <option value="under_appraisal">{t('par.state.under_appraisal')}</option>
            </select>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy || !reason.trim()}>
            {t('cards.step.reopen')}
          </button>
        </form>
      )}
      {done && (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
