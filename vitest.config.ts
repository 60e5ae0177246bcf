import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests spawn dist/cli.js; `npm test` builds it first.
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text'],
      // Measured in-process only (spawned CLIs are not counted); the floor is stated in the README.
      thresholds: { lines: 55, branches: 45, functions: 45, statements: 55 },
    },
  },
});
