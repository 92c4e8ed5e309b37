import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type Page, type Principal } from '@app/platform';
import { IdParam } from '../dto/agency.dto.js';
import {
  CreateUserDto,
  DeactivateUserDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
  UserQuery,
} from '../dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(Role.Admin, Role.Organizer, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({
    summary:
      "Users, filtered by agency, role, active and text (organizers pick candidates here; agency officers: their own agency's)",
  })
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentUser() p: Principal, @Query() q: UserQuery): Promise<Page<UserDto>> {
    return this.users.list(p, q);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({ summary: "One user (agency officers: their own agency's)" })
  @ApiOkResponse({ type: UserDto })
  get(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<UserDto> {
    return this.users.get(p, id);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a user' })
  @ApiOkResponse({ type: UserDto })
  create(@CurrentUser() p: Principal, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(p, dto);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Change name, role, agency, email or active; audited' })
  @ApiOkResponse({ type: UserDto })
  update(@CurrentUser() p: Principal, @Param() { id }: IdParam, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(p, id, dto);
  }

  @Post(':id/reset-password')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password; audited with who, when and why (never the password)' })
  @ApiOkResponse({ type: UserDto })
  resetPassword(
    @CurrentUser() p: Principal,
    @Param() { id }: IdParam,
    @Body() dto: ResetPasswordDto,
  ): Promise<UserDto> {
    return this.users.resetPassword(p, id, dto.newPassword, dto.reason);
  }

  @Post(':id/deactivate')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a user: they can no longer log in; audited' })
  @ApiOkResponse({ type: UserDto })
  deactivate(@CurrentUser() p: Principal, @Param() { id }: IdParam, @Body() dto: DeactivateUserDto): Promise<UserDto> {
    return this.users.deactivate(p, id, dto.reason);
  }
}
