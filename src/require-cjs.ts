/**
 * commander and cli-table3 are CommonJS. Loading them with require() instead
 * of `import` skips Node's ESM-to-CJS export scan, which is measurable in a
 * CLI that starts in well under 100 ms (see bench/RESULTS.md).
 */
import { createRequire } from 'node:module';

export const requireCjs = createRequire(import.meta.url);
