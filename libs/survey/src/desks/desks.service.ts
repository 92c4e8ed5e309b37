import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { Agency } from '@app/org';
import { AuditLog, canReachAgency, DomainError, forbidden, notFound, type Principal } from '@app/platform';
import { CollectionCache } from '../collection/collection-cache.js';
import type { DeskView, ProcedureView } from '../dto/desk.dto.js';
import { SurveyProcedure } from './procedure.entity.js';
import { ServiceDesk } from './service-desk.entity.js';

/** The path of a desk's public page in the web UI. */
export const publicPath = (publicCode: string): string => `/khao-sat/${publicCode}`;

const view = (d: ServiceDesk): DeskView => ({
  id: d.id,
  agencyId: d.agencyId,
  name: d.name,
  publicCode: d.publicCode,
  active: d.active,
});

@Injectable()
export class DesksService {
  private procedureCache: { at: number; items: Promise<ProcedureView[]> } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly cache: CollectionCache,
  ) {}

  async list(p: Principal, agencyId?: number): Promise<DeskView[]> {
    if (agencyId !== undefined && !canReachAgency(p, agencyId))
      throw forbidden('You may only see your own agency’s desks');
    const scope = agencyId ?? (canReachAgency(p, -1) ? undefined : (p.agencyId ?? -1));
    const desks = await this.db.getRepository(ServiceDesk).find({
      where: scope === undefined ? {} : { agencyId: scope },
      order: { agencyId: 'ASC', id: 'ASC' },
    });
    return desks.map(view);
  }

  async create(p: Principal, agencyId: number, name: string): Promise<DeskView> {
    if (!canReachAgency(p, agencyId)) throw forbidden('You may only add desks to your own agency');
    const agency = await this.db.getRepository(Agency).findOneBy({ id: agencyId });
    if (!agency) throw notFound('Agency', agencyId);
    if (!agency.active) throw new DomainError('AGENCY_INACTIVE', `Agency ${agency.name} is deactivated`, 'conflict');
    const desk = await this.db
      .getRepository(ServiceDesk)
      .save({ agencyId, name, publicCode: randomBytes(9).toString('base64url'), active: true });
    await this.audit.record({
      actor: p,
      action: 'survey.desk.create',
      entityType: 'survey_desk',
      entityId: desk.id,
      agencyId,
      after: view(desk),
    });
    return view(desk);
  }

  async update(p: Principal, id: number, patch: { name?: string; active?: boolean }): Promise<DeskView> {
    const desk = await this.get(p, id);
    const before = view(desk);
    if (patch.name !== undefined) desk.name = patch.name;
    if (patch.active !== undefined) desk.active = patch.active;
    await this.db.getRepository(ServiceDesk).save(desk);
    this.cache.clear();
    await this.audit.record({
      actor: p,
      action: 'survey.desk.update',
      entityType: 'survey_desk',
      entityId: id,
      agencyId: desk.agencyId,
      before,
      after: view(desk),
    });
    return view(desk);
  }

  async get(p: Principal, id: number): Promise<ServiceDesk> {
    const desk = await this.db.getRepository(ServiceDesk).findOneBy({ id });
    if (!desk) throw notFound('Service desk', id);
    if (!canReachAgency(p, desk.agencyId)) throw forbidden('You may only see your own agency’s desks');
    return desk;
  }

  /** The desk's public link as a printable QR code (SVG or PNG). */
  async qr(
    p: Principal,
    id: number,
    base: string,
    format: 'svg' | 'png',
  ): Promise<{ body: Buffer; contentType: string; url: string }> {
    const desk = await this.get(p, id);
    const url = base.replace(/\/+$/, '') + publicPath(desk.publicCode);
    const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
    if (format === 'png') {
      return {
        body: await QRCode.toBuffer(url, { ...options, type: 'png', width: 600 }),
        contentType: 'image/png',
        url,
      };
    }
    const svg = await QRCode.toString(url, { ...options, type: 'svg' });
    return { body: Buffer.from(svg, 'utf8'), contentType: 'image/svg+xml', url };
  }

  /** Active procedures, cached for a minute (the public pages ask on every visit). */
  async procedures(includeInactive = false): Promise<ProcedureView[]> {
    if (includeInactive)
      return (await this.db.getRepository(SurveyProcedure).find({ order: { field: 'ASC', name: 'ASC' } })).map((x) => ({
        ...x,
      }));
    // One read shared by the requests that arrive while it runs; a failed read is not kept.
    if (!this.procedureCache || Date.now() - this.procedureCache.at > 60_000) {
      const entry = {
        at: Date.now(),
        items: this.db
          .getRepository(SurveyProcedure)
          .find({ where: { active: true }, order: { field: 'ASC', name: 'ASC' } })
          .then((rows) => rows.map((x): ProcedureView => ({ ...x }))),
      };
      this.procedureCache = entry;
      entry.items.catch(() => {
        if (this.procedureCache === entry) this.procedureCache = null;
      });
    }
    return this.procedureCache.items;
  }

  async createProcedure(p: Principal, dto: { code: string; name: string; field?: string }): Promise<ProcedureView> {
    const repo = this.db.getRepository(SurveyProcedure);
    if (await repo.existsBy({ code: dto.code })) {
      throw new DomainError(
        'SURVEY_PROCEDURE_CODE_TAKEN',
        `A procedure with code "${dto.code}" already exists`,
        'conflict',
      );
    }
    const saved = await repo.save({ code: dto.code, name: dto.name, field: dto.field ?? null, active: true });
    this.procedureCache = null;
    await this.audit.record({
      actor: p,
      action: 'survey.procedure.create',
      entityType: 'survey_procedure',
      entityId: saved.id,
      after: dto,
    });
    return { ...saved };
  }
}
