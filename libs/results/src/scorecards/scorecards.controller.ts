import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, DomainError, Role, Roles, type Principal } from '@app/platform';
import { FileUploadDto, IdParam, ItemParam } from '../dto/params.dto.js';
import {
  AppraisalsDto,
  OpenScorecardsDto,
  ReopenDto,
  ScorecardListQuery,
  SelfScoresDto,
} from '../dto/scorecard.dto.js';
import { SurveyCriterionService, type SurveyRecomputedLeaf } from '../survey-criterion/survey-criterion.service.js';
import { TestDerivedService, type RecomputeReport } from '../test-derived/test-derived.service.js';
import { EVIDENCE_MAX_BYTES, EvidenceService, type EvidenceView, type UploadedEvidence } from './evidence.service.js';
import { ScorecardsService, type ScorecardSummary, type ScorecardView } from './scorecards.service.js';

/** The test-derived leaves as before, and the computed survey leaves beside them. */
export type CriteriaRecomputeReport = RecomputeReport & { survey: SurveyRecomputedLeaf[] };

const upload = FileInterceptor('file', { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 0 } });

@ApiTags('results: scorecards')
@ApiBearerAuth()
@Roles(Role.Admin, Role.Inspector, Role.AgencyOfficer)
@Controller('results')
export class ScorecardsController {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly evidence: EvidenceService,
    private readonly testDerived: TestDerivedService,
    private readonly surveyCriteria: SurveyCriterionService,
  ) {}

  @Post('schemes/:id/scorecards')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Open draft scorecards for the agencies of the scheme level (or those listed)' })
  open(
    @CurrentUser() p: Principal,
    @Param() { id }: IdParam,
    @Body() dto: OpenScorecardsDto,
  ): Promise<ScorecardSummary[]> {
    return this.scorecards.open(id, dto.agencyIds, p);
  }

  @Post('schemes/:id/recompute')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Inspector)
  @ApiOperation({
    summary:
      'Recompute every test-derived criterion from the graded attempts and every survey criterion from the responses',
  })
  async recomputeScheme(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<CriteriaRecomputeReport> {
    const tests = await this.testDerived.recomputeScheme(id, p);
    return { ...tests, survey: await this.surveyCriteria.recomputeScheme(id, p) };
  }

  @Post('schemes/:id/publish')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Publish every appraised scorecard of the scheme' })
  publishAll(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<ScorecardSummary[]> {
    return this.scorecards.publishAll(id, p);
  }

  @Get('scorecards')
  @ApiOperation({ summary: 'Scorecards; an agency officer sees only their agency' })
  list(@CurrentUser() p: Principal, @Query() q: ScorecardListQuery): Promise<ScorecardSummary[]> {
    return this.scorecards.list(q, p);
  }

  @Get('scorecards/:id')
  @ApiOperation({ summary: 'A scorecard: every criterion, score, evidence file and computed evidence, and the totals' })
  view(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<ScorecardView> {
    return this.scorecards.view(id, p);
  }

  @Put('scorecards/:id/self-scores')
  @Roles(Role.Admin, Role.AgencyOfficer)
  @ApiOperation({ summary: "The agency's self-scores and explanations (draft only)" })
  selfScore(@CurrentUser() p: Principal, @Param() { id }: IdParam, @Body() dto: SelfScoresDto): Promise<ScorecardView> {
    return this.scorecards.selfScore(id, dto.items, p);
  }

  @Put('scorecards/:id/appraisals')
  @Roles(Role.Admin, Role.Inspector)
  @ApiOperation({ summary: 'Appraised scores with notes (under appraisal only); every change audited' })
  appraise(@CurrentUser() p: Principal, @Param() { id }: IdParam, @Body() dto: AppraisalsDto): Promise<ScorecardView> {
    return this.scorecards.appraise(id, dto.items, p);
  }

  @Post('scorecards/:id/submit')
  @HttpCode(200)
  @Roles(Role.Admin, Role.AgencyOfficer)
  submit(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<ScorecardSummary> {
    return this.scorecards.step(id, 'submit', p);
  }

  @Post('scorecards/:id/start-appraisal')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Inspector)
  startAppraisal(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<ScorecardSummary> {
    return this.scorecards.step(id, 'start_appraisal', p);
  }

  @Post('scorecards/:id/finish-appraisal')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Inspector)
  finishAppraisal(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<ScorecardSummary> {
    return this.scorecards.step(id, 'finish_appraisal', p);
  }

  @Post('scorecards/:id/publish')
  @HttpCode(200)
  @Roles(Role.Admin)
  publish(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<ScorecardSummary> {
    return this.scorecards.step(id, 'publish', p);
  }

  @Post('scorecards/:id/reopen')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Reopen (admin only, with a reason) to draft or under appraisal' })
  reopen(@CurrentUser() p: Principal, @Param() { id }: IdParam, @Body() dto: ReopenDto): Promise<ScorecardSummary> {
    return this.scorecards.step(id, 'reopen', p, { reason: dto.reason, to: dto.to });
  }

  @Post('scorecards/:id/recompute')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Inspector)
  @ApiOperation({
    summary: "Recompute the scorecard's test-derived and survey criteria; a published one is only checked",
  })
  async recompute(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<CriteriaRecomputeReport> {
    const tests = await this.testDerived.recomputeScorecard(id, p);
    return { ...tests, survey: await this.surveyCriteria.recomputeScorecard(id, p) };
  }

  @Post('scorecards/:id/items/:code/evidence')
  @Roles(Role.Admin, Role.AgencyOfficer)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: FileUploadDto })
  @ApiOperation({ summary: 'Upload an evidence document (PDF, PNG, JPEG, DOCX, XLSX; 10 MB) for a criterion' })
  uploadEvidence(
    @CurrentUser() p: Principal,
    @Param() { id, code }: ItemParam,
    @UploadedFile() file: UploadedEvidence | undefined,
  ): Promise<EvidenceView> {
    if (!file)
      throw new DomainError('FILE_MISSING', 'Send the file as multipart/form-data in the field "file"', 'invalid');
    return this.evidence.upload(id, code, file, p);
  }

  @Get('evidence/:id')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download an evidence document (within your agency scope)' })
  async download(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<StreamableFile> {
    const { file, bytes, mime } = await this.evidence.read(id, p);
    return new StreamableFile(bytes, {
      type: mime,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      length: bytes.length,
    });
  }
}
