import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests spawn dist/cli.js; `npm test` builds it first.
    testTimeout: 30_000,
  },
});
