import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, AuditLog, DomainError, forbidden, notFound, type Principal } from '@app/platform';
import { detectEvidenceType, EVIDENCE_MIME, type EvidenceType } from '../domain/file-type.js';
import { canSelfScore } from '../domain/workflow.js';
import { SchemeNode } from '../schemes/scheme-node.entity.js';
import { EvidenceFile } from './evidence-file.entity.js';
import { ScorecardItem } from './scorecard-item.entity.js';
import { ScorecardsService } from './scorecards.service.js';

/** Largest evidence file accepted. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export interface UploadedEvidence {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface EvidenceView {
  id: number;
  scorecardId: number;
  itemId: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/**
 * Evidence documents: type recognised by content (pdf, png, jpg, docx, xlsx), size limited,
 * stored once per content under UPLOAD_DIR/evidence by SHA-256, readable only within the agency scope.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly scorecards: ScorecardsService,
    private readonly audit: AuditLog,
  ) {}

  async upload(scorecardId: number, code: string, file: UploadedEvidence, actor: Principal): Promise<EvidenceView> {
    const card = await this.scorecards.reachable(scorecardId, actor);
    if (actor.role !== 'agency_officer' && actor.role !== 'admin')
      throw forbidden('Only the agency (or an admin) uploads evidence');
    if (!canSelfScore(card.state)) {
      throw new DomainError(
        'SCORECARD_NOT_DRAFT',
        `The scorecard is ${card.state}; evidence is added only to a draft`,
        'conflict',
      );
    }
    if (file.size > EVIDENCE_MAX_BYTES) {
      throw new DomainError(
        'FILE_TOO_LARGE',
        `Evidence files are limited to ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
        'too_large',
      );
    }
    const type = detectEvidenceType(file.buffer);
    if (!type) {
      throw new DomainError(
        'FILE_TYPE_NOT_ALLOWED',
        'Evidence must be a PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx) file',
        'invalid',
      );
    }
    const node = await this.db.getRepository(SchemeNode).findOneBy({ schemeId: card.schemeId, code });
    const item = node && (await this.db.getRepository(ScorecardItem).findOneBy({ scorecardId, nodeId: node.id }));
    if (!node || !item)
      throw new DomainError('CRITERION_UNKNOWN', `The scheme has no leaf criterion ${code}`, 'invalid');

    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const storedPath = join('evidence', sha256.slice(0, 2), sha256);
    await this.store(storedPath, file.buffer);
    const name = safeName(file.originalname, type);
    return this.db.transaction(async (m) => {
      const saved = await m.getRepository(EvidenceFile).save({
        scorecardId,
        itemId: item.id,
        agencyId: card.agencyId,
        originalName: name,
        fileType: type,
        sizeBytes: file.size,
        sha256,
        storedPath,
        uploadedBy: actor.userId,
      });
      await this.audit.record(
        {
          actor,
          action: 'par.evidence.uploaded',
          entityType: 'par_scorecard_item',
          entityId: item.id,
          agencyId: card.agencyId,
          after: { evidenceId: saved.id, name, type, sha256, size: file.size, criterion: code },
        },
        m,
      );
      return view(saved);
    });
  }

  /** The file's bytes and how to serve them, within the caller's agency scope. */
  async read(id: number, principal: Principal): Promise<{ file: EvidenceView; bytes: Buffer; mime: string }> {
    const row = await this.db.getRepository(EvidenceFile).findOneBy({ id });
    if (!row) throw notFound('Evidence file', id);
    await this.scorecards.reachable(row.scorecardId, principal);
    const bytes = await readFile(this.path(row.storedPath));
    return { file: view(row), bytes, mime: EVIDENCE_MIME[row.fileType as EvidenceType] };
  }

  private path(stored: string): string {
    return resolve(this.config.UPLOAD_DIR, stored);
  }

  /** Content-addressed: the same bytes are written once; a temporary name then a rename, so no half file is seen. */
  private async store(stored: string, bytes: Buffer): Promise<void> {
    const target = this.path(stored);
    if (existsSync(target)) return;
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  }
}

const view = (f: EvidenceFile): EvidenceView => ({
  id: f.id,
  scorecardId: f.scorecardId,
  itemId: f.itemId,
  name: f.originalName,
  type: f.fileType,
  size: f.sizeBytes,
  sha256: f.sha256,
});

/** A display name without path parts or control characters, ending in the detected type. */
function safeName(original: string, type: EvidenceType): string {
  // multer hands the name over as latin1; browsers send UTF-8.
  const decoded = Buffer.from(original ?? '', 'latin1').toString('utf8');
  const base =
    decoded
      .split(/[\\/]/)
      .pop()!
      .replace(/["]/g, '')
      .split('')
      .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
      .join('')
      .trim()
      .slice(0, 200) || 'tai-lieu';
  return base.toLowerCase().endsWith(`.${type}`) || (type === 'jpg' && /\.jpe?g$/i.test(base))
    ? base
    : `${base}.${type}`;
}
