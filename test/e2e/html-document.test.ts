/**
 * The design report as its reader gets it, for every example and a 1,000-site
 * inventory: opened in Chromium at 1,024 px and printed to PDF on A4 (the
 * page's size and count checked, nothing reaching past the page's edge on
 * screen or paper, measured in the DOM), a screenshot that shows something,
 * and a topology with one node per segment it draws, each in its link's tone.
 * test/e2e/html-report.test.ts checks the report's parts in detail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, overflow, PRINT_WIDTH, pdfFacts } from '../helpers/chromium.js';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run.js';

const HAS_CHROMIUM = hasChromium('the design report in Chromium');
const dir = mkdtempSync(join(tmpdir(), 'camsize-document-'));
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
let browser: Browser;

/** A fleet of 1,000 sites (a few on links too small, many near their ceiling) and an inventory of 60,000 cameras in them. */
function thousandSites(): string[] {
  const sites = Array.from({ length: 1000 }, (_, i) => {
    const n = i + 1;
    return { name: `site-${String(n).padStart(4, '0')}`, link: n % 97 === 0 ? '200Mb/s' : n % 3 === 0 ? '500Mb/s' : '1Gb/s' };
  });
  const fleet = join(dir, 'thousand.json');
  writeFileSync(
    fleet,
    JSON.stringify({ name: 'thousand', link: '400Gb/s', project: { name: 'Thousand sites', revision: 'A' }, segments: sites }),
  );
  const inventory = join(dir, 'thousand.csv');
  const made = spawnSync(process.execPath, ['bench/gen-inventory.mjs', '60000', 'csv', 'real'], { cwd: ROOT, maxBuffer: 1 << 28 });
  writeFileSync(inventory, made.stdout);
  return [fleet, '--inventory', inventory, '--allow-new-segments'];
}

/** Name, arguments, and the most printed pages the report should take. */
const CASES: Array<[string, string[], number]> = [
  ['campus', ['examples/campus.json'], 4],
  ['day-night', ['examples/day-night.json'], 4],
  ['depot', ['examples/depot.json'], 4],
  ['depot-measured', ['examples/depot.json', '--measured', 'examples/depot-measured.csv'], 5],
  ['figure6', ['examples/figure6.json'], 2],
  ['multi-site', ['examples/multi-site.json'], 5],
  ['multi-site-flows', ['examples/multi-site.json', '--flows'], 6],
  ['national', ['examples/national.json'], 14],
  ['recorders', ['examples/recorders.json'], 4],
  ['relay', ['examples/relay.json', '--flows'], 5],
  ['site', ['examples/site.json'], 4],
  ['site-inventory', ['examples/site.json', '--inventory', 'examples/cameras.csv'], 4],
];

interface Link {
  usable: { bitsPerSecond: string };
  headroom: { bitsPerSecond: string };
  fits: boolean;
}

/** The tone a segment's link reads in: over, near (from 85 % of its usable capacity), ok, or none. */
function tone(link: Link | undefined): string {
  if (!link) return 'none';
  if (!link.fits) return 'over';
  const usable = BigInt(link.usable.bitsPerSecond);
  const load = usable - BigInt(link.headroom.bitsPerSecond);
  return usable > 0n && load * 100n >= usable * 85n ? 'near' : 'ok';
}

/** The stripe colours of the light scheme (style.ts): --bad, --warn, --good, --none. */
const TONE_COLOUR: Record<string, string> = {
  over: 'rgb(207, 34, 46)',
  near: 'rgb(191, 135, 0)',
  ok: 'rgb(26, 127, 55)',
  none: 'rgb(140, 149, 159)',
};

if (HAS_CHROMIUM) CASES.push(['thousand-sites', thousandSites(), 16]);

