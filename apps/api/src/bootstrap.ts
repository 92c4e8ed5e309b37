import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { configureSocketIo } from '@app/live-contest';
import {
  bodyLimitBytes,
  ClientAddress,
  createRootLogger,
  HotRoutes,
  PinoNestLogger,
  refuseOversizedBody,
  requestLogger,
  securityHeaders,
  type AppConfig,
} from '@app/platform';
import { AppModule } from './app.module.js';

const HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    directives: {
      'script-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'", 'ws:', 'wss:'],
    },
  },
};

/**
 * Builds the one server: REST under /api, OpenAPI at /docs, health at /health, socket.io, and the
 * web UI at /, on one port. Hot routes (see HotRoutes) answer ahead of Express.
 * Used by main.ts, the whole-app tests and the benchmarks alike.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const logger = createRootLogger(config.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  // req.ip (and so @Ip(), rate limits and logs) follows TRUST_PROXY, as socket handshakes do.
  app.set('trust proxy', app.get(ClientAddress).trust);
  await configureSocketIo(app, config);
  app.use(requestLogger(logger));
  // Headers first, so that answers the body parser gives (400 bad JSON, 413) carry them too.
  app.use(helmet(HELMET_OPTIONS));
  app.use(refuseOversizedBody(bodyLimitBytes(config.BODY_LIMIT)));
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  app.setGlobalPrefix('api', { exclude: ['health', 'health/live', 'health/ready'] });

  const docs = new DocumentBuilder()
    .setTitle('CCHC: exams, contests and the PAR Index')
    .setDescription('API of the civil-servant exam, reform contest and PAR Index system')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, docs));

  serveWebUi(app, config);
  app.get(HotRoutes).install(app.getHttpServer() as Server, logger, securityHeaders(HELMET_OPTIONS));
  return app;
}

/** The built web UI (apps/web → dist/web), with the single-page fallback for its client routes. */
function serveWebUi(app: NestExpressApplication, config: AppConfig): void {
  const dir = resolve(config.WEB_DIR);
  if (!existsSync(resolve(dir, 'index.html'))) return;
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  const apiPrefixes = ['/api', '/docs', '/health', '/socket.io'];
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || apiPrefixes.some((p) => req.path.startsWith(p)) || !req.accepts('html')) return next();
    res.sendFile(resolve(dir, 'index.html'));
  });
}
