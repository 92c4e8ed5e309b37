import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, DomainError, Role, Roles, type Principal } from '@app/platform';
import { FileUploadDto, IdParam } from '../dto/params.dto.js';
import { CopySchemeDto, SchemeDocumentDto, SchemeListQuery } from '../dto/scheme.dto.js';
import { schemeFromXlsx, schemeToXlsx } from './scheme-excel.js';
import { SchemesService, type SchemeDocument, type SchemeSummary } from './schemes.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 0 } });

@ApiTags('results: schemes')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('results/schemes')
export class SchemesController {
  constructor(private readonly schemes: SchemesService) {}

  @Get()
  @Roles(Role.Admin, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({ summary: 'Schemes, newest year first' })
  list(@Query() q: SchemeListQuery): Promise<SchemeSummary[]> {
    return this.schemes.list(q);
  }

  @Post()
  @ApiOperation({ summary: 'Create (import) a scheme from its JSON document; it starts as a draft' })
  create(@CurrentUser() p: Principal, @Body() doc: SchemeDocumentDto): Promise<SchemeSummary> {
    return this.schemes.create(doc, p);
  }

  @Post('import.xlsx')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: FileUploadDto })
  @ApiOperation({ summary: 'Create a draft scheme from an Excel workbook laid out as export.xlsx' })
  async importXlsx(
    @CurrentUser() p: Principal,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<SchemeSummary> {
    if (!file)
      throw new DomainError('FILE_MISSING', 'Send the workbook as multipart/form-data in the field "file"', 'invalid');
    return this.schemes.create((await schemeFromXlsx(file.buffer)) as SchemeDocumentDto, p);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({ summary: 'A scheme with its whole tree' })
  get(@Param() { id }: IdParam): Promise<SchemeSummary & { document: SchemeDocument }> {
    return this.schemes.get(id);
  }

  @Get(':id/export.json')
  @Roles(Role.Admin, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({ summary: 'The scheme as the JSON document create takes' })
  exportJson(@Param() { id }: IdParam): Promise<SchemeDocument> {
    return this.schemes.exportDocument(id);
  }

  @Get(':id/export.xlsx')
  @Roles(Role.Admin, Role.Inspector, Role.AgencyOfficer)
  @ApiProduces(XLSX)
  @Header('Content-Type', XLSX)
  @ApiOperation({ summary: 'The scheme as an Excel workbook (Vietnamese headers)' })
  async exportXlsx(@Param() { id }: IdParam): Promise<StreamableFile> {
    return new StreamableFile(await schemeToXlsx(await this.schemes.exportDocument(id)), {
      disposition: `attachment; filename="bo-chi-so-${id}.xlsx"`,
    });
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a draft scheme with a new document' })
  update(
    @CurrentUser() p: Principal,
    @Param() { id }: IdParam,
    @Body() doc: SchemeDocumentDto,
  ): Promise<SchemeSummary> {
    return this.schemes.update(id, doc, p);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make the draft the active scheme of its year and level' })
  activate(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<SchemeSummary> {
    return this.schemes.activate(id, p);
  }

  @Post(':id/copy')
  @ApiOperation({ summary: 'Copy to a new draft for another year, to edit' })
  copy(@CurrentUser() p: Principal, @Param() { id }: IdParam, @Body() dto: CopySchemeDto): Promise<SchemeSummary> {
    return this.schemes.copy(id, dto.year, dto.name, p);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft without scorecards' })
  remove(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<void> {
    return this.schemes.remove(id, p);
  }
}
