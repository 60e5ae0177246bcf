/**
 * Debian's Chromium (.ci/run installs the package `chromium`), driven headless by
 * playwright-core (never its own browser download), for the tests that look at
 * the HTML report as a reader does: pages opened from files, measured, printed.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumPath, file, needs } from './needs.js';

const CHROMIUM = chromiumPath();
// As the machine's notes say Chromium runs here: no sandbox as root, and no background connections to a closed network.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'];
const FLAGS_MORE = ['--disable-component-update', '--disable-sync'];

/** Whether Chromium and its fonts are here (a skip with one line naming the packages when not; a failure under CI). */
export function hasChromium(tests: string): boolean {
  return needs(tests, file(CHROMIUM, 'chromium'), file('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'fonts-dejavu-core'));
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...FLAGS_MORE] });
}

/** A4 and Letter between their margins (12 mm either side, at 96 px an inch): the width printed tables have. */
export const PRINT_WIDTH = { a4: 703, letter: 725 } as const;

/**
 * How far the page reaches past its right edge, in pixels (0 when nothing does): the document, every table's
 * scroll box and what is in it, every drawing. Run in the page (a string: the project is type-checked without the DOM).
 */
export async function overflow(page: Page): Promise<number> {
  return (await page.evaluate(`(() => {
    const d = document.documentElement;
    const right = document.body.getBoundingClientRect().right;
    const over = [d.scrollWidth - d.clientWidth];
    for (const el of document.querySelectorAll('.scroll, table, svg, figure, dl, header, footer')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0) over.push(Math.round(r.right - right));
    }
    for (const s of document.querySelectorAll('.scroll')) over.push(s.scrollWidth - s.clientWidth);
    return Math.max(0, ...over);
  })()`)) as number;
}

/** A PDF's pages and the size of its first (points), read from its objects. */
export function pdfFacts(pdf: Buffer): { pages: number; width: number; height: number } {
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { pages, width: Number(box?.[3] ?? 0), height: Number(box?.[4] ?? 0) };
}
