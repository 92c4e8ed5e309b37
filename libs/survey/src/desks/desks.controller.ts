import { Body, Controller, Get, Param, Patch, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import {
  CreateDeskDto,
  CreateProcedureDto,
  DeskQuery,
  DeskView,
  IdParam,
  ProcedureView,
  QrQuery,
  UpdateDeskDto,
} from '../dto/desk.dto.js';
import { DesksService } from './desks.service.js';

@ApiTags('survey')
@ApiBearerAuth()
@Controller('survey')
export class DesksController {
  constructor(private readonly desks: DesksService) {}

  @Get('desks')
  @Roles(Role.Admin, Role.Organizer, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({ summary: 'One-stop desks (Bộ phận Tiếp nhận và Trả kết quả); agency officers see their own' })
  @ApiOkResponse({ type: [DeskView] })
  list(@CurrentUser() p: Principal, @Query() q: DeskQuery): Promise<DeskView[]> {
    return this.desks.list(p, q.agencyId);
  }

  @Post('desks')
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Add a desk to an agency; it gets a public link code' })
  @ApiOkResponse({ type: DeskView })
  create(@CurrentUser() p: Principal, @Body() dto: CreateDeskDto): Promise<DeskView> {
    return this.desks.create(p, dto.agencyId, dto.name);
  }

  @Patch('desks/:id')
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Rename, deactivate or activate a desk' })
  @ApiOkResponse({ type: DeskView })
  update(@CurrentUser() p: Principal, @Param() { id }: IdParam, @Body() dto: UpdateDeskDto): Promise<DeskView> {
    return this.desks.update(p, id, dto);
  }

  @Get('desks/:id/qr')
  @Roles(Role.Admin, Role.Organizer, Role.AgencyOfficer)
  @ApiOperation({
    summary: 'The desk’s public link as a printable QR code (SVG or PNG); the link is in the X-Survey-Link header',
  })
  @ApiProduces('image/svg+xml', 'image/png')
  async qr(
    @CurrentUser() p: Principal,
    @Param() { id }: IdParam,
    @Query() q: QrQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const base = q.base ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const file = await this.desks.qr(p, id, base, q.format ?? 'svg');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('X-Survey-Link', file.url);
    res.setHeader('Content-Disposition', `inline; filename="qr-quay-${id}.${q.format ?? 'svg'}"`);
    return new StreamableFile(file.body);
  }

  @Get('procedures')
  @Roles(Role.Admin, Role.Organizer, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({ summary: 'Administrative procedures respondents choose from' })
  @ApiOkResponse({ type: [ProcedureView] })
  procedures(): Promise<ProcedureView[]> {
    return this.desks.procedures(true);
  }

  @Post('procedures')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Add a procedure to the list' })
  @ApiOkResponse({ type: ProcedureView })
  createProcedure(@CurrentUser() p: Principal, @Body() dto: CreateProcedureDto): Promise<ProcedureView> {
    return this.desks.createProcedure(p, dto);
  }
}
