import { createSecretKey } from 'node:crypto';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditController } from './audit/audit.controller.js';
import { AuditLog } from './audit/audit-log.js';
import { AuthGuard } from './auth/auth.guard.js';
import { resolveJwtSecret } from './auth/jwt-secret.js';
import { JWT_KEY, TokenService } from './auth/token.service.js';
import { AppConfig } from './config/app-config.js';
import { dataSourceOptions, type Schema } from './database/data-source-options.js';
import { serializeSqliteTransactions } from './database/sqlite-serial.js';
import { HttpErrorFilter } from './http/error-filter.js';
import { HealthController } from './http/health.controller.js';
import { ClientAddress } from './http/client-address.js';
import { HotRoutes } from './http/hot-routes.js';
import { createValidationPipe } from './http/validation.js';

/**
 * What every feature stands on: configuration, the database (migrations run at start), login
 * tokens and the global auth guard, validation, the error filter, the audit log and health checks.
 * JSON request logs are attached in bootstrap (pino-http).
 */
@Global()
@Module({})
export class PlatformModule {
  static register(config: AppConfig, schema: Schema): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config, schema),
            migrationsRun: true,
            retryAttempts: config.NODE_ENV === 'test' ? 0 : 5,
            retryDelay: 2000,
          }),
          dataSourceFactory: async (options) =>
            serializeSqliteTransactions(await new DataSource(options!).initialize()),
        }),
      ],
      controllers: [HealthController, AuditController],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: JWT_KEY, useFactory: () => createSecretKey(Buffer.from(resolveJwtSecret(config), 'utf8')) },
        TokenService,
        AuditLog,
        ClientAddress,
        HotRoutes,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
      exports: [AppConfig, JWT_KEY, TokenService, AuditLog, ClientAddress, HotRoutes],
    };
  }
}
