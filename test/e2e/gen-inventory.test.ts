/** bench/gen-inventory.mjs waits for a full pipe instead of queueing the whole inventory in memory. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

it('respects back-pressure: a reader that does not read keeps the generator small', async () => {
  // 1,000,000 NDJSON records are ~87 MB; queued unread they took ~400 MB. Waiting, the generator stays near Node's own size.
  const child = spawn(process.execPath, ['bench/gen-inventory.mjs', '1000000', 'ndjson'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]);
  child.kill();
  expect(peak).toBeLessThan(150_000);
});
