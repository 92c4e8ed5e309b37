import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { AgencyLevel } from '@app/org';
import { AuditLog, DomainError, notFound, type Principal } from '@app/platform';
import { fromCenti, toCenti } from '../domain/decimal.js';
import { parseRankingConfig, type RankingConfig } from '../domain/ranking.js';
import { validateSchemeTree, type SchemeNodeInput } from '../domain/scheme-tree.js';
import { isComputedSurveyLeaf, parseSurveyLeafConfig } from '../domain/survey-criterion.js';
import { parseTestDerivedConfig } from '../domain/test-derived.js';
import type { SchemeDocumentDto } from '../dto/scheme.dto.js';
import { Scorecard } from '../scorecards/scorecard.entity.js';
import { SchemeNode } from './scheme-node.entity.js';
import { Scheme } from './scheme.entity.js';

/** A scheme with its nodes, loaded once and read by the scorecard, ranking and report services. */
export interface LoadedScheme {
  scheme: Scheme;
  nodes: SchemeNode[];
  leaves: { node: SchemeNode; areaCode: string }[];
  areas: SchemeNode[];
  ranking: RankingConfig;
}

export interface SchemeDocument {
  year: number;
  levelCode: string;
  name: string;
  scale: number;
  ranking: Record<string, unknown> | null;
  areas: SchemeNodeInput[];
}

export interface SchemeSummary {
  id: number;
  year: number;
  levelCode: string;
  name: string;
  scale: number;
  status: string;
}

/** Checks a leaf's configuration by its source. */
export function leafConfigProblems(node: SchemeNodeInput): string[] {
  const config = node.config ?? null;
  if (node.source === 'test_derived') return parseTestDerivedConfig(config, node.max).problems;
  // A survey leaf without configuration is scored by hand by the appraisal team.
  if (node.source === 'survey') return isComputedSurveyLeaf(config) ? parseSurveyLeafConfig(config).problems : [];
  if (node.source === 'bonus_penalty') {
    const extra = Object.keys(config ?? {}).filter((k) => k !== 'penaltyMax');
    const pm = config?.penaltyMax;
    return [
      ...extra.map((k) => `unknown setting "${k}"`),
      ...(pm !== undefined && (typeof pm !== 'number' || pm < 0 || toCenti(pm) === null)
        ? ['penaltyMax must be points ≥ 0 with at most two decimals']
        : []),
    ];
  }
  return config && Object.keys(config).length ? [`a ${node.source} leaf takes no configuration`] : [];
}

