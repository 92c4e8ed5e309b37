import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  live: boolean;
  ready: boolean;
  database: 'up' | 'down';
  uptimeSeconds: number;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private async databaseUp(): Promise<boolean> {
    try {
      await this.db.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async report(): Promise<HealthReport> {
    const up = await this.databaseUp();
    return {
      status: up ? 'ok' : 'unavailable',
      live: true,
      ready: up,
      database: up ? 'up' : 'down',
      uptimeSeconds: Math.round(process.uptime()),
    };
  }

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness together; 503 when the database is unreachable' })
  async health(): Promise<HealthReport> {
    const r = await this.report();
    if (!r.ready) throw new ServiceUnavailableException(r);
    return r;
  }

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { live: true } {
    return { live: true };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers; 503 otherwise' })
  async ready(): Promise<HealthReport> {
    return this.health();
  }
}
