import { useState, type FormEvent } from 'react';
import { downloadFile } from '../../api/api.js';
import { ApiError } from '../../api/api-error.js';
import { flattenTree, importProblems, orgApi, type Agency, type ImportProblem, type User } from '../../api/org-api.js';
import { useResource } from '../../api/use-resource.js';
import { ROLES, type Role } from '../../auth/roles.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';

const PAGE_SIZE = 20;

/** A readable one-time password for a reset: three groups, letters and digits, no look-alikes. */
function suggestPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const digits = '23456789';
  const pick = (s: string, n: number): string => {
    const bytes = crypto.getRandomValues(new Uint8Array(n));
    return Array.from(bytes, (b) => s[b % s.length]).join('');
  };
  return `${pick(letters, 4)}-${pick(digits, 4)}-${pick(letters, 4)}`;
}

function CreateUserForm({
  agencies,
  onCreated,
}: {
  agencies: { agency: Agency; level: number }[];
  onCreated: (u: User) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    username: '',
    fullName: '',
    password: suggestPassword(),
    role: 'official' as Role,
  });
  const [agencyId, setAgencyId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const u = await orgApi.createUser({ ...form, agencyId: agencyId ? Number(agencyId) : null });
      onCreated(u);
      setForm({ username: '', fullName: '', password: suggestPassword(), role: form.role });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <form className="form grid-form" onSubmit={(e) => void submit(e)}>
      <ErrorAlert error={error} />
      <div className="field">
        <label htmlFor="nu-fullname">{t('users.fullName')}</label>
        <input id="nu-fullname" required maxLength={255} value={form.fullName} onChange={set('fullName')} />
      </div>
      <div className="field">
        <label htmlFor="nu-username">{t('users.username')}</label>
        <input
          id="nu-username"
          required
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          value={form.username}
          onChange={set('username')}
        />
      </div>
      <div className="field">
        <label htmlFor="nu-role">{t('users.role')}</label>
        <select id="nu-role" value={form.role} onChange={set('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="nu-agency">{t('users.agency')}</label>
        <select id="nu-agency" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
          <option value="">{t('agencies.choose')}</option>
          {agencies.map(({ agency, level }) => (
            <option key={agency.id} value={agency.id}>
              {'\u00a0\u00a0'.repeat(level)}
              {agency.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="nu-password">{t('users.password')}</label>
        <input
          id="nu-password"
          className="mono"
          required
          maxLength={128}
          value={form.password}
          onChange={set('password')}
        />
      </div>
      <div className="field field-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('users.create')}
        </button>
      </div>
    </form>
  );
}

function ResetPassword({ user, onDone }: { user: User; onDone: (msg: string) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reset = async (): Promise<void> => {
    const password = suggestPassword();
    setBusy(true);
    setError(null);
    try {
      await orgApi.resetPassword(user.id, password, 'Đặt lại mật khẩu theo yêu cầu');
      onDone(t('users.resetDone', { username: user.username, password }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void reset()}>
        {t('users.resetPassword')}
        <span className="visually-hidden"> {user.username}</span>
      </button>
      <ErrorAlert error={error} />
    </>
  );
}

function ImportUsers({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const run = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setProblems([]);
    setDone(null);
    try {
      const r = await orgApi.importUsers(file);
      setDone(t('users.importDone', { created: r.created }));
      onImported();
    } catch (err) {
      const rows = err instanceof ApiError ? importProblems(err.details) : [];
      if (rows.length > 0) setProblems(rows);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void run(e)}>
      <p className="muted">
        {t('users.importHint')}{' '}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void downloadFile(orgApi.usersTemplateUrl, 'mau-nhap-nguoi-dung.xlsx').catch(setError)}
        >
          {t('users.template')}
        </button>
      </p>
      <div className="field">
        <label htmlFor="import-file">{t('users.importFile')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={!file || busy}>
        {t('users.importRun')}
      </button>
      {busy && <progress aria-label={t('users.importRun')} />}
      {done && (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      )}
      <ErrorAlert error={error} />
      {problems.length > 0 && (
        <div role="alert" className="alert alert-error">
          <p>{t('users.importErrors', { count: problems.length })}</p>
          <ul className="row-errors">
            {problems.map((p, i) => (
              <li key={i}>
                <strong>{t('users.importRow', { row: p.line })}</strong>
                {p.field ? ` (${p.field})` : ''}: {p.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

/** Users: search and page through, add one, reset a password, import a file with per-row errors. */
export function UsersPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const users = useResource(
    (signal) => orgApi.users({ page, pageSize: PAGE_SIZE, q: q || undefined }, signal),
    [page, q],
  );
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / users.data.pageSize)) : 1;
  const tree = useResource((signal) => orgApi.agencyTree(false, signal), []);
  const agencies = tree.data ? flattenTree(tree.data) : [];
  const agencyName = new Map(agencies.map(({ agency }) => [agency.id, agency.name]));

  if (users.missing) {
    return (
      <section aria-labelledby="users-title">
        <h1 id="users-title">{t('users.title')}</h1>
        <NotAvailable />
      </section>
    );
  }
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      <div className="toolbar">
        <label htmlFor="user-search" className="visually-hidden">
          {t('users.search')}
        </label>
        <input
          id="user-search"
          type="search"
          placeholder={t('users.search')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
        />
      </div>
      {users.loading && <p role="status">{t('app.loading')}</p>}
      <ErrorAlert error={users.error} onRetry={users.reload} />
      {users.data && users.data.items.length === 0 && <p>{t('users.empty')}</p>}
      {users.data && users.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('users.fullName')}</th>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.agency')}</th>
                <th scope="col">{t('users.active')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <td data-label={t('users.fullName')}>{u.fullName}</td>
                  <td data-label={t('users.username')} className="mono">
                    {u.username}
                  </td>
                  <td data-label={t('users.role')}>{t(`role.${u.role}`)}</td>
                  <td data-label={t('users.agency')}>
                    {u.agencyId == null ? t('users.noAgency') : (agencyName.get(u.agencyId) ?? `#${u.agencyId}`)}
                  </td>
                  <td data-label={t('users.active')}>{u.active ? t('users.isActive') : t('users.isInactive')}</td>
                  <td data-label={t('users.actions')}>
                    <ResetPassword user={u} onDone={setNotice} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.data && pages > 1 && (
        <nav className="pager" aria-label={t('users.page', { page, pages })}>
          <button type="button" className="btn" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('users.prev')}
          </button>
          <span>{t('users.page', { page, pages })}</span>
          <button type="button" className="btn" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('users.next')}
          </button>
        </nav>
      )}
      <details className="panel">
        <summary>{t('users.create')}</summary>
        <CreateUserForm
          agencies={agencies}
          onCreated={(u) => {
            setNotice(t('users.created', { username: u.username }));
            users.reload();
          }}
        />
      </details>
      <details className="panel">
        <summary>{t('users.import')}</summary>
        <ImportUsers onImported={users.reload} />
      </details>
    </section>
  );
}
