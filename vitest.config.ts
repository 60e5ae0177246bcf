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
      // In-process runs only (spawned CLIs are not counted); the floor is stated in the README's Development section.
      thresholds: { lines: 85, branches: 75, functions: 80, statements: 80 },
    },
  },
});
