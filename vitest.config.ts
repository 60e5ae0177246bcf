import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests spawn dist/cli.js; `npm test` builds it first.
    testTimeout: 30_000,
    // vitest's default is one worker fewer than the cores: on a 2-core machine, one. The end-to-end tests wait on
    // the processes they spawn, so two workers keep both cores busy (the suite in ~3 minutes instead of ~5 there).
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text'],
      // In-process runs only (spawned CLIs are not counted); the floor is stated in the README's Development section.
      thresholds: { lines: 85, branches: 75, functions: 80, statements: 80 },
    },
  },
});
