import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, DomainError, type Principal } from '@app/platform';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import {
  AGENCY_COLUMNS,
  checkAgencyRows,
  checkUserRows,
  toRecords,
  USER_COLUMNS,
  type AgencyRef,
  type RowProblem,
} from '../domain/import-rows.js';
import type { ImportResultDto } from '../dto/import.dto.js';
import { hashPassword } from '../users/password.js';
import { UsersRepository } from '../users/users.repository.js';
import { buildTemplate, type TemplateKind } from './import-templates.js';
import { readSheet, type UploadedFile } from './sheet-reader.js';

function refuse(problems: RowProblem[]): never {
  const lines = new Set(problems.map((p) => p.line)).size;
  throw new DomainError(
    'IMPORT_INVALID',
    `${lines} line(s) of the file have problems; nothing was imported. Correct them and send the file again.`,
    'invalid',
    { problems },
  );
}

/** Hashes with a little parallelism: argon2 runs on libuv's threads, and the machine has few cores. */
async function hashAll(passwords: string[], parallel = 4): Promise<string[]> {
  const out: string[] = new Array<string>(passwords.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < passwords.length) {
      const i = next++;
      out[i] = await hashPassword(passwords[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, passwords.length) }, worker));
  return out;
}

/**
 * Imports agencies and users from a spreadsheet: the whole file is checked first, any bad row means
 * nothing is imported (400 naming every bad line), otherwise every row goes in one transaction.
 */
@Injectable()
export class OrgImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agencies: AgenciesRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditLog,
  ) {}

  async template(kind: TemplateKind): Promise<Buffer> {
    return buildTemplate(kind, await this.agencies.allLevels());
  }

  private async agencyRefs(): Promise<Map<string, AgencyRef>> {
    const all = await this.agencies.all();
    return new Map(
      all.map((a) => [a.code.toUpperCase(), { id: a.id, code: a.code, depth: a.level?.depth ?? 0, active: a.active }]),
    );
  }

  async importAgencies(actor: Principal, file: UploadedFile, dryRun: boolean): Promise<ImportResultDto> {
    const { records, problems: headerProblems } = toRecords(await readSheet(file), AGENCY_COLUMNS);
    if (headerProblems.length) refuse(headerProblems);
    const { drafts, problems } = checkAgencyRows(records, {
      levels: await this.agencies.allLevels(),
      existing: await this.agencyRefs(),
    });
    if (problems.length) refuse(problems);
    if (dryRun) return { rows: records.length, created: 0, dryRun };
    await this.db.transaction(async (m) => {
      const idByCode = new Map<string, number>();
      for (const d of drafts) {
        const parentId =
          d.parent === null ? null : 'id' in d.parent ? d.parent.id : idByCode.get(d.parent.code.toUpperCase())!;
        const saved = await this.agencies.save(
          { code: d.code, name: d.name, levelId: d.levelId, parentId, staffCount: d.staffCount, active: true },
          m,
        );
        idByCode.set(d.code.toUpperCase(), saved.id);
      }
      await this.audit.record(
        {
          actor,
          action: 'agency.imported',
          entityType: 'agency_import',
          entityId: file.originalname.slice(0, 64),
          after: { created: drafts.length, codes: drafts.map((d) => d.code) },
        },
        m,
      );
    });
    return { rows: records.length, created: drafts.length, dryRun };
  }

  async importUsers(actor: Principal, file: UploadedFile, dryRun: boolean): Promise<ImportResultDto> {
    const { records, problems: headerProblems } = toRecords(await readSheet(file), USER_COLUMNS);
    if (headerProblems.length) refuse(headerProblems);
    const usernames = records.map((r) => r.cells.username ?? '').filter(Boolean);
    const { drafts, problems } = checkUserRows(records, {
      agencies: await this.agencyRefs(),
      takenUsernames: await this.users.takenUsernames(usernames),
    });
    if (problems.length) refuse(problems);
    if (dryRun) return { rows: records.length, created: 0, dryRun };
    const hashes = await hashAll(drafts.map((d) => d.password));
    await this.db.transaction(async (m) => {
      // Checked again inside the transaction: someone may have taken a username meanwhile.
      const taken = await this.users.takenUsernames(
        drafts.map((d) => d.username),
        m,
      );
      if (taken.size) {
        refuse(
          drafts
            .filter((d) => taken.has(d.username.toLowerCase()))
            .map((d) => ({ line: d.line, field: 'username', reason: `the username "${d.username}" is already taken` })),
        );
      }
      await this.users.insertMany(
        drafts.map((d, i) => ({
          username: d.username,
          fullName: d.fullName,
          passwordHash: hashes[i],
          role: d.role,
          agencyId: d.agencyId,
          email: d.email,
          active: true,
        })),
        m,
      );
      await this.audit.record(
        {
          actor,
          action: 'user.imported',
          entityType: 'user_import',
          entityId: file.originalname.slice(0, 64),
          after: { created: drafts.length, usernames: drafts.map((d) => d.username) },
        },
        m,
      );
    });
    return { rows: records.length, created: drafts.length, dryRun };
  }
}
