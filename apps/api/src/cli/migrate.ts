import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '@app/platform';
import { schema } from '../schema.js';

/** npm run migrate: applies pending migrations to the configured database and lists them. */
if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig(process.env);
const db = new DataSource(dataSourceOptions(config, schema));
await db.initialize();
const applied = await db.runMigrations({ transaction: 'each' });
console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'The schema is up to date.');
await db.destroy();
