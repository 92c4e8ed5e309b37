import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource, In } from 'typeorm';
import { Agency } from '@app/org';
import { DomainError } from '@app/platform';
import { fromCenti } from '../domain/decimal.js';
import { rankEntries } from '../domain/ranking.js';
import { SchemesService, type LoadedScheme } from '../schemes/schemes.service.js';
import { ScorecardItem } from '../scorecards/scorecard-item.entity.js';
import { Scorecard } from '../scorecards/scorecard.entity.js';
import { indexOf } from '../scorecards/scorecards.service.js';

export interface RankingRow {
  rank: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  scorecardId: number;
  total: number;
  index: number;
  band: string | null;
  appraisedPoints: number;
  areas: { code: string; achieved: number; index: number }[];
  previousRank: number | null;
  previousIndex: number | null;
  /** previous rank − rank: positive when the agency moved up. */
  rankChange: number | null;
  indexChange: number | null;
}

export interface RankingView {
  schemeId: number;
  year: number;
  levelCode: string;
  name: string;
  areas: { code: string; name: string; max: number }[];
  previousSchemeId: number | null;
  rows: RankingRow[];
}

/** The published ranking of a scheme, with the change from the previous year's, and its Excel export. */
@Injectable()
export class RankingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schemes: SchemesService,
  ) {}

  async forYear(year: number, levelCode: string): Promise<RankingView> {
    const scheme = await this.schemes.activeFor(year, levelCode);
    if (!scheme) throw new DomainError('NO_ACTIVE_SCHEME', `No active scheme for ${levelCode} ${year}`, 'not_found');
    return this.ranking(scheme.id);
  }

  /**
   * The ranking of the published scorecards; with `preview`, of every scorecard whatever its state
   * (for the appraisal council before publication).
   */
  async ranking(schemeId: number, opts: { preview?: boolean } = {}): Promise<RankingView> {
    const loaded = await this.schemes.load(schemeId);
    const rows = await this.rank(loaded, opts.preview ?? false);
    const prevScheme = await this.schemes.activeFor(loaded.scheme.year - 1, loaded.scheme.levelCode);
    const previous = prevScheme
      ? new Map((await this.rank(await this.schemes.load(prevScheme.id))).map((r) => [r.agencyId, r]))
      : new Map();
    for (const r of rows) {
      const p = previous.get(r.agencyId);
      if (!p) continue;
      r.previousRank = p.rank;
      r.previousIndex = p.index;
      r.rankChange = p.rank - r.rank;
      r.indexChange = fromCenti(Math.round(r.index * 100) - Math.round(p.index * 100));
    }
    return {
      schemeId,
      year: loaded.scheme.year,
      levelCode: loaded.scheme.levelCode,
      name: loaded.scheme.name,
      areas: loaded.areas.map((a) => ({ code: a.code, name: a.name, max: fromCenti(a.maxCenti) })),
      previousSchemeId: prevScheme?.id ?? null,
      rows,
    };
  }

  /** Published (or, previewing, all) scorecards of the scheme, ranked. */
  private async rank(loaded: LoadedScheme, preview = false): Promise<RankingRow[]> {
    const cards = await this.db
      .getRepository(Scorecard)
      .findBy(preview ? { schemeId: loaded.scheme.id } : { schemeId: loaded.scheme.id, state: 'published' });
    if (!cards.length) return [];
    // Scores only: the derivation snapshots (the evidence) are not needed to rank.
    const items = await this.db.getRepository(ScorecardItem).find({
      where: { scorecardId: In(cards.map((c) => c.id)) },
      select: SCORE_COLUMNS,
    });
    const byCard = new Map<number, ScorecardItem[]>();
    for (const i of items) byCard.set(i.scorecardId, [...(byCard.get(i.scorecardId) ?? []), i]);
    const agencies = new Map(
      (await this.db.getRepository(Agency).findBy({ id: In(cards.map((c) => c.agencyId)) })).map((a) => [a.id, a]),
    );
    const entries = cards.map((c) => {
      const r = indexOf(loaded, byCard.get(c.id) ?? []);
      return {
        agencyId: c.agencyId,
        scorecardId: c.id,
        indexHundredths: r.indexHundredths,
        totalCenti: r.totalCenti,
        appraisedCenti: r.appraisedCenti,
        areas: Object.fromEntries(r.areas.map((a) => [a.code, a.achievedCenti])),
        result: r,
      };
    });
    return rankEntries(entries, loaded.ranking).map((e) => ({
      rank: e.rank,
      agencyId: e.agencyId,
      agencyCode: agencies.get(e.agencyId)?.code ?? '',
      agencyName: agencies.get(e.agencyId)?.name ?? '',
      scorecardId: e.scorecardId,
      total: fromCenti(e.totalCenti),
      index: fromCenti(e.indexHundredths),
      band: e.band,
      appraisedPoints: fromCenti(e.appraisedCenti),
      areas: e.result.areas.map((a) => ({
        code: a.code,
        achieved: fromCenti(a.achievedCenti),
        index: fromCenti(a.indexHundredths),
      })),
      previousRank: null,
      previousIndex: null,
      rankChange: null,
      indexChange: null,
    }));
  }

  /** The ranking as a workbook with Vietnamese headers; figures are numbers, not text. */
  async rankingXlsx(schemeId: number): Promise<Buffer> {
    const view = await this.ranking(schemeId);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Xếp hạng');
    sheet.addRow([`${view.name} (${view.year})`]).font = { bold: true, size: 13 };
    const headers = [
      ...RANKING_HEADERS,
      ...view.areas.map((a) => `${a.code} – ${a.name} (${a.max} điểm)`),
      'Hạng năm trước',
      'Thay đổi thứ hạng',
    ];
    sheet.addRow(headers).font = { bold: true };
    for (const r of view.rows) {
      sheet.addRow([
        r.rank,
        r.agencyCode,
        r.agencyName,
        r.total,
        r.index,
        r.band ?? '',
        ...r.areas.map((a) => a.achieved),
        r.previousRank ?? '',
        r.rankChange ?? '',
      ]);
    }
    sheet.getColumn(3).width = 45;
    sheet.getColumn(4).numFmt = '0.00';
    sheet.getColumn(5).numFmt = '0.00';
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}

/** The item columns that hold scores. */
export const SCORE_COLUMNS = {
  id: true,
  scorecardId: true,
  nodeId: true,
  selfCenti: true,
  appraisedCenti: true,
  derivedCenti: true,
} as const;

export const RANKING_HEADERS = ['Hạng', 'Mã cơ quan', 'Cơ quan', 'Tổng điểm', 'Chỉ số (%)', 'Xếp loại'];