/** Schemes as data: create, import, export, copy to another year, edit while draft, activate. */
@Injectable()
export class SchemesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: { year?: number; levelCode?: string }): Promise<SchemeSummary[]> {
    const where: FindOptionsWhere<Scheme> = {};
    if (filter.year) where.year = filter.year;
    if (filter.levelCode) where.levelCode = filter.levelCode;
    const rows = await this.db
      .getRepository(Scheme)
      .find({ where, order: { year: 'DESC', levelCode: 'ASC', id: 'ASC' } });
    return rows.map(summary);
  }

  async create(doc: SchemeDocumentDto, actor: Principal): Promise<SchemeSummary> {
    return this.db
      .transaction(async (m) => {
        await this.assertValid(doc, m);
        const scheme = await m.getRepository(Scheme).save({
          year: doc.year,
          levelCode: doc.levelCode,
          name: doc.name,
          scaleCenti: toCenti(doc.scale ?? 100)!,
          status: 'draft',
          ranking: doc.ranking ?? null,
        });
        await this.saveTree(scheme.id, doc.areas, m);
        await this.audit.record(
          {
            actor,
            action: 'par.scheme.created',
            entityType: 'par_scheme',
            entityId: scheme.id,
            after: { year: doc.year, levelCode: doc.levelCode, name: doc.name },
          },
          m,
        );
        return summary(scheme);
      })
      .catch(duplicateName);
  }

  /** Replaces a draft's whole document. */
  async update(id: number, doc: SchemeDocumentDto, actor: Principal): Promise<SchemeSummary> {
    return this.db
      .transaction(async (m) => {
        const scheme = await this.findOrFail(id, m);
        if (scheme.status !== 'draft') {
          throw new DomainError(
            'SCHEME_NOT_DRAFT',
            'Only a draft scheme can be edited; copy it to make a new draft',
            'conflict',
          );
        }
        await this.assertValid(doc, m);
        const before = await this.exportDocument(id, m);
        Object.assign(scheme, {
          year: doc.year,
          levelCode: doc.levelCode,
          name: doc.name,
          scaleCenti: toCenti(doc.scale ?? 100)!,
          ranking: doc.ranking ?? null,
        });
        await m.getRepository(Scheme).save(scheme);
        await m.getRepository(SchemeNode).delete({ schemeId: id });
        await this.saveTree(id, doc.areas, m);
        await this.audit.record(
          { actor, action: 'par.scheme.updated', entityType: 'par_scheme', entityId: id, before, after: doc },
          m,
        );
        return summary(scheme);
      })
      .catch(duplicateName);
  }

  /** Makes a draft the scheme agencies are scored on; one active scheme per year and level. */
  async activate(id: number, actor: Principal): Promise<SchemeSummary> {
    return this.db.transaction(async (m) => {
      const scheme = await this.findOrFail(id, m);
      if (scheme.status === 'active') return summary(scheme);
      const other = await m
        .getRepository(Scheme)
        .findOneBy({ year: scheme.year, levelCode: scheme.levelCode, status: 'active' });
      if (other) {
        throw new DomainError(
          'SCHEME_ALREADY_ACTIVE',
          `Scheme ${other.id} is already active for ${scheme.levelCode} ${scheme.year}`,
          'conflict',
        );
      }
      await this.assertValid(await this.exportDocument(id, m), m);
      scheme.status = 'active';
      await m.getRepository(Scheme).save(scheme);
      await this.audit.record({ actor, action: 'par.scheme.activated', entityType: 'par_scheme', entityId: id }, m);
      return summary(scheme);
    });
  }

  async remove(id: number, actor: Principal): Promise<void> {
    await this.db.transaction(async (m) => {
      const scheme = await this.findOrFail(id, m);
      if (scheme.status !== 'draft' || (await m.getRepository(Scorecard).countBy({ schemeId: id })) > 0) {
        throw new DomainError('SCHEME_IN_USE', 'Only a draft scheme without scorecards can be deleted', 'conflict');
      }
      await m.getRepository(SchemeNode).delete({ schemeId: id });
      await m.getRepository(Scheme).delete({ id });
      await this.audit.record(
        { actor, action: 'par.scheme.deleted', entityType: 'par_scheme', entityId: id, before: summary(scheme) },
        m,
      );
    });
  }

  /** A new draft for another year with the same tree and settings, to edit. */
  async copy(id: number, year: number, name: string | undefined, actor: Principal): Promise<SchemeSummary> {
    const doc = await this.exportDocument(id);
    return this.create(
      { ...doc, year, name: name ?? doc.name.replace(String(doc.year), String(year)) } as SchemeDocumentDto,
      actor,
    );
  }

  /** The scheme as the JSON document import takes. */
  async exportDocument(id: number, m: EntityManager = this.db.manager): Promise<SchemeDocument> {
    const { scheme, nodes } = await this.load(id, m);
    const byParent = new Map<number | null, SchemeNode[]>();
    for (const n of nodes) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
    const build = (n: SchemeNode): SchemeNodeInput => {
      const children = (byParent.get(n.id) ?? []).map(build);
      return {
        code: n.code,
        name: n.name,
        max: fromCenti(n.maxCenti),
        ...(n.source ? { source: n.source } : {}),
        ...(n.config ? { config: n.config } : {}),
        ...(children.length ? { children } : {}),
      };
    };
    return {
      year: scheme.year,
      levelCode: scheme.levelCode,
      name: scheme.name,
      scale: fromCenti(scheme.scaleCenti),
      ranking: scheme.ranking,
      areas: (byParent.get(null) ?? []).map(build),
    };
  }

  async get(id: number): Promise<SchemeSummary & { document: SchemeDocument }> {
    const scheme = await this.findOrFail(id);
    return { ...summary(scheme), document: await this.exportDocument(id) };
  }

  /** The scheme with its nodes in tree order, for the other services. */
  async load(id: number, m: EntityManager = this.db.manager): Promise<LoadedScheme> {
    const scheme = await this.findOrFail(id, m);
    const nodes = await m
      .getRepository(SchemeNode)
      .find({ where: { schemeId: id }, order: { depth: 'ASC', position: 'ASC', id: 'ASC' } });
    const byParent = new Map<number | null, SchemeNode[]>();
    for (const n of nodes) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
    const ordered: SchemeNode[] = [];
    const leaves: { node: SchemeNode; areaCode: string }[] = [];
    const walk = (n: SchemeNode, areaCode: string): void => {
      ordered.push(n);
      const children = byParent.get(n.id) ?? [];
      if (!children.length) leaves.push({ node: n, areaCode });
      children.forEach((c) => walk(c, areaCode));
    };
    const areas = byParent.get(null) ?? [];
    areas.forEach((a) => walk(a, a.code));
    const ranking = parseRankingConfig(
      scheme.ranking,
      areas.map((a) => a.code),
    ).config;
    return { scheme, nodes: ordered, leaves, areas, ranking };
  }

  /** The active scheme for a year and level. */
  async activeFor(year: number, levelCode: string, m: EntityManager = this.db.manager): Promise<Scheme | null> {
    return m.getRepository(Scheme).findOneBy({ year, levelCode, status: 'active' });
  }

  async findOrFail(id: number, m: EntityManager = this.db.manager): Promise<Scheme> {
    const scheme = await m.getRepository(Scheme).findOneBy({ id });
    if (!scheme) throw notFound('Scheme', id);
    return scheme;
  }

  private async assertValid(
    doc: Omit<SchemeDocument, 'scale' | 'ranking'> & { scale?: number; ranking?: Record<string, unknown> | null },
    m: EntityManager,
  ): Promise<void> {
    const problems = validateSchemeTree(doc.areas, doc.scale ?? 100, leafConfigProblems).map((p) => ({
      field: p.path || 'scheme',
      code: p.code,
      message: p.message,
    }));
    const ranking = parseRankingConfig(
      doc.ranking ?? null,
      doc.areas.map((a) => a.code),
    );
    problems.push(...ranking.problems.map((message) => ({ field: 'ranking', code: 'RANKING_INVALID', message })));
    if (!(await m.getRepository(AgencyLevel).existsBy({ code: doc.levelCode }))) {
      problems.push({
        field: 'levelCode',
        code: 'LEVEL_UNKNOWN',
        message: `No agency level has the code ${doc.levelCode}`,
      });
    }
    if (problems.length) {
      throw new DomainError('SCHEME_INVALID', problems.map((p) => `${p.field}: ${p.message}`).join(' | '), 'invalid', {
        problems,
      });
    }
  }

  private async saveTree(schemeId: number, areas: SchemeNodeInput[], m: EntityManager): Promise<void> {
    const repo = m.getRepository(SchemeNode);
    const save = async (nodes: SchemeNodeInput[], parentId: number | null, depth: number): Promise<void> => {
      for (const [position, n] of nodes.entries()) {
        const leaf = !n.children?.length;
        const saved = await repo.save({
          schemeId,
          parentId,
          depth,
          position,
          code: n.code,
          name: n.name,
          maxCenti: toCenti(n.max)!,
          source: leaf ? (n.source ?? null) : null,
          config: leaf && n.config && Object.keys(n.config).length ? n.config : null,
        });
        if (!leaf) await save(n.children!, saved.id, depth + 1);
      }
    };
    await save(areas, null, 1);
  }
}

const summary = (s: Scheme): SchemeSummary => ({
  id: s.id,
  year: s.year,
  levelCode: s.levelCode,
  name: s.name,
  scale: fromCenti(s.scaleCenti),
  status: s.status,
});

function duplicateName(err: unknown): never {
  const text = String((err as Error)?.message ?? err);
  if (/uq_par_schemes_year_level_name|UNIQUE constraint failed: par_schemes|Duplicate entry/.test(text)) {
    throw new DomainError(
      'SCHEME_NAME_TAKEN',
      'A scheme with this name already exists for that year and level',
      'conflict',
    );
  }
  throw err;
}
