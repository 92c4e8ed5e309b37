import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  DIFFICULTIES,
  QUESTION_STATUSES,
  QUESTION_TYPES,
  type Difficulty,
  type QuestionFileFormat,
  type QuestionFilter,
  type QuestionStatus,
  type QuestionType,
  type TopicNodeView,
} from '@bank-views';
import { downloadFile } from '../../api/api.js';
import { bankApi } from '../../api/bank-api.js';
import { useResource } from '../../api/use-resource.js';
import { useAuth } from '../../auth/auth-context.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';
import { BankImport } from './bank-import.js';
import { flattenTopics, subtreeCount } from './bank-forms.js';
import '../../styles/bank.css';

const PAGE_SIZE = 20;
const EXPORTS: readonly QuestionFileFormat[] = ['xlsx', 'csv', 'gift', 'xml'];

/** The filters live in the address, so coming back from the editor finds the same list. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const num = (k: string): number | undefined => (params.get(k) ? Number(params.get(k)) : undefined);
  const filter: QuestionFilter & { page: number } = {
    q: params.get('q') ?? undefined,
    topicId: num('topicId'),
    includeSubtopics: params.get('topicId') ? true : undefined,
    tag: params.get('tag') ?? undefined,
    difficulty: (params.get('difficulty') as Difficulty | null) ?? undefined,
    status: (params.get('status') as QuestionStatus | null) ?? undefined,
    type: (params.get('type') as QuestionType | null) ?? undefined,
    page: num('page') ?? 1,
  };
  const set = (changes: Record<string, string | number | undefined>): void => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  return { filter, set };
}

function TopicTree({
  nodes,
  selected,
  onSelect,
}: {
  nodes: readonly TopicNodeView[];
  selected: number | undefined;
  onSelect: (id: number) => void;
}) {
  return (
    <ul className="bank-topics">
      {nodes.map((n) => (
        <li key={n.id}>
          <button type="button" className="bank-topic" aria-pressed={selected === n.id} onClick={() => onSelect(n.id)}>
            <span>{n.name}</span>
            <span className="badge badge-muted">{subtreeCount(n)}</span>
          </button>
          {n.children.length > 0 && <TopicTree nodes={n.children} selected={selected} onSelect={onSelect} />}
        </li>
      ))}
    </ul>
  );
}

function NewTopic({ parent, onCreated }: { parent: { id: number; name: string } | null; onCreated: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      await bankApi.createTopic(name.trim(), parent?.id ?? null);
      setName('');
      onCreated();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor="new-topic">
          {parent ? t('bank.topics.newUnder', { name: parent.name }) : t('bank.topics.newTop')}
        </label>
        <input id="new-topic" required maxLength={255} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <button type="submit" className="btn btn-small" disabled={!name.trim()}>
        {t('bank.topics.create')}
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}

/** The question bank: topics, search with or without diacritics, filters, pages, import and export. */
export function BankPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const canEdit = user?.role === 'admin' || user?.role === 'organizer';
  const { filter, set } = useFilters();
  const [q, setQ] = useState(filter.q ?? '');
  const [tag, setTag] = useState(filter.tag ?? '');
  const [exportError, setExportError] = useState<unknown>(null);
  const topics = useResource((signal) => bankApi.topics(signal), []);
  const list = useResource(
    (signal) => bankApi.questions({ ...filter, pageSize: PAGE_SIZE }, signal),
    [JSON.stringify(filter)],
  );
  const flat = topics.data ? flattenTopics(topics.data) : [];
  const selectedTopic = flat.find((x) => x.id === filter.topicId) ?? null;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const { page: _page, ...exportFilter } = filter;

  if (list.missing) {
    return (
      <section aria-labelledby="bank-title">
        <h1 id="bank-title">{t('bank.title')}</h1>
        <NotAvailable />
      </section>
    );
  }
  const search = (e: FormEvent): void => {
    e.preventDefault();
    set({ q: q.trim() || undefined, tag: tag.trim() || undefined });
  };
  const reloadAll = (): void => {
    topics.reload();
    list.reload();
  };

  return (
    <section aria-labelledby="bank-title" className="bank">
      <div className="bank-head">
        <h1 id="bank-title">{t('bank.title')}</h1>
        {canEdit && (
          <Link
            className="btn btn-primary"
            to={`/bank/questions/new${filter.topicId ? `?topicId=${filter.topicId}` : ''}`}
          >
            {t('bank.new')}
          </Link>
        )}
      </div>
      <div className="bank-layout">
        <aside className="panel bank-aside" aria-labelledby="topics-title">
          <h2 id="topics-title">{t('bank.topics.title')}</h2>
          <button
            type="button"
            className="bank-topic"
            aria-pressed={filter.topicId === undefined}
            onClick={() => set({ topicId: undefined })}
          >
            {t('bank.topics.all')}
          </button>
          <ErrorAlert error={topics.error} onRetry={topics.reload} />
          {topics.data && (
            <TopicTree nodes={topics.data} selected={filter.topicId} onSelect={(id) => set({ topicId: id })} />
          )}
          {canEdit && (
            <details>
              <summary>{t('bank.topics.add')}</summary>
              <NewTopic parent={selectedTopic} onCreated={topics.reload} />
            </details>
          )}
        </aside>
        <div className="bank-main">
          <form className="bank-filters" role="search" onSubmit={search} aria-label={t('bank.filters')}>
            <div className="field bank-search">
              <label htmlFor="bank-q">{t('bank.search')}</label>
              <input
                id="bank-q"
                type="search"
                placeholder={t('bank.searchHint')}
                value={q}
                onChange={(e) => setQ(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="bank-topic">{t('bank.topic')}</label>
              <select
                id="bank-topic"
                value={filter.topicId ?? ''}
                onChange={(e) => set({ topicId: e.target.value || undefined })}
              >
                <option value="">{t('bank.topics.all')}</option>
                {flat.map((tp) => (
                  <option key={tp.id} value={tp.id}>
                    {'\u00a0\u00a0'.repeat(tp.level)}
                    {tp.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="bank-tag">{t('bank.tag')}</label>
              <input id="bank-tag" value={tag} onChange={(e) => setTag(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="bank-difficulty">{t('bank.difficulty')}</label>
              <select
                id="bank-difficulty"
                value={filter.difficulty ?? ''}
                onChange={(e) => set({ difficulty: e.target.value || undefined })}
              >
                <option value="">{t('bank.any')}</option>
                {DIFFICULTIES.map((d) => (
                  <option key={d} value={d}>
                    {t(`bank.difficulty.${d}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="bank-status">{t('bank.status')}</label>
              <select
                id="bank-status"
                value={filter.status ?? ''}
                onChange={(e) => set({ status: e.target.value || undefined })}
              >
                <option value="">{t('bank.any')}</option>
                {QUESTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`bank.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="bank-type">{t('bank.type')}</label>
              <select
                id="bank-type"
                value={filter.type ?? ''}
                onChange={(e) => set({ type: e.target.value || undefined })}
              >
                <option value="">{t('bank.any')}</option>
                {QUESTION_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`bank.type.${x}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field-actions">
              <button type="submit" className="btn btn-primary">
                {t('bank.searchRun')}
              </button>
            </div>
          </form>
          {list.loading && <p role="status">{t('app.loading')}</p>}
          <ErrorAlert error={list.error} onRetry={list.reload} />
          {list.data && (
            <p className="muted" role="status" data-testid="bank-count">
              {t('bank.count', { count: list.data.total })}
            </p>
          )}
          {list.data && list.data.items.length === 0 && <p>{t('bank.empty')}</p>}
          {list.data && list.data.items.length > 0 && (
            <div className="table-wrap">
              <table className="table bank-table">
                <thead>
                  <tr>
                    <th scope="col">{t('bank.col.question')}</th>
                    <th scope="col">{t('bank.topic')}</th>
                    <th scope="col">{t('bank.type')}</th>
                    <th scope="col">{t('bank.difficulty')}</th>
                    <th scope="col">{t('bank.status')}</th>
                    <th scope="col">{t('bank.col.version')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item) => (
                    <tr key={item.id}>
                      <td data-label={t('bank.col.question')}>
                        <Link to={`/bank/questions/${item.id}`} className="bank-stem">
                          {item.title ? <strong>{item.title}: </strong> : null}
                          {item.stem.length > 180 ? `${item.stem.slice(0, 180)}…` : item.stem}
                        </Link>
                        {item.tags.length > 0 && (
                          <span className="bank-tags">
                            {item.tags.map((tg) => (
                              <span key={tg} className="badge badge-muted">
                                {tg}
                              </span>
                            ))}
                          </span>
                        )}
                      </td>
                      <td data-label={t('bank.topic')}>{item.topicPath.join(' › ')}</td>
                      <td data-label={t('bank.type')}>{t(`bank.type.${item.type}`)}</td>
                      <td data-label={t('bank.difficulty')}>{t(`bank.difficulty.${item.difficulty}`)}</td>
                      <td data-label={t('bank.status')}>
                        <span className={`badge bank-status-${item.status}`}>{t(`bank.status.${item.status}`)}</span>
                      </td>
                      <td data-label={t('bank.col.version')}>{item.version}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.data && pages > 1 && (
            <nav className="pager" aria-label={t('users.page', { page: filter.page, pages })}>
              <button
                type="button"
                className="btn"
                disabled={filter.page <= 1}
                onClick={() => set({ page: filter.page - 1 })}
              >
                {t('users.prev')}
              </button>
              <span>{t('users.page', { page: filter.page, pages })}</span>
              <button
                type="button"
                className="btn"
                disabled={filter.page >= pages}
                onClick={() => set({ page: filter.page + 1 })}
              >
                {t('users.next')}
              </button>
            </nav>
          )}
          <details className="panel">
            <summary>{t('bank.export.title')}</summary>
            <p className="muted">{t('bank.export.hint')}</p>
            <div className="toolbar">
              {EXPORTS.map((f) => (
                <button
                  key={f}
                  type="button"
                  className="btn"
                  onClick={() =>
                    void downloadFile(
                      bankApi.exportUrl(f, exportFilter),
                      `ngan-hang-cau-hoi.${f === 'gift' ? 'gift' : f}`,
                    ).catch(setExportError)
                  }
                >
                  {t('bank.export.as', { format: t(`bank.format.${f}`) })}
                </button>
              ))}
            </div>
            <ErrorAlert error={exportError} />
          </details>
          {canEdit && (
            <details className="panel">
              <summary>{t('bank.import.title')}</summary>
              <BankImport topics={flat} onImported={reloadAll} />
            </details>
          )}
        </div>
      </div>
    </section>
  );
}