beforeAll(async () => {
  if (HAS_CHROMIUM) browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!HAS_CHROMIUM)('every example as a design document', () => {
  it.each(CASES)(
    '%s: fits the screen and A4, prints, and draws its tree',
    async (name, args, maxPages) => {
      const file = join(dir, `${name}.html`);
      const made = await runInProcess([...args, '--format', 'html', '-o', file], { env: EPOCH });
      expect(made.stdout).toBe('');
      expect([0, 1]).toContain(made.code);
      const doc = JSON.parse((await runInProcess([...args, '--json'])).stdout) as {
        segments: Array<{ path: string[]; link?: Link }>;
      };
      const page = await browser.newPage({ viewport: { width: 1024, height: 900 }, colorScheme: 'light' });
      await page.goto(`file://${file}`);
      expect(await overflow(page), 'past the edge of a 1,024 px screen').toBe(0);

      // The topology: one node per segment drawn (all of them up to 200), each in its link's tone.
      const nodes = (await page.evaluate(`[...document.querySelectorAll('svg.topology g.node.segment')].map((g) => ({
      path: g.getAttribute('data-path'), tone: [...g.classList].find((c) => c.startsWith('tone-')),
      colour: getComputedStyle(g.querySelector('.stripe')).fill }))`)) as Array<{ path: string; tone: string; colour: string }>;
      const shows = doc.segments.length > 1 || doc.segments.some((s) => s.link);
      expect(nodes.length).toBe(shows ? Math.min(doc.segments.length, 200) : 0);
      expect(new Set(nodes.map((n) => n.path)).size).toBe(nodes.length);
      const byPath = new Map(doc.segments.map((s) => [s.path.join('/'), s]));
      for (const node of nodes) {
        const expected = tone(byPath.get(node.path)?.link);
        expect([node.path, node.tone, node.colour]).toEqual([node.path, `tone-${expected}`, TONE_COLOUR[expected]]);
      }

      const png = await page.screenshot({ fullPage: false });
      expect(png.subarray(1, 4).toString()).toBe('PNG');

      await page.setViewportSize({ width: PRINT_WIDTH.a4, height: 900 });
      await page.emulateMedia({ media: 'print' });
      expect(await overflow(page), 'past the edge of the printed page').toBe(0);
      const pdf = pdfFacts(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      // A4 is 595.28 × 841.89 points.
      expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([595, 842]);
      expect(pdf.pages).toBeGreaterThan(0);
      expect(pdf.pages, `${name}: ${pdf.pages} pages`).toBeLessThanOrEqual(maxPages);
      await page.close();
    },
    120_000,
  );
});

describe('the document around the report', () => {
  const campus = (extra: string[] = [], env: Record<string, string> = EPOCH) =>
    runInProcess(['examples/campus.json', '--format', 'html', ...extra], { env });

  it('is the same file for the same input and SOURCE_DATE_EPOCH, which it gives as the time it was made', async () => {
    const first = (await campus()).stdout;
    expect((await campus()).stdout).toBe(first);
    expect(first).toContain('<dt>Made</dt><dd>2026-01-01 00:00 UTC</dd>');
    expect(first).toContain('on 2026-01-01 00:00 UTC.');
    const bad = await campus([], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect([bad.code, bad.stdout, bad.stderr]).toEqual([
      2,
      '',
      "camsize: SOURCE_DATE_EPOCH 'yesterday' is not a time: give whole seconds since 1970-01-01 UTC\n",
    ]);
  });

  it('names its input files by their base names only: no directory, no -o path, not the command as typed', async () => {
    const out = join(dir, 'sub dir', 'named.html');
    spawnSync('mkdir', ['-p', join(dir, 'sub dir')]);
    await runInProcess([join(ROOT, 'examples/site.json'), '-i', join(ROOT, 'examples/cameras.csv'), '--format', 'html', '-o', out], {
      env: EPOCH,
    });
    const footer = /<footer>[\s\S]*<\/footer>/.exec(readFileSync(out, 'utf8'))![0];
    expect(footer).toContain('from <code>site.json</code>, <code>cameras.csv</code> on 2026-01-01 00:00 UTC.');
    expect(footer).not.toContain(ROOT);
    expect(footer).not.toContain(dir);
    expect(footer).not.toContain('-o');
  });

  it.skipIf(!HAS_CHROMIUM)(
    'prints on A4 by default and on Letter with --paper letter, a running header and page numbers in its margins',
    async () => {
      const margins = async (extra: string[]) => {
        const file = join(dir, `paper-${extra.length}.html`);
        await runInProcess(
          ['examples/campus.json', '--format', 'html', '-o', file, '--project', 'Campus "east"', '--revision', 'B', ...extra],
          {
            env: EPOCH,
          },
        );
        const page = await browser.newPage();
        await page.goto(`file://${file}`);
        const rules = (await page.evaluate(`[...document.styleSheets].flatMap((s) => [...s.cssRules])
        .filter((r) => r.constructor.name === 'CSSPageRule')
        .map((r) => ({ size: r.style.getPropertyValue('size'), margins: [...r.cssRules].map((m) => m.name + ' ' + m.style.getPropertyValue('content')) }))`)) as Array<{
          size: string;
          margins: string[];
        }>;
        const pdf = pdfFacts(await page.pdf({ preferCSSPageSize: true }));
        await page.close();
        return { rules, pdf: [Math.round(pdf.width), Math.round(pdf.height)] };
      };
      const a4 = await margins([]);
      expect(a4.pdf).toEqual([595, 842]);
      expect(a4.rules).toEqual([
        {
          size: 'a4',
          margins: [
            'top-left "Campus \\"east\\": camsize design report"',
            // The revision given by --revision, the date from the fleet file's project block.
            'top-right "Revision B · 2026-01-15"',
            'bottom-right "Page " counter(page) " of " counter(pages)',
          ],
        },
      ]);
      const letter = await margins(['--paper', 'letter']);
      expect(letter.pdf).toEqual([612, 792]);
      expect(letter.rules[0]!.size).toBe('letter');
    },
  );
});
