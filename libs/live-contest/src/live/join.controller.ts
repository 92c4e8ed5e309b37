import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@app/platform';
import { PinParam } from '../dto/contest.dto.js';
import type { JoinInfo } from '../protocol.js';
import { LiveService } from './live.service.js';

/** What a player's phone reads before joining: no account, the PIN is the key. */
@ApiTags('contests (public)')
@Controller('contest-join')
@Public()
export class JoinController {
  constructor(private readonly live: LiveService) {}

  @Get(':pin')
  @ApiOperation({ summary: 'The running contest behind a PIN and the agencies a player may choose' })
  info(@Param() p: PinParam, @Req() req: Request): Promise<JoinInfo> {
    return this.live.joinInfo(p.pin, req.ip ?? 'unknown');
  }
}
