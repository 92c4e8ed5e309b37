import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ExamResultsReader, type GradedAttemptRow, type TopicWeakness } from '@app/exam-bank';
import { Agency, AgencyLevel } from '@app/org';
import { DomainError } from '@app/platform';
import { fromCenti } from '../domain/decimal.js';
import { largestDifferences } from '../domain/ranking.js';
import {
  DEFAULT_TEST_DERIVED,
  deriveTestPoints,
  parseTestDerivedConfig,
  type TestDerivedConfig,
} from '../domain/test-derived.js';
import { SchemesService } from '../schemes/schemes.service.js';
import { SCORE_COLUMNS } from './ranking.service.js';
import { ScorecardItem } from '../scorecards/scorecard-item.entity.js';
import { Scorecard } from '../scorecards/scorecard.entity.js';
import { yearWindow } from '../test-derived/test-derived.service.js';

export interface PassRateRow {
  agencyId: number;
  agencyName: string;
  levelCode: string;
  candidates: number;
  passed: number;
  passRate: number | null;
  meanScore: number | null;
  communes: Omit<PassRateRow, 'communes'>[];
}

/** What inspectors review: pass rates, score distributions, weakest topics, self vs appraisal gaps. */
@Injectable()
export class InspectorReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schemes: SchemesService,
    @Optional() @Inject(ExamResultsReader) private readonly reader?: ExamResultsReader,
  ) {}

  /** Pass rates of each scored agency and of each of its communes, by the scheme's first test criterion's threshold. */
  async passRates(schemeId: number): Promise<{ passThresholdPercent: number; rows: PassRateRow[] }> {
    const { config, agencies, children, levelCode, rows } = await this.context(schemeId, true);
    const byAgency = groupBy(rows);
    const figures = (a: Agency): Omit<PassRateRow, 'communes'> => {
      const d = deriveTestPoints(byAgency.get(a.id) ?? [], config, 0, a.staffCount);
      return {
        agencyId: a.id,
        agencyName: a.name,
        levelCode: levelCode.get(a.levelId) ?? '',
        candidates: d.candidates,
        passed: d.passed,
        passRate: d.passRateHundredths === null ? null : fromCenti(d.passRateHundredths),
        meanScore: d.meanScoreHundredths === null ? null : fromCenti(d.meanScoreHundredths),
      };
    };
    return {
      passThresholdPercent: config.passThresholdPercent,
      rows: agencies.map((a) => ({
        ...figures(a),
        communes: children.filter((c) => c.parentId === a.id && levelCode.get(c.levelId) === 'commune').map(figures),
      })),
    };
  }

  /** How many candidates scored in each tenth of the scale (the last bucket includes 100 %). */
  async distribution(
    schemeId: number,
    agencyId?: number,
  ): Promise<{ buckets: { from: number; to: number; count: number }[]; candidates: number }> {
    const { config, rows } = await this.context(schemeId, false, agencyId);
    const d = deriveTestPoints(rows, config, 0, null);
    const counts = Array.from({ length: 10 }, () => 0);
    for (const a of d.attempts) counts[Math.min(9, Math.floor(a.percentHundredths / 1000))] += 1;
    return { buckets: counts.map((count, i) => ({ from: i * 10, to: i * 10 + 10, count })), candidates: d.candidates };
  }

  async weakestTopics(schemeId: number, agencyId?: number): Promise<TopicWeakness[]> {
    const scheme = await this.schemes.findOrFail(schemeId);
    const ids = agencyId ? [agencyId] : await this.scoredAgencyIds(schemeId);
    if (!ids.length) return [];
    return this.requireReader().weakestTopics({ agencyIds: ids, ...yearWindow(scheme.year) });
  }

  /** Agencies whose self-scores and appraisals differ most. */
  async differences(
    schemeId: number,
    limit = 10,
  ): Promise<{ agencyId: number; agencyName: string; absolute: number; net: number; itemsChanged: number }[]> {
    await this.schemes.findOrFail(schemeId);
    const cards = await this.db.getRepository(Scorecard).findBy({ schemeId });
    if (!cards.length) return [];
    const items = await this.db.getRepository(ScorecardItem).find({
      where: { scorecardId: In(cards.map((c) => c.id)) },
      select: SCORE_COLUMNS,
    });
    const byCard = new Map<number, ScorecardItem[]>();
    for (const i of items) byCard.set(i.scorecardId, [...(byCard.get(i.scorecardId) ?? []), i]);
    const diffs = largestDifferences(
      cards.map((c) => ({ agencyId: c.agencyId, items: byCard.get(c.id) ?? [] })),
      Math.max(1, Math.min(limit, 500)),
    );
    const names = new Map(
      (await this.db.getRepository(Agency).findBy({ id: In(diffs.map((d) => d.agencyId).concat(-1)) })).map((a) => [
        a.id,
        a.name,
      ]),
    );
    return diffs.map((d) => ({
      agencyId: d.agencyId,
      agencyName: names.get(d.agencyId) ?? '',
      absolute: fromCenti(d.absoluteCenti),
      net: fromCenti(d.netCenti),
      itemsChanged: d.itemsChanged,
    }));
  }

  private async context(schemeId: number, withChildren: boolean, agencyId?: number) {
    const loaded = await this.schemes.load(schemeId);
    const leaf = loaded.leaves.find((l) => l.node.source === 'test_derived');
    const config: TestDerivedConfig = leaf
      ? parseTestDerivedConfig(leaf.node.config, fromCenti(leaf.node.maxCenti)).config
      : DEFAULT_TEST_DERIVED;
    const ids = agencyId ? [agencyId] : await this.scoredAgencyIds(schemeId);
    const repo = this.db.getRepository(Agency);
    const agencies = ids.length ? await repo.find({ where: { id: In(ids) }, order: { id: 'ASC' } }) : [];
    const children =
      withChildren && ids.length ? await repo.find({ where: { parentId: In(ids) }, order: { id: 'ASC' } }) : [];
    const levelCode = new Map((await this.db.getRepository(AgencyLevel).find()).map((l) => [l.id, l.code]));
    const allIds = [...agencies, ...children].map((a) => a.id);
    const rows = allIds.length
      ? await this.requireReader().gradedAttempts({ agencyIds: allIds, ...yearWindow(loaded.scheme.year) })
      : [];
    return { config, agencies, children, levelCode, rows };
  }

  private async scoredAgencyIds(schemeId: number): Promise<number[]> {
    return (await this.db.getRepository(Scorecard).find({ where: { schemeId }, order: { agencyId: 'ASC' } })).map(
      (c) => c.agencyId,
    );
  }

  private requireReader(): ExamResultsReader {
    if (!this.reader) {
      throw new DomainError(
        'EXAM_RESULTS_UNAVAILABLE',
        'Inspection test results cannot be read on this server',
        'conflict',
      );
    }
    return this.reader;
  }
}

function groupBy(rows: GradedAttemptRow[]): Map<number, GradedAttemptRow[]> {
  const m = new Map<number, GradedAttemptRow[]>();
  for (const r of rows) m.set(r.agencyId, [...(m.get(r.agencyId) ?? []), r]);
  return m;
}
