import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Role } from '@app/platform';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'matkhau123' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class SessionUserDto {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ['admin', 'organizer', 'inspector', 'agency_officer', 'official'] }) role: Role;
  @ApiProperty({ nullable: true, type: Number }) agencyId: number | null;
}

export class LoginResultDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'ISO time the token expires' }) expiresAt: string;
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
}
