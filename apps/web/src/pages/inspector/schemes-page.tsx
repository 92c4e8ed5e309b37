import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error.js';
import {
  resultsApi,
  schemeProblems,
  type SchemeDocument,
  type SchemeProblem,
  type SchemeSummary,
} from '../../api/results-api.js';
import { useResource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatNumber, schemeRows } from '../../inspector/results-logic.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';
import { DownloadButton, levelLabel } from '../../ui/inspector-parts.js';

/** Schemes by year and level; the admin creates, imports and copies them. */
export function SchemesPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const schemes = useResource((signal) => resultsApi.schemes({}, signal), []);
  const isAdmin = user?.role === 'admin';
  return (
    <section aria-labelledby="schemes-title" className="inspector">
      <h1 id="schemes-title">{t('schemes.title')}</h1>
      {schemes.missing && <NotAvailable />}
      {schemes.loading && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={schemes.missing ? null : schemes.error} onRetry={schemes.reload} />
      {isAdmin && (
        <div className="toolbar">
          <Link className="btn btn-primary" to="/schemes/new">
            {t('schemes.create')}
          </Link>
        </div>
      )}
      {schemes.data && schemes.data.length === 0 && <p>{t('par.noSchemes')}</p>}
      {schemes.data && schemes.data.length > 0 && <SchemeTable schemes={schemes.data} />}
      {isAdmin && (
        <details className="panel">
          <summary>{t('schemes.import')}</summary>
          <ImportScheme onCreated={(s) => void navigate(`/schemes/${s.id}`)} />
        </details>
      )}
    </section>
  );
}

