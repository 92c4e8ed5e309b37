import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * The web UI builds to static files in dist/web, which the API server serves at / on the same port.
 * `@protocol` is the typed socket protocol shared with the server (libs/live-contest/src/protocol.ts):
 * it stays framework-free so both sides import the same event map.
 */
// Vite reads its configuration from the default export.
// eslint-disable-next-line no-restricted-syntax
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@protocol': here('../../libs/live-contest/src/protocol.ts'),
      '@exam-views': here('../../libs/exam-bank/src/published/candidate-views.ts'),
      '@bank-views': here('../../libs/exam-bank/src/published/bank-views.ts'),
      '@online-views': here('../../libs/live-contest/src/online/online-views.ts'),
    },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2020',
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } },
  },
});
