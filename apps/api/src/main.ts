import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, type AppConfig } from '@app/platform';
import { createApp } from './bootstrap.js';

function configOrExit(): AppConfig {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`${e.message}\nSee config/example.env for every variable.`);
      process.exit(1);
    }
    throw e;
  }
}

const config = configOrExit();
const app = await createApp(config);
await app.listen(config.PORT, config.HOST);

// Graceful shutdown: stop accepting, let in-flight requests finish, close sockets and the database.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('Shutdown failed', e);
        process.exit(1);
      },
    );
  });
}
console.log(`CCHC server listening on http://localhost:${config.PORT} (API docs: /docs, database: ${config.DB_TYPE})`);