function SchemeTable({ schemes }: { schemes: SchemeSummary[] }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('par.year')}</th>
            <th scope="col">{t('par.level')}</th>
            <th scope="col">{t('schemes.name')}</th>
            <th scope="col">{t('schemes.scale')}</th>
            <th scope="col">{t('schemes.status')}</th>
          </tr>
        </thead>
        <tbody>
          {schemes.map((s) => (
            <tr key={s.id}>
              <td data-label={t('par.year')}>{s.year}</td>
              <td data-label={t('par.level')}>{levelLabel(t, s.levelCode)}</td>
              <td data-label={t('schemes.name')}>
                <Link to={`/schemes/${s.id}`}>{s.name}</Link>
              </td>
              <td data-label={t('schemes.scale')}>{formatNumber(s.scale, lang)}</td>
              <td data-label={t('schemes.status')}>
                <span className={`state-badge scheme-${s.status}`}>{t(`par.scheme.${s.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A refused scheme's problems, each with the path of the node it is about. */
function SchemeErrors({ error }: { error: unknown }) {
  const { t } = useI18n();
  const problems: SchemeProblem[] = error instanceof ApiError ? schemeProblems(error.details) : [];
  if (!problems.length) return <ErrorAlert error={error} />;
  return (
    <div role="alert" className="alert alert-error">
      <p>{t('schemes.invalid', { count: problems.length })}</p>
      <ul className="row-errors">
        {problems.map((p, i) => (
          <li key={i}>
            <strong className="mono">{p.field}</strong>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ImportScheme({ onCreated }: { onCreated(s: SchemeSummary): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      if (/\.json$/i.test(file.name)) {
        let doc: unknown;
        try {
          doc = JSON.parse(await file.text());
        } catch {
          throw new ApiError(400, 'MALFORMED_JSON', 'The file is not valid JSON');
        }
        onCreated(await resultsApi.createScheme(doc));
      } else onCreated(await resultsApi.importSchemeXlsx(file));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void run(e)}>
      <p className="muted">{t('schemes.importHint')}</p>
      <div className="field">
        <label htmlFor="scheme-file">{t('users.importFile')}</label>
        <input
          id="scheme-file"
          type="file"
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={!file || busy}>
        {t('users.importRun')}
      </button>
      <SchemeErrors error={error} />
    </form>
  );
}

const SKELETON: SchemeDocument = {
  year: new Date().getFullYear(),
  levelCode: 'department',
  name: `Bộ chỉ số CCHC các sở, ban, ngành năm ${new Date().getFullYear()}`,
  scale: 100,
  ranking: {
    tieBreak: ['appraised_points'],
    bands: [
      { name: 'Tốt', minPercent: 90 },
      { name: 'Khá', minPercent: 80 },
      { name: 'Trung bình', minPercent: 70 },
      { name: 'Yếu', minPercent: 0 },
    ],
  },
  areas: [
    {
      code: 'CDDH',
      name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
      max: 100,
      children: [{ code: 'CDDH.1', name: 'Kế hoạch CCHC năm', max: 100, source: 'self_assessed' }],
    },
  ],
};

/** /schemes/new: a new draft from a JSON document. */
export function SchemeNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <section aria-labelledby="scheme-new-title" className="inspector">
      <p>
        <Link to="/schemes">← {t('schemes.title')}</Link>
      </p>
      <h1 id="scheme-new-title">{t('schemes.create')}</h1>
      <SchemeEditor
        initial={SKELETON}
        submitLabel={t('schemes.createDraft')}
        save={async (doc) => {
          const s = await resultsApi.createScheme(doc);
          void navigate(`/schemes/${s.id}`);
        }}
      />
    </section>
  );
}

/** The scheme document as JSON, with the tree it makes shown beside it and the server's problems listed. */
function SchemeEditor({
  initial,
  submitLabel,
  save,
}: {
  initial: SchemeDocument;
  submitLabel: string;
  save(doc: unknown): Promise<void>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  let parsed: SchemeDocument | null = null;
  let parseError: string | null = null;
  try {
    parsed = JSON.parse(text) as SchemeDocument;
  } catch (e) {
    parseError = (e as Error).message;
  }
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!parsed) return;
    setBusy(true);
    setError(null);
    try {
      await save(parsed);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <p className="muted">{t('schemes.editorHint')}</p>
      <div className="scheme-editor">
        <div className="field">
          <label htmlFor="scheme-json">{t('schemes.document')}</label>
          <textarea
            id="scheme-json"
            className="mono"
            rows={24}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={parseError !== null}
            aria-describedby={parseError ? 'scheme-json-error' : undefined}
          />
          {parseError && (
            <p id="scheme-json-error" className="field-error">
              {t('schemes.badJson', { message: parseError })}
            </p>
          )}
        </div>
        <div>
          <h2>{t('schemes.preview')}</h2>
          {parsed && Array.isArray(parsed.areas) ? <SchemeTree doc={parsed} /> : <p className="muted">—</p>}
        </div>
      </div>
      <SchemeErrors error={error} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy || !parsed}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The tree with maxima and sources; a node whose children do not add up is marked. */
function SchemeTree({ doc }: { doc: Pick<SchemeDocument, 'areas'> }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table scheme-tree">
        <thead>
          <tr>
            <th scope="col">{t('schemes.code')}</th>
            <th scope="col">{t('schemes.criterion')}</th>
            <th scope="col">{t('par.max')}</th>
            <th scope="col">{t('schemes.source')}</th>
          </tr>
        </thead>
        <tbody>
          {schemeRows(doc).map(({ node, depth, leaf, childSumMismatch }) => (
            <tr key={node.code} className={`depth-${depth}`}>
              <td data-label={t('schemes.code')} className="mono">
                {node.code}
              </td>
              <td data-label={t('schemes.criterion')} style={{ paddingLeft: `${0.6 + (depth - 1) * 1.2}em` }}>
                {depth === 1 ? <strong>{node.name}</strong> : node.name}
                {childSumMismatch !== null && (
                  <span className="field-error">
                    {' '}
                    {t('schemes.sumMismatch', {
                      sum: formatNumber(childSumMismatch, lang),
                      max: formatNumber(node.max, lang),
                    })}
                  </span>
                )}
                {leaf && node.config && Object.keys(node.config).length > 0 && (
                  <details className="small">
                    <summary>{t('schemes.config')}</summary>
                    <pre className="config">{JSON.stringify(node.config, null, 2)}</pre>
                  </details>
                )}
              </td>
              <td data-label={t('par.max')}>{formatNumber(node.max, lang)}</td>
              <td data-label={t('schemes.source')}>{leaf ? t(`par.source.${node.source ?? 'self_assessed'}`) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /schemes/:id: the tree; for the admin, edit (draft), activate, copy, delete, export. */
export function SchemePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const scheme = useResource((signal) => resultsApi.scheme(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState<{ busy: boolean; error: unknown; done: string | null }>({
    busy: false,
    error: null,
    done: null,
  });
  const [copyYear, setCopyYear] = useState('');
  const isAdmin = user?.role === 'admin';
  const run = async (work: () => Promise<string | null>): Promise<void> => {
    setAction({ busy: true, error: null, done: null });
    try {
      const done = await work();
      setAction({ busy: false, error: null, done });
    } catch (error) {
      setAction({ busy: false, error, done: null });
    }
  };
  const s = scheme.data;
  return (
    <section aria-labelledby="scheme-title" className="inspector">
      <p>
        <Link to="/schemes">← {t('schemes.title')}</Link>
      </p>
      <h1 id="scheme-title">{s ? s.name : t('schemes.one')}</h1>
      {scheme.missing && <NotAvailable />}
      {scheme.loading && !s && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={scheme.missing ? null : scheme.error} onRetry={scheme.reload} />
      {s && (
        <>
          <p className="muted">
            {s.year} · {levelLabel(t, s.levelCode)} · {t('schemes.scaleOf', { scale: s.scale })} ·{' '}
            <span className={`state-badge scheme-${s.status}`}>{t(`par.scheme.${s.status}`)}</span>
          </p>
          <div className="toolbar">
            <DownloadButton
              path={resultsApi.schemeJsonUrl(s.id)}
              filename={`bo-chi-so-${s.year}-${s.levelCode}.json`}
              label={t('schemes.exportJson')}
            />
            <DownloadButton
              path={resultsApi.schemeXlsxUrl(s.id)}
              filename={`bo-chi-so-${s.year}-${s.levelCode}.xlsx`}
              label={t('schemes.exportXlsx')}
            />
            {isAdmin && s.status === 'draft' && (
              <>
                <button type="button" className="btn" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
                  {t('schemes.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={action.busy}
                  onClick={() =>
                    void run(async () => {
                      await resultsApi.activateScheme(s.id);
                      scheme.reload();
                      return t('schemes.activated');
                    })
                  }
                >
                  {t('schemes.activate')}
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={action.busy}
                  onClick={() =>
                    void run(async () => {
                      if (!window.confirm(t('schemes.confirmDelete', { name: s.name }))) return null;
                      await resultsApi.deleteScheme(s.id);
                      void navigate('/schemes');
                      return null;
                    })
                  }
                >
                  {t('schemes.delete')}
                </button>
              </>
            )}
          </div>
          {isAdmin && (
            <form
              className="toolbar"
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  const copy = await resultsApi.copyScheme(s.id, Number(copyYear) || s.year + 1);
                  void navigate(`/schemes/${copy.id}`);
                  return null;
                });
              }}
            >
              <div className="field inline-field">
                <label htmlFor="copy-year">{t('schemes.copyTo')}</label>
                <input
                  id="copy-year"
                  type="number"
                  min={2000}
                  max={2100}
                  placeholder={String(s.year + 1)}
                  value={copyYear}
                  onChange={(e) => setCopyYear(e.target.value)}
                />
              </div>
              <button type="submit" className="btn" disabled={action.busy}>
                {t('schemes.copy')}
              </button>
            </form>
          )}
          {action.done && (
            <p className="alert alert-ok" role="status">
              {action.done}
            </p>
          )}
          <ErrorAlert error={action.error} />
          {editing && s.status === 'draft' ? (
            <SchemeEditor
              key={JSON.stringify(s.document)}
              initial={s.document}
              submitLabel={t('app.save')}
              save={async (doc) => {
                await resultsApi.updateScheme(s.id, doc);
                setEditing(false);
                scheme.reload();
              }}
            />
          ) : (
            <SchemeTree doc={s.document} />
          )}
        </>
      )}
    </section>
  );
}
