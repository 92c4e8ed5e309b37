import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min } from 'class-validator';

export class IdParam {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  id: number;
}

export class ItemParam extends IdParam {
  @ApiProperty({ example: 'CDDH.1', description: 'Leaf criterion code' })
  @IsString()
  @Length(1, 64)
  code: string;
}

export class FileUploadDto {
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown;
}
