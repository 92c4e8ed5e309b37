import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { downloadFile } from '../../api/api.js';
import { ApiError } from '../../api/api-error.js';
import {
  isSurveyDerivation,
  resultsApi,
  type Derivation,
  type ScorecardNode,
  type SurveyDerivation,
} from '../../api/results-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { vi, type MessageKey } from '../../i18n/messages.js';
import { EVIDENCE_ACCEPT, fileSize, formatNumber, selfScored, tooLarge } from '../../inspector/results-logic.js';
import { ErrorAlert } from '../../ui/error-alert.js';

/** What the user has typed for a leaf and not saved yet. */
export interface LeafDraft {
  self?: string;
  explanation?: string;
  appraised?: string;
  note?: string;
}

/**
 * One leaf criterion of a scorecard: the agency's self-score, explanation and evidence, the
 * computed points and their evidence for a test-derived leaf, the appraisal, the points counted,
 * and (for inspectors) the audit history.
 */
export function LeafCard({
  scorecardId,
  node,
  editSelf,
  editAppraisal,
  showHistory,
  draft,
  problem,
  onDraft,
  onChanged,
}: {
  scorecardId: number;
  node: ScorecardNode;
  editSelf: boolean;
  editAppraisal: boolean;
  showHistory: boolean;
  draft: LeafDraft;
  /** A client-side problem with what was typed (already translated). */
  problem: string | null;
  onDraft(d: LeafDraft): void;
  onChanged(): void;
}) {
  const { t, lang } = useI18n();
  const item = node.item;
  if (!item) return null;
  const num = (n: number | null): string => formatNumber(n, lang);
  const id = `leaf-${node.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const self = selfScored(node.source);
  const evidenceMissing =
    node.source === 'self_assessed' && item.evidence.length === 0 && item.self !== null && !item.explanation;
  return (
    <article className="leaf" aria-labelledby={`${id}-name`} data-code={node.code}>
      <header className="leaf-head">
        <h4 id={`${id}-name`}>
          <span className="badge">{node.code}</span> {node.name}
        </h4>
        <span className={`source source-${node.source}`}>{t(`par.source.${node.source ?? 'self_assessed'}`)}</span>
        <span className="leaf-max">{t('par.maxPoints', { max: num(node.max) })}</span>
      </header>

      <dl className="leaf-scores">
        {self && (
          <div>
            <dt>{editSelf ? <label htmlFor={`${id}-self`}>{t('cards.self')}</label> : t('cards.self')}</dt>
            <dd>
              {editSelf ? (
                <input
                  id={`${id}-self`}
                  className="score-input"
                  inputMode="decimal"
                  value={
                    draft.self ?? (item.self === null ? '' : String(item.self).replace('.', lang === 'vi' ? ',' : '.'))
                  }
                  onChange={(e) => onDraft({ ...draft, self: e.target.value })}
                />
              ) : (
                num(item.self)
              )}
            </dd>
          </div>
        )}
        {node.source === 'test_derived' && (
          <div>
            <dt>{t('cards.derived')}</dt>
            <dd data-testid={`derived-${node.code}`}>{num(item.derived)}</dd>
          </div>
        )}
        <div>
          <dt>
            {editAppraisal ? (
              <label htmlFor={`${id}-appraised`}>
                {node.source === 'test_derived' ? t('cards.override') : t('cards.appraised')}
              </label>
            ) : node.source === 'test_derived' ? (
              t('cards.override')
            ) : (
              t('cards.appraised')
            )}
          </dt>
          <dd>
            {editAppraisal ? (
              <input
                id={`${id}-appraised`}
                className="score-input"
                inputMode="decimal"
                value={
                  draft.appraised ??
                  (item.appraised === null ? '' : String(item.appraised).replace('.', lang === 'vi' ? ',' : '.'))
                }
                onChange={(e) => onDraft({ ...draft, appraised: e.target.value })}
              />
            ) : (
              num(item.appraised)
            )}
          </dd>
        </div>
        <div className="leaf-final">
          <dt>{t('cards.final')}</dt>
          <dd data-testid={`final-${node.code}`}>{num(item.final)}</dd>
        </div>
      </dl>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}

      {item.flagged && (
        <p className="alert alert-warn">
          {t('cards.flagged')} {item.derivation ? t(`cards.reason.${item.derivation.reason}`) : ''}
        </p>
      )}

      {self && (editSelf || item.explanation) && (
        <div className="field">
          {editSelf ? (
            <>
              <label htmlFor={`${id}-explanation`}>{t('cards.explanation')}</label>
              <textarea
                id={`${id}-explanation`}
                rows={2}
                maxLength={4000}
                value={draft.explanation ?? item.explanation ?? ''}
                onChange={(e) => onDraft({ ...draft, explanation: e.target.value })}
              />
            </>
          ) : (
            <p>
              <strong>{t('cards.explanation')}:</strong> {item.explanation}
            </p>
          )}
        </div>
      )}
      {evidenceMissing && <p className="alert alert-warn">{t('cards.evidenceMissing')}</p>}

      {(editAppraisal || item.appraisalNote) && (
        <div className="field">
          {editAppraisal ? (
            <>
              <label htmlFor={`${id}-note`}>{t('cards.note')}</label>
              <textarea
                id={`${id}-note`}
                rows={2}
                maxLength={4000}
                value={draft.note ?? item.appraisalNote ?? ''}
                onChange={(e) => onDraft({ ...draft, note: e.target.value })}
              />
            </>
          ) : (
            <p>
              <strong>{t('cards.note')}:</strong> {item.appraisalNote}
            </p>
          )}
        </div>
      )}

      {self && (item.evidence.length > 0 || editSelf) && (
        <Evidence scorecardId={scorecardId} node={node} canUpload={editSelf} onUploaded={onChanged} />
      )}
      {item.derivation &&
        (isSurveyDerivation(item.derivation) ? (
          <SurveyDerivationView derivation={item.derivation} />
        ) : (
          <DerivationView derivation={item.derivation} />
        ))}
      {showHistory && <History itemId={item.id} />}
    </article>
  );
}

function Evidence({
  scorecardId,
  node,
  canUpload,
  onUploaded,
}: {
  scorecardId: number;
  node: ScorecardNode;
  canUpload: boolean;
  onUploaded(): void;
}) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `ev-${scorecardId}-${node.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const upload = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    if (tooLarge(file)) {
      setError(new ApiError(413, 'FILE_TOO_LARGE', 'Evidence files are limited to 10 MB'));
      return;
    }
    setBusy(true);
    try {
      await resultsApi.uploadEvidence(scorecardId, node.code, file);
      setFile(null);
      onUploaded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const files = node.item?.evidence ?? [];
  return (
    <div className="evidence">
      <h5>{t('cards.evidence')}</h5>
      {files.length === 0 ? (
        <p className="muted small">{t('cards.noEvidence')}</p>
      ) : (
        <ul>
          {files.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void downloadFile(resultsApi.evidenceUrl(f.id), f.name).catch(setError)}
              >
                {f.name}
              </button>{' '}
              <span className="muted small">
                {f.type.toUpperCase()} · {fileSize(f.size, lang)} · <abbr title={t('cards.hashTitle')}>SHA-256</abbr>{' '}
                <code className="hash">{f.sha256}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <form className="upload-row" onSubmit={(e) => void upload(e)}>
          <label htmlFor={inputId}>{t('cards.chooseFile')}</label>
          <input
            id={inputId}
            type="file"
            accept={EVIDENCE_ACCEPT}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
            }}
          />
          <button type="submit" className="btn btn-small" disabled={!file || busy}>
            {t('cards.upload')}
          </button>
          <span className="muted small">{t('cards.evidenceHint')}</span>
        </form>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}

/** The evidence behind survey points: the form, its questions, the window and the satisfaction figures. */
function SurveyDerivationView({ derivation: d }: { derivation: SurveyDerivation }) {
  const { t, lang } = useI18n();
  const pct = (h: number | null): string => (h === null ? '—' : `${formatNumber(h / 100, lang)} %`);
  const day = (iso: string): string => new Date(iso).toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <details className="derivation">
      <summary>{t('cards.surveyDerivation', { responses: d.responses, form: d.form.name })}</summary>
      <dl className="facts">
        <div>
          <dt>{t('cards.surveyRate')}</dt>
          <dd data-testid="derivation-survey-rate">
            {pct(d.rateHundredths)}
            {d.margin95 !== null ? ` (± ${formatNumber(d.margin95, lang)})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('cards.surveyAnswers')}</dt>
          <dd>
            {d.satisfied}/{d.answers}
          </dd>
        </div>
        <div>
          <dt>{t('cards.surveyWindow')}</dt>
          <dd>
            {day(d.from)} – {day(d.to)}
          </dd>
        </div>
        <div>
          <dt>{t('cards.computedAt')}</dt>
          <dd>{new Date(d.computedAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</dd>
        </div>
      </dl>
      <ul>
        {d.questions.map((q) => (
          <li key={q.key}>
            {q.key}. {q.text}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The evidence behind computed points: sessions, figures, every counted candidate. */
function DerivationView({ derivation: d }: { derivation: Derivation }) {
  const { t, lang } = useI18n();
  const pct = (h: number | null): string => (h === null ? '—' : `${formatNumber(h / 100, lang)} %`);
  return (
    <details className="derivation">
      <summary>{t('cards.derivation', { candidates: d.candidates, passed: d.passed })}</summary>
      <dl className="facts">
        <div>
          <dt>{t('dash.passRate')}</dt>
          <dd data-testid="derivation-passrate">{pct(d.passRateHundredths)}</dd>
        </div>
        <div>
          <dt>{t('cards.meanScore')}</dt>
          <dd>{pct(d.meanScoreHundredths)}</dd>
        </div>
        <div>
          <dt>{t('cards.coverage')}</dt>
          <dd>
            {pct(d.coverageHundredths)}
            {d.staffCount !== null ? ` (${t('cards.staff', { count: d.staffCount })})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('cards.computedAt')}</dt>
          <dd>{new Date(d.computedAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</dd>
        </div>
      </dl>
      <h5>{t('cards.sessions')}</h5>
      <ul>
        {d.sessions.map((s) => (
          <li key={s.sessionId}>
            <Link to={`/sessions/${s.sessionId}`}>{s.sessionName}</Link>{' '}
            <span className="muted small">
              {t('cards.sessionFigures', { candidates: s.candidates, passed: s.passed })}
            </span>
          </li>
        ))}
      </ul>
      {d.attempts.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('cards.candidates')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cards.candidateNumber')}</th>
                <th scope="col">{t('cards.candidateName')}</th>
                <th scope="col">{t('cards.score')}</th>
                <th scope="col">%</th>
                <th scope="col">{t('cards.result')}</th>
              </tr>
            </thead>
            <tbody>
              {d.attempts.map((a) => (
                <tr key={a.attemptId}>
                  <td data-label={t('cards.candidateNumber')} className="mono">
                    {a.candidateNumber ?? '—'}
                  </td>
                  <td data-label={t('cards.candidateName')}>{a.candidateName}</td>
                  <td data-label={t('cards.score')}>
                    {formatNumber(a.score, lang)}/{formatNumber(a.maxScore, lang)}
                  </td>
                  <td data-label="%">{pct(a.percentHundredths)}</td>
                  <td data-label={t('cards.result')}>{a.passed ? t('result.passed') : t('result.failed')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

/** Who changed the leaf, when, from what to what, and why; loaded when opened. */
function History({ itemId }: { itemId: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('cards.history')}</summary>
      {open && <AuditList entityType="par_scorecard_item" entityId={itemId} />}
    </details>
  );
}

export function AuditList({ entityType, entityId }: { entityType: string; entityId: number }) {
  const { t, lang } = useI18n();
  const audit = useResource((signal) => resultsApi.audit(entityType, entityId, signal), [entityType, entityId]);
  if (audit.error) return <ErrorAlert error={audit.error} onRetry={audit.reload} />;
  if (!audit.data) return <p role="status">{t('app.loading')}</p>;
  if (audit.data.items.length === 0) return <p className="muted small">{t('cards.noHistory')}</p>;
  return (
    <ol className="audit">
      {audit.data.items.map((e) => (
        <li key={e.id}>
          <strong>{new Date(e.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</strong> · {e.actorName} ·{' '}
          {auditActionKey(e.action) ? t(auditActionKey(e.action)!) : e.action}
          <div className="small">
            {describeChange(e.before)} → {describeChange(e.after)}
          </div>
          {e.reason && <div className="small">{e.reason}</div>}
        </li>
      ))}
    </ol>
  );
}

/** The message key of an audit action the screens know (par.self_score → audit.par.self_score). */
function auditActionKey(action: string): MessageKey | null {
  const key = `audit.${action}`;
  return Object.prototype.hasOwnProperty.call(vi, key) ? (key as MessageKey) : null;
}

/** An audit snapshot as "score: 2 · note: …", without the bookkeeping fields. */
function describeChange(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'object') return String(v);
  return (
    Object.entries(v as Record<string, unknown>)
      .filter(
        ([k, x]) =>
          !['criterion', 'scorecardId', 'attempts', 'sessions', 'config', 'agencyIds'].includes(k) && x !== undefined,
      )
      .map(([k, x]) => `${k}: ${x === null ? '—' : typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
      .join(' · ') || '—'
  );
}
