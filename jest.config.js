// Five suites, chosen with --selectProjects:
//   unit     *.spec.ts          pure functions, milliseconds each
//   db       *.db-spec.ts       repositories and services on a real database (TEST_DB=sqlite|mysql)
//   e2e      test/**/*.e2e-spec.ts   the whole app over HTTP and socket.io (TEST_DB=sqlite|mysql)
//   browser  test/**/*.browser-spec.ts   headless Chromium against the built web UI
//   faults   test/faults/**/*.fault-spec.ts   crash and failover of the built server (npm run test:faults)
const libs = ['platform', 'org', 'exam-bank', 'live-contest', 'results', 'survey'];
const base = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((l) => [`^@app/${l}$`, `<rootDir>/libs/${l}/src/index.ts`])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
export default {
  // Real databases and servers: generous, so a busy machine does not turn slowness into failures.
  testTimeout: 30_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    { ...base, displayName: 'db', testMatch: ['<rootDir>/{apps,libs,test}/**/*.db-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser-spec.ts'] },
    { ...base, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'] },
  ],
};
