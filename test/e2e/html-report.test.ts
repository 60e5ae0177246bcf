/**
 * The HTML report in a real browser: Debian's Chromium (.ci/run installs the
 * package `chromium`, with `fonts-dejavu-core`), driven headless by
 * playwright-core (never its own browser download); without them these tests
 * are skipped with one line saying so, and under CI=true they fail. The page
 * is opened from a file, as a reader would open it: it must load nothing else, show the verdict, every segment and a day
 * chart of 24 bars, follow the reader's colour scheme, fit a printed page,
 * and look like something (a screenshot that is not blank).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { chromiumPath, file, needs } from '../helpers/needs.js';
import { ROOT } from '../helpers/run.js';

const CHROMIUM = chromiumPath();
const HAS_CHROMIUM = needs(
  'the HTML report in Chromium',
  file(CHROMIUM, 'chromium'),
  file('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'fonts-dejavu-core'),
);
// As the machine's notes say Chromium runs here: no sandbox as root, and no background connections to a closed network.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'];
const FLAGS_MORE = ['--disable-component-update', '--disable-sync'];

/** The page's background colour, read in the page (a string: the project is type-checked without the DOM's types). */
const BACKGROUND = 'getComputedStyle(document.documentElement).backgroundColor';

const dir = mkdtempSync(join(tmpdir(), 'camsize-html-'));
let browser: Browser;
let campus: string;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

async function report(args: readonly string[], name: string): Promise<string> {
  const file = join(dir, `${name}.html`);
  const result = await runInProcess([...args, '--format', 'html', '-o', file]);
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe('');
  return file;
}

/** Opens a file in a new page and records every request it makes and every console error. */
async function open(file: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}) {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1100, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await page.goto(`file://${file}`);
  return { page, requests, errors };
}

