/**
 * The report as a document: its head (the project, its customer, site,
 * author, revision and date, and when it was made), its footer (what made it:
 * camsize's version and the input files by their base names), and the
 * printed page (A4 or Letter, a running header, page numbers).
 */
import type { Report } from '../../../core/model/report.js';
import type { RenderOptions } from '../../view.js';
import { esc } from './elements.js';

/** "2025-06-01T12:00Z" as people read it: "2025-06-01 12:00 UTC". */
export function generatedText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The document's title: the project's name, else the fleet's. */
export const documentTitle = (report: Report) => report.project?.name ?? report.fleetName;

export function headerHtml(report: Report, options: RenderOptions): string {
  const p = report.project ?? {};
  const fields: [string, string | undefined][] = [
    ['Customer', p.customer],
    ['Site', p.site],
    ['Fleet', p.name !== undefined && p.name !== report.fleetName ? report.fleetName : undefined],
    ['Author', p.author],
    ['Revision', p.revision],
    ['Date', p.date],
    ['Made', options.generated === undefined ? undefined : generatedText(options.generated)],
  ];
  const meta = fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([label, value]) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`)
    .join('');
  return [
    '<header>',
    '<p class="kicker">camsize design report</p>',
    `<h1>${esc(documentTitle(report))}</h1>`,
    meta === '' ? '' : `<dl class="meta">${meta}</dl>`,
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** What made the document, from which files, when; how its figures are rounded. */
export function footerHtml(options: RenderOptions): string {
  const p = options.provenance;
  const files = p && p.inputs.length > 0 ? ` from ${p.inputs.map((f) => `<code>${esc(f)}</code>`).join(', ')}` : '';
  const when = options.generated === undefined ? '' : ` on ${esc(generatedText(options.generated))}`;
  const made = `Made by camsize${p ? ` ${esc(p.version)}` : ''}${files}${when}.`;
  const rounded =
    options.precision === 'reading'
      ? ' Figures are rounded to four significant digits; a cell shows its exact value when pointed at, and'
      : ' Rates are exact bits per second;';
  return `<footer>${made}${rounded} <code>--json</code> and <code>--format csv</code> carry every figure exactly.</footer>`;
}

/**
 * A CSS string of any text: every character but letters, digits and a few
 * plain signs written as a CSS escape, so that no name can end the string,
 * the rule or the style element it sits in.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    if (/[\p{L}\p{N} .,:_()+-]/u.test(char)) out += char;
    else out += `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

/** The printed page: its size, and in its margins the title and revision at the top, the page number at the bottom. */
export function pageStyle(report: Report, options: RenderOptions): string {
  const p = report.project ?? {};
  const right = [p.revision === undefined ? undefined : `Revision ${p.revision}`, p.date].filter((x) => x !== undefined).join(' · ');
  const margin = 'font: 8pt system-ui, "DejaVu Sans", sans-serif; color: #555;';
  return [
    '@page {',
    `  size: ${options.paper === 'letter' ? 'letter' : 'A4'};`,
    '  margin: 16mm 12mm 16mm;',
    `  @top-left { content: ${cssString(`${documentTitle(report)}: camsize design report`)}; ${margin} }`,
    right === '' ? '' : `  @top-right { content: ${cssString(right)}; ${margin} }`,
    `  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${margin} }`,
    '}',
  ]
    .filter(Boolean)
    .join('\n');
}
