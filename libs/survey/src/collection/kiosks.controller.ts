import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import { KioskQuery, KioskView, RegisteredKioskView, RegisterKioskDto } from '../dto/collection.dto.js';
import { IdParam } from '../dto/desk.dto.js';
import { CollectionService } from './collection.service.js';

@ApiTags('survey')
@ApiBearerAuth()
@Controller('survey/kiosks')
@Roles(Role.Admin, Role.Organizer)
export class KiosksController {
  constructor(private readonly collection: CollectionService) {}

  @Get()
  @ApiOperation({ summary: 'Registered kiosks (tokens are never shown again)' })
  @ApiOkResponse({ type: [KioskView] })
  list(@CurrentUser() p: Principal, @Query() q: KioskQuery): Promise<KioskView[]> {
    return this.collection.listKiosks(p, q.deskId);
  }

  @Post()
  @ApiOperation({ summary: 'Register a kiosk (tablet) at a desk; the kiosk token is shown once' })
  @ApiOkResponse({ type: RegisteredKioskView })
  register(@CurrentUser() p: Principal, @Body() dto: RegisterKioskDto): Promise<RegisteredKioskView> {
    return this.collection.registerKiosk(p, dto.deskId, dto.name);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a kiosk: its token stops working at once' })
  @ApiOkResponse({ type: KioskView })
  revoke(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<KioskView> {
    return this.collection.revokeKiosk(p, id);
  }
}
