import { ApiProperty } from '@nestjs/swagger';
import type { TopicNodeView } from '../../published/bank-views.js';
import { IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export class CreateTopicDto {
  @ApiProperty({ example: 'Thủ tục hành chính' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiProperty({ required: false, nullable: true, description: 'Parent topic; absent or null = top level' })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;
}

export class UpdateTopicDto {
  @ApiProperty({ required: false, description: 'New name (rename)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name?: string;

  @ApiProperty({ required: false, nullable: true, type: Number, description: 'New parent (move); null = top level' })
  @ValidateIf((o: UpdateTopicDto) => o.parentId !== null && o.parentId !== undefined)
  @IsInt()
  @Min(1)
  parentId?: number | null;

  @ApiProperty({ required: false, description: 'Order among its siblings' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class TopicNodeDto implements TopicNodeView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) parentId: number | null;
  @ApiProperty() position: number;
  @ApiProperty({ type: [String], description: 'Names from the top of the tree to this topic' }) path: string[];
  @ApiProperty({ description: 'Questions directly in this topic' }) questionCount: number;
  @ApiProperty({ type: () => [TopicNodeDto] }) children: TopicNodeDto[];
}
