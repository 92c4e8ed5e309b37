import { useState } from 'react';
import { countNodes, orgApi, type AgencyTreeNode } from '../../api/org-api.js';
import { useResource } from '../../api/use-resource.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';

function AgencyNode({ node, expandAll, level }: { node: AgencyTreeNode; expandAll: boolean; level: number }) {
  const { t } = useI18n();
  const label = (
    <span className={node.active ? 'agency' : 'agency inactive'}>
      <span className="agency-name">{node.name}</span> <span className="badge">{node.code}</span>
      {node.staffCount != null && <span className="muted"> · {t('agencies.staff', { count: node.staffCount })}</span>}
      {!node.active && <span className="badge badge-muted"> {t('agencies.inactive')}</span>}
    </span>
  );
  if (node.children.length === 0) return <li className="tree-leaf">{label}</li>;
  return (
    <li>
      <details open={expandAll || level === 0}>
        <summary>
          {label} <span className="muted">({node.children.length})</span>
        </summary>
        <ul>
          {node.children.map((c) => (
            <AgencyNode key={c.id} node={c} expandAll={expandAll} level={level + 1} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The agency tree: province → departments and districts → communes, each openable by keyboard. */
export function AgenciesPage() {
  const { t } = useI18n();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [expandAll, setExpandAll] = useState(false);
  const [version, setVersion] = useState(0);
  const tree = useResource((signal) => orgApi.agencyTree(includeInactive, signal), [includeInactive]);
  return (
    <section aria-labelledby="agencies-title">
      <h1 id="agencies-title">{t('agencies.title')}</h1>
      <div className="toolbar">
        <label className="check">
          <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
          {t('agencies.showInactive')}
        </label>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setExpandAll((o) => !o);
            setVersion((v) => v + 1);
          }}
        >
          {expandAll ? t('agencies.collapseAll') : t('agencies.expandAll')}
        </button>
        {tree.data && <span className="muted">{t('agencies.count', { count: countNodes(tree.data) })}</span>}
      </div>
      {tree.loading && <p role="status">{t('app.loading')}</p>}
      {tree.missing ? <NotAvailable /> : <ErrorAlert error={tree.error} onRetry={tree.reload} />}
      {tree.data && tree.data.length === 0 && <p>{t('agencies.empty')}</p>}
      {tree.data && tree.data.length > 0 && (
        <ul className="tree" key={version}>
          {tree.data.map((n) => (
            <AgencyNode key={n.id} node={n} expandAll={expandAll} level={0} />
          ))}
        </ul>
      )}
    </section>
  );
}
