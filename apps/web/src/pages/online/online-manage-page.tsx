import { useState, type FormEvent, type ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context.js';
import { onlineApi, type OnlineContestView, type TopicNode } from '../../api/online-api.js';
import { useResource } from '../../api/use-resource.js';
import { formatDateTime } from '../../exam-kit/format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorAlert, NotAvailable } from '../../ui/error-alert.js';

/** Topics flattened in tree order, each with the questions in it and below it. */
function flatten(nodes: TopicNode[]): { id: number; name: string; available: number }[] {
  const out: { id: number; name: string; available: number }[] = [];
  const walk = (n: TopicNode): number => {
    const at = out.length;
    out.push({ id: n.id, name: n.path.join(' › ') || n.name, available: 0 });
    const total = n.questionCount + n.children.reduce((s, c) => s + walk(c), 0);
    out[at].available = total;
    return total;
  };
  nodes.forEach(walk);
  return out.filter((x) => x.available > 0);
}

/** datetime-local value for a moment, in the browser's time zone. */
const localInput = (d: Date): string => {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** /online/manage — organizers create and publish online contests; organizers and inspectors open the rankings. */
export function OnlineManagePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const canEdit = user?.role === 'admin' || user?.role === 'organizer';
  const contests = useResource((signal) => onlineApi.list(signal), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const publish = async (c: OnlineContestView): Promise<void> => {
    setError(null);
    try {
      await onlineApi.publish(c.id);
      contests.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="online-manage-title">
      <h1 id="online-manage-title">{t('online.manage.title')}</h1>
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      {canEdit && (
        <CreateForm
          onCreated={(c) => {
            setNotice(t('online.manage.created', { title: c.title }));
            contests.reload();
          }}
        />
      )}
      <h2>{t('online.manage.list')}</h2>
      {contests.loading && <p role="status">{t('app.loading')}</p>}
      {contests.missing ? <NotAvailable /> : <ErrorAlert error={contests.error} onRetry={contests.reload} />}
      <ErrorAlert error={error} />
      {contests.data && contests.data.length === 0 && <p>{t('online.manage.empty')}</p>}
      {contests.data && contests.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('online.manage.name')}</th>
                <th scope="col">{t('online.manage.opensAt')}</th>
                <th scope="col">{t('online.manage.closesAt')}</th>
                <th scope="col">{t('online.manage.areas')}</th>
                <th scope="col">{t('online.manage.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {contests.data.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('online.manage.name')}>
                    {c.title}{' '}
                    <span className={c.state === 'published' ? 'badge' : 'badge badge-muted'}>
                      {c.state === 'published' ? t('online.manage.published') : t('online.manage.draft')}
                    </span>
                  </td>
                  <td data-label={t('online.manage.opensAt')}>{formatDateTime(c.opensAt)}</td>
                  <td data-label={t('online.manage.closesAt')}>{formatDateTime(c.closesAt)}</td>
                  <td data-label={t('online.manage.areas')}>
                    {c.areas.map((a) => `${a.topicName}: ${a.count}`).join('; ')}
                  </td>
                  <td data-label={t('online.manage.actions')}>
                    {c.state === 'draft' && canEdit && (
                      <button type="button" className="btn btn-primary" onClick={() => void publish(c)}>
                        {t('online.manage.publish')}
                      </button>
                    )}
                    {c.state === 'published' && (
                      <Link to={`/online/manage/${c.id}`}>{t('online.manage.rankings')}</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CreateForm({ onCreated }: { onCreated: (c: OnlineContestView) => void }) {
  const { t } = useI18n();
  const topics = useResource((signal) => onlineApi.topics(signal), []);
  const areas = topics.data ? flatten(topics.data) : [];
  const now = new Date();
  const [title, setTitle] = useState('');
  const [opensAt, setOpensAt] = useState(localInput(now));
  const [closesAt, setClosesAt] = useState(localInput(new Date(now.getTime() + 14 * 86_400_000)));
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [maxAttempts, setMaxAttempts] = useState('3');
  const [minutes, setMinutes] = useState('20');
  const [points, setPoints] = useState('1');
  const [prediction, setPrediction] = useState('Theo bạn, có bao nhiêu người trả lời đúng tất cả các câu hỏi?');
  const [minRate, setMinRate] = useState('50');
  const [tieBreak, setTieBreak] = useState<'prediction' | 'time'>('prediction');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const chosen = areas
      .map((a) => ({ topicId: a.id, count: Number(counts[a.id] ?? 0) }))
      .filter((a) => Number.isInteger(a.count) && a.count > 0);
    if (chosen.length === 0) {
      setError(new Error(t('online.manage.noAreas')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await onlineApi.create({
        title: title.trim(),
        opensAt: new Date(opensAt).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
        areas: chosen,
        maxAttempts: Number(maxAttempts),
        timeLimitSec: Math.round(Number(minutes) * 60),
        pointsPerQuestion: Number(points),
        predictionQuestion: prediction.trim() || undefined,
        minParticipation: Number(minRate) / 100,
        tieBreak: tieBreak === 'prediction' ? ['prediction', 'time'] : ['time', 'prediction'],
      });
      setTitle('');
      setCounts({});
      onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (id: string, label: string, input: ReactElement) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {input}
    </div>
  );

  return (
    <form className="form panel" aria-labelledby="online-create-title" onSubmit={(e) => void submit(e)}>
      <h2 id="online-create-title">{t('online.manage.create')}</h2>
      {field(
        'oc-title',
        t('online.manage.name'),
        <input id="oc-title" required minLength={3} value={title} onChange={(e) => setTitle(e.target.value)} />,
      )}
      {field(
        'oc-opens',
        t('online.manage.opensAt'),
        <input
          id="oc-opens"
          type="datetime-local"
          required
          value={opensAt}
          onChange={(e) => setOpensAt(e.target.value)}
        />,
      )}
      {field(
        'oc-closes',
        t('online.manage.closesAt'),
        <input
          id="oc-closes"
          type="datetime-local"
          required
          value={closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
        />,
      )}
      <fieldset>
        <legend>{t('online.manage.areas')}</legend>
        <ErrorAlert error={topics.error} onRetry={topics.reload} />
        {areas.map((a) =>
          field(
            `oc-area-${a.id}`,
            t('online.manage.areaCount', { name: a.name, available: a.available }),
            <input
              id={`oc-area-${a.id}`}
              type="number"
              min={0}
              max={Math.min(100, a.available)}
              value={counts[a.id] ?? ''}
              onChange={(e) => setCounts((c) => ({ ...c, [a.id]: e.target.value }))}
            />,
          ),
        )}
      </fieldset>
      {field(
        'oc-attempts',
        t('online.manage.maxAttempts'),
        <input
          id="oc-attempts"
          type="number"
          min={1}
          max={20}
          required
          value={maxAttempts}
          onChange={(e) => setMaxAttempts(e.target.value)}
        />,
      )}
      {field(
        'oc-minutes',
        t('online.manage.minutes'),
        <input
          id="oc-minutes"
          type="number"
          min={1}
          max={240}
          required
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />,
      )}
      {field(
        'oc-points',
        t('online.manage.points'),
        <input
          id="oc-points"
          type="number"
          min={0.01}
          step="any"
          required
          value={points}
          onChange={(e) => setPoints(e.target.value)}
        />,
      )}
      {field(
        'oc-prediction',
        t('online.manage.prediction'),
        <input id="oc-prediction" value={prediction} maxLength={500} onChange={(e) => setPrediction(e.target.value)} />,
      )}
      {field(
        'oc-min-rate',
        t('online.manage.minParticipation'),
        <input
          id="oc-min-rate"
          type="number"
          min={0}
          max={100}
          required
          value={minRate}
          onChange={(e) => setMinRate(e.target.value)}
        />,
      )}
      {field(
        'oc-tie',
        t('online.manage.tieBreak'),
        <select id="oc-tie" value={tieBreak} onChange={(e) => setTieBreak(e.target.value as 'prediction' | 'time')}>
          <option value="prediction">{t('online.manage.tieBreak.prediction')}</option>
          <option value="time">{t('online.manage.tieBreak.time')}</option>
        </select>,
      )}
      <ErrorAlert error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('online.manage.save')}
      </button>
    </form>
  );
}
