import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, DomainError, notFound, type Principal } from '@app/platform';
import { describeSource, type LocatedDraft } from './domain/question-draft.js';
import { draftProblems } from './domain/question-rules.js';
import type { ImportDuplicateDto, ImportJobView, ImportOptionsDto } from './dto/import.dto.js';
import { formatOf, readQuestionFile } from './interchange/question-files.js';
import { normalizedStem, QuestionRepository, type NewQuestion } from './question.repository.js';
import { cleanTags } from './question.service.js';
import { TopicService } from './topic.service.js';

/** Finished jobs kept for reading their report; the oldest finished ones are forgotten first. */
const KEPT_JOBS = 50;

interface ImportJob extends ImportJobView {
  createdBy: number | null;
}

export interface UploadedQuestionFile {
  originalname: string;
  buffer: Buffer;
}

/**
 * Imports a question file. The whole file is read and every item checked first: one bad item and
 * nothing is imported (400 naming each bad item by line or row). A good file becomes a job that
 * inserts everything in one transaction, reporting progress; duplicates (same normalised text in
 * the same topic, within the file or already in the bank) are skipped and listed.
 *
 * Jobs live in this process's memory (one server is the default deployment): after a restart a
 * job's report is gone, and an import cut off by the restart left nothing behind (its transaction
 * rolled back).
 */
@Injectable()
export class ImportService {
  private readonly jobs = new Map<string, ImportJob>();
  private readonly logger = new Logger('ImportService');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionRepository,
    private readonly topics: TopicService,
    private readonly audit: AuditLog,
  ) {}

  async start(
    file: UploadedQuestionFile | undefined,
    opts: ImportOptionsDto,
    actor: Principal,
  ): Promise<ImportJobView> {
    if (!file) throw new DomainError('IMPORT_NO_FILE', 'Send the file in the form field "file"');
    const format = formatOf(file.originalname, opts.format);
    if (!format) {
      throw new DomainError(
        'IMPORT_FORMAT_UNKNOWN',
        `Cannot tell the format of "${file.originalname}": name it .xlsx, .csv, .gift (or .txt) or .xml, or send "format"`,
      );
    }
    const rootId = opts.topicId ?? null;
    if (rootId !== null && !(await this.topics.exists(rootId))) throw notFound('Topic', rootId);
    const { drafts, problems } = await readQuestionFile(format, file.buffer);
    for (const d of drafts) {
      d.draft.tags = cleanTags(d.draft.tags);
      const reasons = draftProblems(d.draft);
      if (!d.draft.topicPath.length && rootId === null) {
        reasons.push('No topic: the file gives none here and no topic was chosen for the import');
      }
      for (const reason of reasons) problems.push({ ...d.source, reason });
    }
    if (problems.length) {
      problems.sort((a, b) => a.position - b.position);
      throw new DomainError(
        'IMPORT_INVALID',
        `${problems.length} problem(s) in the file; nothing was imported. ${problems
          .slice(0, 5)
          .map((p) => `${describeSource(p)}: ${p.reason}`)
          .join(' | ')}${problems.length > 5 ? ' | …' : ''}`,
        'invalid',
        { problems },
      );
    }
    if (!drafts.length) throw new DomainError('IMPORT_EMPTY', 'The file holds no question');

    const job: ImportJob = {
      id: randomUUID(),
      state: 'running',
      format,
      fileName: file.originalname,
      total: drafts.length,
      processed: 0,
      imported: 0,
      skipped: 0,
      duplicates: [],
      errors: [],
      startedAt: new Date().toISOString(),
      finishedAt: null,
      createdBy: actor.userId,
    };
    this.remember(job);
    // Answer first, then work: the 202 leaves before the inserts start.
    setImmediate(() => void this.run(job, drafts, rootId, opts.status ?? 'draft', actor));
    return this.view(job);
  }

  job(id: string): ImportJobView {
    const job = this.jobs.get(id);
    if (!job) {
      throw new DomainError(
        'IMPORT_JOB_NOT_FOUND',
        `Import ${id} is not known here (import reports are kept in memory until the server restarts)`,
        'not_found',
      );
    }
    return this.view(job);
  }

  private view(job: ImportJob): ImportJobView {
    const { createdBy: _createdBy, ...view } = job;
    return { ...view, duplicates: [...job.duplicates], errors: [...job.errors] };
  }

  private remember(job: ImportJob): void {
    this.jobs.set(job.id, job);
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEPT_JOBS))) this.jobs.delete(old.id);
  }

  private async run(
    job: ImportJob,
    drafts: LocatedDraft[],
    rootId: number | null,
    status: NewQuestion['status'],
    actor: Principal,
  ): Promise<void> {
    try {
      await this.db.transaction(async (m) => {
        const tree = await this.topics.loadTree(m);
        const topicByPath = new Map<string, number>();
        const items: { located: LocatedDraft; topicId: number; normalized: string }[] = [];
        for (const located of drafts) {
          const key = JSON.stringify(located.draft.topicPath);
          let topicId = topicByPath.get(key);
          if (topicId === undefined) {
            topicId = await this.topics.ensurePath(m, tree, rootId, located.draft.topicPath);
            topicByPath.set(key, topicId);
          }
          items.push({ located, topicId, normalized: normalizedStem(located.draft.stem) });
        }
        const inBank = await this.questions.existingDuplicates(m, items);
        const firstInFile = new Map<string, LocatedDraft>();
        const toInsert: NewQuestion[] = [];
        const duplicates: ImportDuplicateDto[] = [];
        for (const { located, topicId, normalized } of items) {
          const key = `${topicId}|${normalized}`;
          const bankId = inBank.get(key);
          const earlier = firstInFile.get(key);
          if (bankId !== undefined) {
            duplicates.push({
              ...located.source,
              questionId: bankId,
              reason: `Same text in the same topic as question ${bankId} already in the bank: skipped`,
            });
          } else if (earlier) {
            duplicates.push({
              ...located.source,
              firstPosition: earlier.source.position,
              reason: `Same text in the same topic as ${describeSource(earlier.source)} of this file: skipped`,
            });
          } else {
            firstInFile.set(key, located);
            toInsert.push({ draft: located.draft, topicId, status, createdBy: actor.userId });
          }
        }
        job.duplicates = duplicates;
        job.skipped = duplicates.length;
        job.processed = duplicates.length;
        await this.questions.insertMany(m, toInsert, (done) => {
          job.processed = duplicates.length + done;
          job.imported = done;
        });
        await this.audit.record(
          {
            actor,
            action: 'question.imported',
            entityType: 'question_import',
            entityId: job.id,
            after: {
              file: job.fileName,
              format: job.format,
              imported: toInsert.length,
              skipped: duplicates.length,
              status,
            },
          },
          m,
        );
      });
      job.state = 'done';
    } catch (err) {
      this.logger.error({ err, job: job.id }, 'Question import failed');
      job.state = 'failed';
      job.imported = 0;
      job.errors = [
        { position: 0, unit: 'row', reason: `The import failed and was rolled back: ${(err as Error).message}` },
      ];
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }
}
