import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import { ImportJobView, ImportOptionsDto, ImportUploadDto } from './dto/import.dto.js';
import { ExportQueryDto, TemplateQueryDto } from './dto/question.dto.js';
import { ImportService, type UploadedQuestionFile } from './import.service.js';
import { csvTemplate } from './interchange/csv.js';
import { writeQuestionFile } from './interchange/question-files.js';
import { TEMPLATE_EXAMPLES } from './interchange/template-examples.js';
import { xlsxTemplate } from './interchange/xlsx.js';
import { QuestionService } from './question.service.js';

/** Largest question file accepted (a 10,000-question GIFT file is about 3 MB). */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

function download(res: Response, body: Buffer, contentType: string, fileName: string): StreamableFile {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  return new StreamableFile(body);
}

@ApiTags('question bank')
@ApiBearerAuth()
@Controller('bank')
export class InterchangeController {
  constructor(
    private readonly imports: ImportService,
    private readonly questions: QuestionService,
  ) {}

  @Post('imports')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Organizer)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @ApiOperation({
    summary: 'Import an Excel, CSV, GIFT or Moodle XML file',
    description:
      'The whole file is checked first: any bad item → 400 listing every one by line/row and reason, nothing imported. ' +
      'Otherwise 202 with a job id; follow it with GET /bank/imports/{id}.',
  })
  @ApiOkResponse({ type: ImportJobView })
  start(
    @UploadedFile() file: UploadedQuestionFile | undefined,
    @Body() opts: ImportOptionsDto,
    @CurrentUser() actor: Principal,
  ): Promise<ImportJobView> {
    return this.imports.start(file, opts, actor);
  }

  @Get('imports/:id')
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Progress and report of an import: state, processed, total, duplicates, errors' })
  @ApiOkResponse({ type: ImportJobView })
  job(@Param('id', new ParseUUIDPipe()) id: string): ImportJobView {
    return this.imports.job(id);
  }

  @Get('exports')
  @Roles(Role.Admin, Role.Organizer, Role.Inspector)
  @ApiOperation({ summary: 'Download the questions the filter matches as xlsx, csv, gift or xml (Moodle)' })
  async export(@Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { format, ...filter } = query;
    const file = await writeQuestionFile(format, await this.questions.exportDrafts(filter));
    return download(res, file.body, file.contentType, `ngan-hang-cau-hoi.${file.extension}`);
  }

  @Get('template')
  @Roles(Role.Admin, Role.Organizer, Role.Inspector)
  @ApiOperation({ summary: 'The empty import template (Excel with a guide sheet, or CSV)' })
  async template(@Query() query: TemplateQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    if (query.format === 'csv') {
      return download(res, Buffer.from(csvTemplate(), 'utf8'), 'text/csv; charset=utf-8', 'mau-nhap-cau-hoi.csv');
    }
    return download(
      res,
      await xlsxTemplate(TEMPLATE_EXAMPLES),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'mau-nhap-cau-hoi.xlsx',
    );
  }
}
