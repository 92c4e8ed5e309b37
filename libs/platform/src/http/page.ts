import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Far past any real list; keeps the row offset a safe integer the databases accept. */
export const MAX_PAGE = 1_000_000;

/** ?page=&pageSize= on every list endpoint. */
export class PageQuery {
  @ApiProperty({ required: false, default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize: number = 50;

  get skip(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const pageOf = <T>(items: T[], total: number, q: PageQuery): Page<T> => ({
  items,
  total,
  page: q.page,
  pageSize: q.pageSize,
});
