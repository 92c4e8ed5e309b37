import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '@app/platform';

/** Largest socket message accepted; larger ones close that client's connection. */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;

/**
 * A prefix that keeps apart what different databases (deployments, test files) keep in one Redis:
 * live-state keys and adapter channels.
 */
export function redisNamespace(config: AppConfig): string {
  const db = config.isSqlite
    ? config.DB_PATH
    : (config.DB_URL ?? `${config.DB_HOST}:${config.DB_PORT}/${config.DB_NAME}`);
  return `cchc:${createHash('sha256').update(db).digest('hex').slice(0, 10)}:`;
}

/** socket.io with small messages, websocket then polling, and the Redis adapter when REDIS_URL is set. */
class LiveIoAdapter extends IoAdapter {
  private clients: { close(): Promise<unknown> }[] = [];
  private redisAdapter: ReturnType<typeof createAdapter> | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  async connectToRedis(url: string): Promise<void> {
    const pub = createClient({ url });
    const sub = pub.duplicate();
    pub.on('error', () => undefined);
    sub.on('error', () => undefined);
    await Promise.all([pub.connect(), sub.connect()]);
    this.clients = [pub, sub];
    this.redisAdapter = createAdapter(pub, sub, { key: `${redisNamespace(this.config)}socket.io` });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      transports: ['websocket', 'polling'],
    } as ServerOptions) as Server;
    if (this.redisAdapter) server.adapter(this.redisAdapter);
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.map((c) => c.close().catch(() => undefined)));
    this.clients = [];
  }
}

/** Installs the socket.io adapter on the app (called once from bootstrap). */
export async function configureSocketIo(
  app: INestApplicationContext & { useWebSocketAdapter(a: IoAdapter): unknown },
  config: AppConfig,
): Promise<void> {
  const adapter = new LiveIoAdapter(app, config);
  if (config.REDIS_URL) await adapter.connectToRedis(config.REDIS_URL);
  app.useWebSocketAdapter(adapter);
}
