import { useEffect, useRef, useState, type FormEvent } from 'react';
import { QUESTION_STATUSES, type QuestionFileFormat, type QuestionStatus } from '@bank-views';
import { downloadFile } from '../../api/api.js';
import { ApiError } from '../../api/api-error.js';
import { bankApi, bankImportProblems, type ImportJob, type ImportProblem } from '../../api/bank-api.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { MessageKey } from '../../i18n/messages.js';
import { ErrorAlert } from '../../ui/error-alert.js';
import { importPercent } from './bank-forms.js';
import { importReason } from './import-reasons.js';

const FORMATS: readonly QuestionFileFormat[] = ['xlsx', 'csv', 'gift', 'xml'];
const POLL_MS = 400;

/** "Dòng 12", "Hàng 3", "Câu 4": where a problem is, in the unit the file is counted in. */
export function ProblemPlace({ p }: { p: ImportProblem }) {
  const { t } = useI18n();
  const unit: MessageKey =
    p.unit === 'row' ? 'bank.import.row' : p.unit === 'line' ? 'bank.import.line' : 'bank.import.item';
  return (
    <strong>
      {t(unit, { n: p.position })}
      {p.label ? ` — “${p.label}”` : ''}
    </strong>
  );
}

/**
 * Import a question file: the server checks the whole file first and refuses it with every bad item
 * named (nothing imported), or starts a job whose progress is followed here to the end.
 */
export function BankImport({
  topics,
  onImported,
}: {
  topics: { id: number; name: string; level: number }[];
  onImported: () => void;
}) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<QuestionFileFormat | ''>('');
  const [topicId, setTopicId] = useState('');
  const [status, setStatus] = useState<QuestionStatus>('draft');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [job, setJob] = useState<ImportJob | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const follow = async (started: ImportJob): Promise<void> => {
    let current = started;
    setJob(current);
    while (current.state === 'running' && alive.current) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      current = await bankApi.importJob(current.id);
      if (alive.current) setJob(current);
    }
    if (current.state === 'done') onImported();
  };

  const run = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setProblems([]);
    setJob(null);
    try {
      const started = await bankApi.startImport(file, {
        format: format || undefined,
        topicId: topicId ? Number(topicId) : undefined,
        status,
      });
      await follow(started);
    } catch (err) {
      const items = err instanceof ApiError && err.code === 'IMPORT_INVALID' ? bankImportProblems(err.details) : [];
      if (items.length > 0) setProblems(items);
      else setError(err);
    } finally {
      if (alive.current) setBusy(false);
    }
  };

  const percent = job ? importPercent(job) : 0;
  return (
    <form className="form" onSubmit={(e) => void run(e)} aria-label={t('bank.import.title')}>
      <p className="muted">{t('bank.import.hint')}</p>
      <div className="grid-form">
        <div className="field">
          <label htmlFor="import-file">{t('bank.import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,.gift,.txt,.xml"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor="import-format">{t('bank.import.format')}</label>
          <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as QuestionFileFormat)}>
            <option value="">{t('bank.import.formatAuto')}</option>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`bank.format.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-topic">{t('bank.import.topic')}</label>
          <select id="import-topic" value={topicId} onChange={(e) => setTopicId(e.target.value)}>
            <option value="">{t('bank.import.topicTop')}</option>
            {topics.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {'\u00a0\u00a0'.repeat(tp.level)}
                {tp.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-status">{t('bank.import.status')}</label>
          <select id="import-status" value={status} onChange={(e) => setStatus(e.target.value as QuestionStatus)}>
            {QUESTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`bank.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="toolbar">
        <button type="submit" className="btn btn-primary" disabled={!file || busy}>
          {t('bank.import.run')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void downloadFile(bankApi.templateUrl('xlsx'), 'mau-nhap-cau-hoi.xlsx').catch(setError)}
        >
          {t('bank.import.templateXlsx')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void downloadFile(bankApi.templateUrl('csv'), 'mau-nhap-cau-hoi.csv').catch(setError)}
        >
          {t('bank.import.templateCsv')}
        </button>
      </div>
      {busy && !job && <p role="status">{t('bank.import.checking')}</p>}
      {job && (
        <div className="bank-import-job" data-testid="import-job" data-state={job.state}>
          <label htmlFor="import-progress">
            {t('bank.import.progress', { processed: job.processed, total: job.total, percent })}
          </label>
          <progress id="import-progress" max={100} value={percent}>
            {percent} %
          </progress>
          {job.state === 'done' && (
            <p className="alert alert-ok" role="status">
              {t('bank.import.done', { imported: job.imported, skipped: job.skipped })}
            </p>
          )}
          {job.state === 'failed' && (
            <div className="alert alert-error" role="alert">
              <p>{t('bank.import.failed')}</p>
              <ul className="row-errors">
                {job.errors.map((p, i) => (
                  <li key={i}>{importReason(p.reason, lang)}</li>
                ))}
              </ul>
            </div>
          )}
          {job.duplicates.length > 0 && (
            <details>
              <summary>{t('bank.import.duplicates', { count: job.duplicates.length })}</summary>
              <ul className="row-errors">
                {job.duplicates.map((d, i) => (
                  <li key={i}>
                    <ProblemPlace p={d} />:{' '}
                    {d.questionId
                      ? t('bank.import.dupOfBank', { id: d.questionId })
                      : t('bank.import.dupInFile', { n: d.firstPosition ?? '?' })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      <ErrorAlert error={error} />
      {problems.length > 0 && (
        <div role="alert" className="alert alert-error" data-testid="import-problems">
          <p>{t('bank.import.refused', { count: problems.length })}</p>
          <ul className="row-errors">
            {problems.map((p, i) => (
              <li key={i}>
                <ProblemPlace p={p} />: {importReason(p.reason, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
