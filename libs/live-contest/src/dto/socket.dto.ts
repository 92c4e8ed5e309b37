import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Handshake of a host: the organizer's login token and the session to run. */
export class HostHandshakeDto {
  @IsIn(['host'])
  role: 'host';

  @IsInt()
  @Min(1)
  sessionId: number;

  @IsString()
  @MaxLength(4096)
  token: string;
}

/** Handshake of a projector: the view-only token given when the session started. */
export class ProjectorHandshakeDto {
  @IsIn(['projector'])
  role: 'projector';

  @IsInt()
  @Min(1)
  sessionId: number;

  @IsString()
  @Length(16, 128)
  viewToken: string;
}

/** A new player: PIN, name and agency. */
export class PlayerJoinHandshakeDto {
  @IsIn(['player'])
  role: 'player';

  @Matches(/^\d{6}$/, { message: 'pin must be 6 digits' })
  pin: string;

  @IsString()
  @MinLength(1)
  @MaxLength(128)
  name: string;

  @IsInt()
  @Min(1)
  agencyId: number;
}

/** A returning player: the token the server issued at the first join. */
export class PlayerRejoinHandshakeDto {
  @IsIn(['player'])
  role: 'player';

  @IsString()
  @Length(16, 128)
  playerToken: string;
}

export class AnswerDto {
  @IsInt()
  @Min(0)
  @Max(100000)
  index: number;

  @IsString()
  @MinLength(1)
  @MaxLength(16)
  choice: string;
}

export class BuzzDto {
  @IsInt()
  @Min(0)
  @Max(100000)
  index: number;
}

export class LockDto {
  @IsBoolean()
  locked: boolean;
}

export class KickDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  playerId: number;
}
