import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@app/platform';
import {
  KioskVisitDto,
  PublicCodeParam,
  ResponseReceipt,
  SubmitResponseDto,
  VisitView,
} from '../dto/collection.dto.js';
import { CollectionService } from './collection.service.js';

/** What respondents' pages call: no account. The address is used for rate limits in memory and never stored. */
@ApiTags('survey (public)')
@Controller('survey/public')
@Public()
export class PublicSurveyController {
  constructor(private readonly collection: CollectionService) {}

  @Post('desks/:code/visit')
  @HttpCode(200)
  @ApiOperation({ summary: 'QR page load: the form and a fresh one-visit token for the desk’s open survey' })
  @ApiOkResponse({ type: VisitView })
  visit(@Param() { code }: PublicCodeParam, @Req() req: Request): Promise<VisitView> {
    return this.collection.visitByPublicCode(code, req.ip ?? 'unknown');
  }

  @Post('kiosk/visit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kiosk reset: the form and a fresh one-visit token for the next respondent' })
  @ApiOkResponse({ type: VisitView })
  kioskVisit(@Body() dto: KioskVisitDto, @Req() req: Request): Promise<VisitView> {
    return this.collection.visitByKiosk(dto.kioskToken, req.ip ?? 'unknown');
  }

  @Post('responses')
  @ApiOperation({
    summary: 'Send one response; the visit token is spent (a second send is refused with SURVEY_TOKEN_USED)',
  })
  @ApiOkResponse({ type: ResponseReceipt })
  submit(@Body() dto: SubmitResponseDto, @Req() req: Request): Promise<ResponseReceipt> {
    return this.collection.submit(dto, req.ip ?? 'unknown');
  }
}
