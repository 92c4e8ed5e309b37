import { loadConfig } from '@app/platform';

describe('when the demo province is seeded at start', () => {
  it.each([
    [{}, true],
    [{ SEED_DEMO: 'false' }, false],
    [{ SEED_DEMO: '0' }, false],
    [{ SEED_DEMO: 'true' }, true],
    [{ DB_TYPE: 'mariadb' }, false],
    [{ DB_TYPE: 'mariadb', SEED_DEMO: 'false' }, false],
    [{ DB_TYPE: 'mysql', SEED_DEMO: 'true' }, true],
  ])('%j → %s', (env, expected) => {
    expect(loadConfig(env).seedDemo).toBe(expected);
  });
});
