import { Body, Controller, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Public, Role, Roles, type Page, type Principal } from '@app/platform';
import { CandidateParams, IdParams } from './dto/attempt.dto.js';
import {
  AccessCodesDto,
  AddCandidatesDto,
  CandidateLoginDto,
  CandidateUpdateDto,
  SessionDto,
  SessionListQuery,
  SessionUpdateDto,
} from './dto/session.dto.js';
import type { StaffCandidateView } from '../published/bank-views.js';
import type { ExamCandidate } from './exam-candidate.entity.js';
import type { ExamSession } from './exam-session.entity.js';
import {
  SessionsService,
  type CandidateSessionView,
  type CandidateSummary,
  type IssuedCode,
} from './sessions.service.js';

/** Candidate rows for staff: never the access code hash. */
const staffCandidate = (c: ExamCandidate): StaffCandidateView => ({
  id: c.id,
  sessionId: c.sessionId,
  userId: c.userId,
  candidateNumber: c.candidateNumber,
  fullName: c.fullName,
  agencyId: c.agencyId,
  hasAccessCode: c.accessCodeHash !== null,
  extraSeconds: c.extraSeconds,
  priorityPoints: c.priorityPoints,
});

@ApiTags('exam: sessions')
@ApiBearerAuth()
@Controller('exam/sessions')
@Roles(Role.Admin, Role.Organizer, Role.Inspector)
export class SessionsController {
  constructor(private readonly service: SessionsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a session of a template (checks that the bank can fill every draw rule)' })
  create(@Body() dto: SessionDto, @CurrentUser() by: Principal): Promise<ExamSession> {
    return this.service.createSession(dto, by);
  }

  @Get()
  @Roles(Role.Admin, Role.Organizer, Role.Inspector, Role.AgencyOfficer)
  list(@Query() q: SessionListQuery, @CurrentUser() by: Principal): Promise<Page<ExamSession>> {
    return this.service.listSessions(q, by);
  }

  @Get(':id')
  get(@Param() p: IdParams): Promise<ExamSession> {
    return this.service.session(p.id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the window, review policy, quota or tie-breaks' })
  update(@Param() p: IdParams, @Body() dto: SessionUpdateDto): Promise<ExamSession> {
    return this.service.updateSession(p.id, dto);
  }

  @Post(':id/candidates')
  @ApiOperation({ summary: 'Add candidates: existing accounts and/or candidate numbers (số báo danh)' })
  async addCandidates(@Param() p: IdParams, @Body() dto: AddCandidatesDto): Promise<StaffCandidateView[]> {
    return (await this.service.addCandidates(p.id, dto)).map(staffCandidate);
  }

  @Get(':id/candidates')
  async candidates(@Param() p: IdParams): Promise<StaffCandidateView[]> {
    return (await this.service.candidates(p.id)).map(staffCandidate);
  }

  @Patch(':id/candidates/:candidateId')
  @ApiOperation({ summary: 'Extra time or priority points for one candidate' })
  async updateCandidate(@Param() p: CandidateParams, @Body() dto: CandidateUpdateDto): Promise<StaffCandidateView> {
    return staffCandidate(await this.service.updateCandidate(p.id, p.candidateId, dto));
  }

  @Post(':id/access-codes')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue one-time access codes to numbered candidates, for printed slips: returned only this once',
  })
  accessCodes(@Param() p: IdParams, @Body() dto: AccessCodesDto): Promise<IssuedCode[]> {
    return this.service.issueAccessCodes(p.id, dto.candidateIds);
  }
}

@ApiTags('exam: candidates')
@Controller('exam')
export class CandidateAuthController {
  constructor(private readonly service: SessionsService) {}

  @Post('candidate-login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with a candidate number and access code; rate-limited' })
  login(@Body() dto: CandidateLoginDto, @Ip() ip: string) {
    return this.service.candidateLogin(dto, ip);
  }

  @Get('my/sessions')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The sessions the caller is a candidate of' })
  mine(@CurrentUser() me: Principal): Promise<{ candidate: CandidateSummary; session: CandidateSessionView }[]> {
    return this.service.mySessions(me);
  }
}
