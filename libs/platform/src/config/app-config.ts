import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

// Reads the raw text (obj[key]): implicit conversion has already turned "false" into true in `value`.
const toBool = ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
  const value = obj[key];
  return value === undefined || typeof value === 'boolean'
    ? value
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
};

/**
 * Every environment variable the server reads, validated at boot.
 * `config/example.env` documents each one; with no environment at all the embedded default runs.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '0.0.0.0';

  /** sqlite (embedded default), mariadb (MariaDB 10.11+) or mysql (MySQL 8). */
  @IsIn(['sqlite', 'mysql', 'mariadb'])
  DB_TYPE: 'sqlite' | 'mysql' | 'mariadb' = 'sqlite';

  /** SQLite file (embedded default). Its folder is created when missing. */
  @IsString()
  DB_PATH: string = './data/cchc.sqlite';

  /** mysql://user:password@host:port/database — used instead of the DB_HOST… variables when set. */
  @IsOptional()
  @Matches(/^mysql:\/\/.+/, { message: 'DB_URL must look like mysql://user:password@host:3306/database' })
  DB_URL?: string = undefined;

  @IsString()
  DB_HOST: string = '127.0.0.1';

  @IsInt()
  @Min(1)
  @Max(65535)
  DB_PORT: number = 3306;

  @IsString()
  DB_USER: string = 'cchc';

  @IsString()
  DB_PASSWORD: string = '';

  @IsString()
  DB_NAME: string = 'cchc';

  /** Connections the pool may open to MySQL. */
  @IsInt()
  @Min(1)
  @Max(500)
  DB_POOL_SIZE: number = 20;

  /** Secret that signs login tokens. Required with MySQL (several instances must share it). */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string = undefined;

  /** Lifetime of a login token, in seconds. */
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS: number = 8 * 3600;

  /** redis://host:port — enables the socket.io Redis adapter and shared live state for several instances. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL?: string = undefined;

  /** Seed the demo province on first start. Defaults to on for SQLite, off for MySQL. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO?: boolean = undefined;

  /** The first administrator, created at start when no admin exists. */
  @IsOptional()
  @IsString()
  @MinLength(3)
  ADMIN_USERNAME?: string = undefined;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string = undefined;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Largest JSON body accepted, e.g. 1mb. */
  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must be a size like 512kb or 2mb' })
  BODY_LIMIT: string = '1mb';

  /** Folder for uploaded files (evidence documents, imports). */
  @IsString()
  UPLOAD_DIR: string = './data/uploads';

  /** Login attempts allowed per minute from one address. */
  @IsInt()
  @Min(1)
  LOGIN_RATE_PER_MINUTE: number = 10;

  /**
   * Proxies trusted to give the client's address in X-Forwarded-For (rate limits per address):
   * empty = none (default, direct connections); `1` = one nginx in front; or a comma-separated
   * list of addresses, CIDRs, `loopback`, `uniquelocal`.
   */
  @IsString()
  @Matches(/^$|^\d+$|^[\w.:/]+(\s*,\s*[\w.:/]+)*$/, {
    message: 'TRUST_PROXY: a hop count, or addresses/CIDRs separated by commas',
  })
  TRUST_PROXY: string = '';

  /** Folder holding the built web UI; served at / when it exists. */
  @IsString()
  WEB_DIR: string = './dist/web';

  get isSqlite(): boolean {
    return this.DB_TYPE === 'sqlite';
  }

  get seedDemo(): boolean {
    return this.SEED_DEMO ?? this.isSqlite;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => v !== undefined && v !== '' && known.includes(k)),
  );
  const config = plainToInstance(AppConfig, picked, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  const problems = errors.map(
    (e) => `${e.property}=${JSON.stringify(env[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (!config.isSqlite && !config.JWT_SECRET && config.NODE_ENV === 'production') {
    problems.push('JWT_SECRET: required in production with MySQL/MariaDB, so that every instance signs alike');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