/** How many distinct colours a PNG shows, and the share of its pixels that are not the background's (read in a blank page's canvas). */
async function pixels(png: Buffer): Promise<{ colours: number; inked: number }> {
  const blank = await browser.newPage();
  await blank.setContent('<canvas id="c"></canvas>');
  // A string, run in the page: the project is type-checked without the DOM's types.
  const count = `async (data) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + data;
    await image.decode();
    const canvas = document.getElementById('c');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const rgba = context.getImageData(0, 0, image.width, image.height).data;
    const seen = new Set();
    const background = (rgba[0] << 16) | (rgba[1] << 8) | rgba[2];
    let inked = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const colour = (rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2];
      seen.add(colour);
      if (colour !== background) inked++;
    }
    return { colours: seen.size, inked: inked / (rgba.length / 4) };
  }`;
  const result = (await blank.evaluate(`(${count})(${JSON.stringify(png.toString('base64'))})`)) as { colours: number; inked: number };
  await blank.close();
  return result;
}

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...FLAGS_MORE] });
  campus = await report(['examples/campus.json'], 'campus');
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!HAS_CHROMIUM)('the HTML report in Chromium', () => {
  it('loads nothing but itself and breaks no rule of its policy', async () => {
    const { page, requests, errors } = await open(campus);
    expect(requests).toEqual([`file://${campus}`]);
    expect(errors).toEqual([]);
    expect(await page.locator('script, link[rel=stylesheet], img, iframe').count()).toBe(0);
    await page.close();
  });

  it('leads with the verdict and the failed check, by how much', async () => {
    const { page } = await open(campus);
    const verdict = page.locator('#verdict');
    expect(await verdict.getAttribute('data-verdict')).toBe('fail');
    expect(await verdict.textContent()).toBe('Does not fit: 1 of 9 capacity checks is over the limit:');
    expect(await page.locator('section').first().getAttribute('id')).toBe('summary');
    expect(await page.locator('.failures li').allInnerTexts()).toEqual([
      'over: building-b/sw-b2 (up): 746.9 Mb/s on 1 Gb/s (74.7 %), 46.94 Mb/s over the 70 % ceiling of 700 Mb/s, 7 × 4k30 too many',
    ]);
    await page.close();
  });

  it('has a row for each segment, with a utilisation bar on every link', async () => {
    const { page } = await open(campus);
    const rows = page.locator('table.segments tbody tr');
    expect(await rows.locator('td:first-child').allInnerTexts()).toEqual([
      'campus',
      'building-a',
      'sw-a1',
      'sw-a2',
      'lobby',
      'building-b',
      'sw-b1',
      'sw-b2',
      'wan-monitoring',
    ]);
    expect(await rows.locator('svg.gauge').count()).toBe(9);
    const over = rows.filter({ hasText: 'sw-b2' });
    expect(await over.locator('td.bad').textContent()).toBe('OVER ↑');
    expect(await over.locator('svg.gauge.over').count()).toBe(1);
    // The bar is drawn at the share the report gives: 74.7 % of the link.
    const fill = await over.locator('svg.gauge rect.fill').boundingBox();
    const track = await over.locator('svg.gauge rect.track').boundingBox();
    expect(fill!.width / track!.width).toBeCloseTo(0.747, 2);
    await page.close();
  });

  it('gives figures for reading, each with its exact value as its title', async () => {
    const { page } = await open(campus);
    const root = page.locator('table.segments tbody tr').first();
    const up = root.locator('td').nth(2);
    expect([await up.textContent(), await up.getAttribute('title')]).toEqual(['1.188 Gb/s', '1.18819375 Gb/s']);
    // A figure already exact has no title.
    expect(await root.locator('td').nth(4).getAttribute('title')).toBeNull();
    await page.close();
  });

  it('says a flat day in one sentence, and draws the busiest link of a fleet that records in its sites', async () => {
    const { page } = await open(campus);
    expect(await page.locator('#day svg.chart').count()).toBe(0);
    expect(await page.locator('#day p.constant-day').textContent()).toBe(
      'The load is the same at every hour of the day: 1.256 Gb/s between the fleet and the head end.',
    );
    await page.close();
    const sites = await open(await report(['examples/multi-site.json'], 'multi-site'));
    expect(await sites.page.locator('#day h3').textContent()).toBe('site-b');
    expect(await sites.page.locator('#day svg.chart rect.bar').count()).toBe(24);
    // A scale from zero with round ticks, and the link's ceiling.
    expect(await sites.page.locator('#day svg.chart text.tick').allTextContents()).toEqual([
      '0 b/s',
      '5 Mb/s',
      '10 Mb/s',
      '15 Mb/s',
      '20 Mb/s',
    ]);
    expect(await sites.page.locator('#day svg.chart line.limit').count()).toBe(1);
    // Nothing crosses to the head end: its card says so rather than "0 b/s".
    expect(await sites.page.locator('dl.figures div').filter({ hasText: 'head end' }).locator('dd').textContent()).toBe('none');
    await sites.page.close();
  });

  it('draws storage against each capacity, and links hour by hour when night schedules differ', async () => {
    const { page } = await open(await report(['examples/recorders.json'], 'recorders'));
    const bars = page.locator('svg.storage-bars g.bar-row');
    expect(await bars.count()).toBe(2);
    expect(await bars.first().locator('text.value').textContent()).toBe('78.41 TB of 40 TB: over');
    expect(await page.locator('svg.storage-bars g.bar-row.over').count()).toBe(1);
    await page.close();
    const fleet = {
      name: 'two schedules',
      segments: ['east', 'west'].map((name, i) => ({
        name,
        link: '1Gb/s',
        schedule: { nightStart: 18 + i * 4, nightHours: 10 },
        cameras: [{ preset: '4mp15-h265-plan', count: 100 + i * 60 }],
      })),
    };
    const file = join(dir, 'schedules.json');
    writeFileSync(file, JSON.stringify(fleet));
    const heat = await open(await report([file], 'schedules'));
    expect(await heat.page.locator('svg.heatmap rect.cell').count()).toBe(2 * 24);
    expect(await heat.page.locator('svg.heatmap text.label').allTextContents()).toEqual(['west', 'east']);
    await heat.page.close();
  });

  it('draws the day as an SVG chart of 24 bars', async () => {
    const { page } = await open(await report(['examples/day-night.json', '--timeline=junctions'], 'day-night'));
    const bars = page.locator('svg.chart rect.bar');
    expect(await bars.count()).toBe(24);
    const heights = await bars.evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().height));
    expect(heights.every((h) => h > 0)).toBe(true);
    // Night (19:00–06:00) runs higher than day on these cameras.
    expect(heights[0]!).toBeGreaterThan(heights[12]!);
    expect(await page.locator('svg.chart rect.night').count()).toBe(11);
    expect(await page.locator('svg.chart .limit').count()).toBe(1);
    expect(await page.locator('#day h3').textContent()).toBe('junctions');
    await page.close();
  });

  it('cites the preset sources with links, and says what made it', async () => {
    const { page } = await open(campus);
    const href = await page.locator('ol.sources a').first().getAttribute('href');
    expect(href).toMatch(/^https:\/\//);
    expect(await page.locator('footer').textContent()).toMatch(
      new RegExp(
        `^Made by camsize ${version.replaceAll('.', '\\.')} from campus\\.json on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\. Figures are rounded`,
      ),
    );
    await page.close();
  });

  it('follows the colour scheme: light and dark', async () => {
    const background = async (scheme: 'light' | 'dark') => {
      const { page } = await open(campus, { colorScheme: scheme });
      const colour = await page.evaluate(BACKGROUND);
      await page.close();
      return colour;
    };
    expect(await background('light')).toBe('rgb(255, 255, 255)');
    expect(await background('dark')).toBe('rgb(13, 17, 23)');
  });

  it('prints on A4: light, and every table within the page', async () => {
    const { page } = await open(await report(['test/fixtures/every-feature.json', '--retention', '7d', '--percentile', '99'], 'wide'), {
      colorScheme: 'dark',
      width: 718,
    });
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(BACKGROUND)).toBe('rgb(255, 255, 255)');
    const widths = (await page.evaluate(
      "[...document.querySelectorAll('table')].map((t) => t.scrollWidth - document.body.clientWidth)",
    )) as number[];
    for (const over of widths) expect(over).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('takes a screenshot that is not blank', async () => {
    const { page } = await open(campus);
    const png = await page.screenshot();
    writeFileSync(join(dir, 'campus.png'), png);
    const { colours, inked } = await pixels(png);
    expect(colours).toBeGreaterThan(50);
    expect(inked).toBeGreaterThan(0.05);
    await page.close();
  });
});

describe('the README shows the campus report', () => {
  it('as a committed screenshot (npm run build && node scripts/update-screenshot.mjs)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('](examples/campus-report.png)');
    const png = readFileSync(join(ROOT, 'examples/campus-report.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
