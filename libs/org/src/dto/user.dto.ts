import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery, Role } from '@app/platform';
import { USERNAME_PATTERN } from '../domain/roles.js';
import { IfPresent, QueryBoolean, QueryInt } from './query-transforms.js';

export class UserDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'mai.tran' }) username: string;
  @ApiProperty({ example: 'Trần Thị Mai' }) fullName: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ nullable: true, type: Number }) agencyId: number | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class UserQuery extends PageQuery {
  @ApiProperty({ required: false, description: "An agency officer may only ask for their own agency's users" })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  agencyId?: number;

  @ApiProperty({ required: false, enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiProperty({ required: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ required: false, description: 'Part of the username, name or email', example: 'Mai' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

const USERNAME_MESSAGE = 'username may only use letters without accents, digits, . - _ (3–64 characters)';

export class CreateUserDto {
  @ApiProperty({ example: 'mai.tran' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: 'Trần Thị Mai' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  fullName: string;

  @ApiProperty({ example: 'song-4827-lua', description: 'At least 8 characters with a letter and a digit' })
  @IsString()
  @MaxLength(128)
  password: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role: Role;

  @ApiProperty({
    required: false,
    nullable: true,
    type: Number,
    description: 'Required for agency officers and officials',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  agencyId?: number | null;

  @ApiProperty({ required: false, nullable: true, type: String, example: 'mai.tran@example.gov.vn' })
  @IsOptional()
  @IsEmail()
  @MaxLength(255)
  email?: string | null;
}

export class UpdateUserDto {
  @ApiProperty({ required: false, example: 'Trần Thị Mai' })
  @IfPresent()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  fullName?: string;

  @ApiProperty({ required: false, enum: Role })
  @IfPresent()
  @IsEnum(Role)
  role?: Role;

  @ApiProperty({ required: false, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  agencyId?: number | null;

  @ApiProperty({ required: false, nullable: true, type: String })
  @IsOptional()
  @IsEmail()
  @MaxLength(255)
  email?: string | null;

  @ApiProperty({ required: false })
  @IfPresent()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ required: false, description: 'Why, for the audit log', example: 'Chuyển công tác' })
  @IfPresent()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'nui-2024-gio' })
  @IsString()
  @MaxLength(128)
  newPassword: string;

  @ApiProperty({
    description: 'Why, for the audit log (the password itself is never logged)',
    example: 'Quên mật khẩu',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class DeactivateUserDto {
  @ApiProperty({ required: false, example: 'Nghỉ hưu' })
  @IfPresent()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ description: 'At least 8 characters with a letter and a digit' })
  @IsString()
  @MaxLength(128)
  newPassword: string;
}
