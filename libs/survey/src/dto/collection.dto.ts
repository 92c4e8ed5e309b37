import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { RESPONDENT_TYPES, type RespondentType } from '../domain/form-rules.js';
import { TOKEN_PATTERN } from '../domain/visit-token.js';
import { IsAnswerList } from './answer-list.js';
import { QueryInt } from './common.js';
import { ProcedureView } from './desk.dto.js';
import { FormView } from './form.dto.js';

const TOKEN_MESSAGE = 'not a token this server issues';

export class PublicCodeParam {
  @ApiProperty({ example: 'Xy3_abcDEF12' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{6,32}$/, { message: 'not a desk code' })
  code: string;
}

export class KioskQuery {
  @ApiProperty({ required: false, description: 'Only this desk’s kiosks' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  deskId?: number;
}

export class RegisterKioskDto {
  @ApiProperty({ example: 4 })
  @IsInt()
  @Min(1)
  deskId: number;

  @ApiProperty({ example: 'Máy tính bảng quầy số 2' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;
}

export class KioskView {
  @ApiProperty() id: number;
  @ApiProperty() deskId: number;
  @ApiProperty() agencyId: number;
  @ApiProperty() name: string;
  @ApiProperty() active: boolean;
}

export class RegisteredKioskView extends KioskView {
  @ApiProperty({ description: 'Shown once: enter it on the tablet. Only its hash is kept.' })
  kioskToken: string;
}

export class KioskVisitDto {
  @ApiProperty({ description: 'The token given when the kiosk was registered' })
  @IsString()
  @Matches(TOKEN_PATTERN, { message: TOKEN_MESSAGE })
  kioskToken: string;
}

export class AnswerDto {
  @ApiProperty({ example: 'C.1' })
  @IsString()
  @MaxLength(64)
  questionKey: string;

  @ApiProperty({ required: false, minimum: 1, maximum: 5, description: 'scale_1_5' })
  @IsOptional()
  @IsInt()
  value?: number;

  @ApiProperty({ required: false, description: 'single_choice: the option key' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  choice?: string;

  @ApiProperty({ required: false, description: 'comment' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  text?: string;
}

export class ContactDto {
  @ApiProperty({ description: 'Must be true: the respondent chose to leave contact details' })
  @Equals(true, { message: 'contact details are kept only when the respondent agrees (consent: true)' })
  consent: boolean;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9 +().-]{6,32}$/, { message: 'phone may only use digits, spaces and + ( ) . -' })
  phone?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsEmail()
  @MaxLength(255)
  email?: string;
}

export class SubmitResponseDto {
  @ApiProperty({ description: 'The one-visit token the page or kiosk received' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{20,128}$/, { message: TOKEN_MESSAGE })
  visitToken: string;

  @ApiProperty({ type: [AnswerDto] })
  @IsAnswerList()
  answers: AnswerDto[];

  @ApiProperty({ required: false, enum: RESPONDENT_TYPES })
  @IsOptional()
  @IsIn(RESPONDENT_TYPES)
  respondentType?: RespondentType;

  @ApiProperty({ required: false, description: 'The procedure used, from the list' })
  @IsOptional()
  @IsInt()
  @Min(1)
  procedureId?: number;

  @ApiProperty({ required: false, type: ContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;
}

export class VisitDeskView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() agencyId: number;
}

export class VisitSurveyView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() closesAt: Date;
}

export class VisitView {
  @ApiProperty({ description: 'Send it with the response; good for one response' }) visitToken: string;
  @ApiProperty() expiresAt: Date;
  @ApiProperty({ type: VisitSurveyView }) survey: VisitSurveyView;
  @ApiProperty({ type: VisitDeskView }) desk: VisitDeskView;
  @ApiProperty({ type: FormView }) form: FormView;
  @ApiProperty({ type: [ProcedureView] }) procedures: ProcedureView[];
  @ApiProperty({ description: 'Labels of the values 1–5', example: { 1: 'Rất không hài lòng', 5: 'Rất hài lòng' } })
  scaleLabels: Record<string, string>;
}

export class ResponseReceipt {
  @ApiProperty() accepted: boolean;
  @ApiProperty() receivedAt: Date;
}
