import { ResultsParIndex1764205000000 } from './results.migration.js';
import { SchemeNode } from './schemes/scheme-node.entity.js';
import { Scheme } from './schemes/scheme.entity.js';
import { EvidenceFile } from './scorecards/evidence-file.entity.js';
import { ScorecardItem } from './scorecards/scorecard-item.entity.js';
import { Scorecard } from './scorecards/scorecard.entity.js';

export { ResultsModule } from './results.module.js';
export { Scheme, SchemeNode, Scorecard, ScorecardItem, EvidenceFile };
export type { TestDerivation } from './scorecards/scorecard-item.entity.js';
export { SchemesService } from './schemes/schemes.service.js';
export { ScorecardsService } from './scorecards/scorecards.service.js';
export { TestDerivedService } from './test-derived/test-derived.service.js';
export { SurveyCriterionService, type SurveyRecomputedLeaf } from './survey-criterion/survey-criterion.service.js';
export type { SurveyDerivation } from './domain/survey-criterion.js';
export { RankingService } from './reports/ranking.service.js';

export const resultsEntities = [Scheme, SchemeNode, Scorecard, ScorecardItem, EvidenceFile];
export const resultsMigrations = [ResultsParIndex1764205000000];
