// Makes examples/campus-report.png, the README's picture of the HTML report:
// the campus example rendered by the built CLI, opened in Debian's Chromium
// (headless, through playwright-core) at 1000 × 1480 in the light scheme.
// Run after changing the report's look: `npm run build && node scripts/update-screenshot.mjs`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const html = join(mkdtempSync(join(tmpdir(), 'camsize-shot-')), 'campus.html');
try {
  // The time the report says it was made is fixed, so that the picture changes only when the report does.
  execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'examples/campus.json', '--format', 'html', '-o', html], {
    cwd: root,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
  });
} catch (error) {
  if (error.status !== 1) throw error; // campus does not fit (exit 1): the report is written all the same
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1000, height: 1480 }, colorScheme: 'light' });
await page.goto(`file://${html}`);
await page.screenshot({ path: join(root, 'examples/campus-report.png') });
await browser.close();
console.log('wrote examples/campus-report.png');
