import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, type Principal } from '@app/platform';
import { LoginDto, LoginResultDto, SessionUserDto } from '../dto/login.dto.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password; rate-limited per address' })
  @ApiOkResponse({ type: LoginResultDto })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResultDto> {
    return this.auth.login(dto.username, dto.password, ip);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in user' })
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentUser() principal: Principal): Promise<SessionUserDto> {
    return this.auth.me(principal);
  }
}
