import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Public, type Principal } from '@app/platform';
import { LoginDto, LoginResultDto, SessionUserDto } from '../dto/login.dto.js';
import { ChangePasswordDto } from '../dto/user.dto.js';
import { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password; rate-limited per address' })
  @ApiOkResponse({ type: LoginResultDto })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResultDto> {
    return this.auth.login(dto.username, dto.password, ip);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in user' })
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentUser() principal: Principal): Promise<SessionUserDto> {
    return this.auth.me(principal);
  }

  @Post('password')
  @Authenticated()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change one’s own password (current + new); rate-limited' })
  @ApiNoContentResponse()
  changePassword(@CurrentUser() principal: Principal, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.users.changeOwnPassword(principal, dto.currentPassword, dto.newPassword);
  }
}
