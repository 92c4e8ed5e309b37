import { AppConfig, ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('runs the embedded default with no environment at all', () => {
    const c = loadConfig({});
    expect(c.DB_TYPE).toBe('sqlite');
    expect(c.PORT).toBe(3000);
    expect(c.seedDemo).toBe(true);
  });

  it('converts numbers and booleans from strings', () => {
    const c = loadConfig({ PORT: '8080', DB_TYPE: 'mysql', SEED_DEMO: 'true', DB_PORT: '3307' });
    expect(c.PORT).toBe(8080);
    expect(c.DB_PORT).toBe(3307);
    expect(c.seedDemo).toBe(true);
  });

  it('does not seed demo data into MySQL unless asked', () => {
    expect(loadConfig({ DB_TYPE: 'mysql' }).seedDemo).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DB_TYPE: 'postgres' }, 'DB_TYPE'],
    [{ DB_URL: 'http://x' }, 'DB_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT'],
    [{ NODE_ENV: 'production', DB_TYPE: 'mysql' }, 'JWT_SECRET'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).problems.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', DB_TYPE: 'oracle' });
      throw new Error('should have thrown');
    } catch (e) {
      const names = (e as ConfigError).problems.map((p) => p.split('=')[0]);
      expect(names.sort()).toEqual(['DB_TYPE', 'PORT']);
    }
  });
});

describe('config/example.env', () => {
  it('documents every variable the server reads', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync('config/example.env', 'utf8');
    const missing = Object.keys(new AppConfig()).filter((k) => !new RegExp(`^#? ?${k}=`, 'm').test(text));
    expect(missing).toEqual([]);
  });
});
