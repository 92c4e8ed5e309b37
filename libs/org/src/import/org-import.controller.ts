import {
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, DomainError, Role, Roles, type Principal } from '@app/platform';
import { ImportProblemDto, ImportQuery, ImportResultDto, ImportUploadDto, TemplateParam } from '../dto/import.dto.js';
import { OrgImportService } from './org-import.service.js';
import type { UploadedFile as Upload } from './sheet-reader.js';

/** Largest import file accepted. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const upload = FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0 } });

const needFile = (file: Upload | undefined): Upload => {
  if (!file)
    throw new DomainError('FILE_MISSING', 'Send the file as multipart/form-data in the field "file"', 'invalid');
  return file;
};

@ApiTags('import')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('org/import')
export class OrgImportController {
  constructor(private readonly imports: OrgImportService) {}

  @Get('templates/:kind')
  @ApiOperation({ summary: 'Download the .xlsx template (Vietnamese headers, a help sheet) for agencies or users' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async template(@Param() { kind }: TemplateParam): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.template(kind), {
      disposition: `attachment; filename="mau-nhap-${kind === 'agencies' ? 'co-quan' : 'nguoi-dung'}.xlsx"`,
    });
  }

  @Post('agencies')
  @HttpCode(200)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @ApiOperation({ summary: 'Import agencies from .xlsx or .csv: all rows or none; every bad line named' })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ description: 'IMPORT_INVALID with details.problems', type: [ImportProblemDto] })
  importAgencies(
    @CurrentUser() p: Principal,
    @UploadedFile() file: Upload | undefined,
    @Query() q: ImportQuery,
  ): Promise<ImportResultDto> {
    return this.imports.importAgencies(p, needFile(file), q.dryRun ?? false);
  }

  @Post('users')
  @HttpCode(200)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @ApiOperation({ summary: 'Import users from .xlsx or .csv: all rows or none; every bad line named' })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ description: 'IMPORT_INVALID with details.problems', type: [ImportProblemDto] })
  importUsers(
    @CurrentUser() p: Principal,
    @UploadedFile() file: Upload | undefined,
    @Query() q: ImportQuery,
  ): Promise<ImportResultDto> {
    return this.imports.importUsers(p, needFile(file), q.dryRun ?? false);
  }
}
