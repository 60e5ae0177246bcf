/**
 * A workbook's parts list (xl/workbook.xml and its relationships): which
 * worksheets it has, in tab order, and where each one's XML is. Small
 * documents, read whole (their size is checked before they are inflated).
 */
import { printable } from '../../diagnostics/printable.js';
import { closest } from '../../diagnostics/suggest.js';
import { XmlError } from './xml-text.js';

export interface SheetEntry {
  readonly name: string;
  /** The part's path in the archive ('xl/worksheets/sheet1.xml'); undefined for a chart sheet or a missing part. */
  readonly path: string | undefined;
  readonly hidden: boolean;
}

export interface WorkbookParts {
  readonly sheets: readonly SheetEntry[];
  /** The shared-string table's path, when the workbook has one. */
  readonly sharedStrings: string | undefined;
  /** The workbook refers to other workbooks (external links). */
  readonly externalLinks: boolean;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(tagText: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tagText.matchAll(ATTRIBUTE)) found.set(m[1]!.replace(/^.*:/, ''), xmlUnescape(m[2] ?? m[3] ?? ''));
  return found;
}

function xmlUnescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]{1,6}|#\d{1,7});/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e as 'amp']!;
  });
}

const tags = (xml: string, local: string) => [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*)>`, 'g'))].map((m) => m[1]!);

/** The parts named by workbook.xml (its text) and xl/_rels/workbook.xml.rels (its text). */
export function workbookParts(workbookXml: string, relsXml: string): WorkbookParts {
  const targets = new Map<string, { type: string; target: string; external: boolean }>();
  for (const text of tags(relsXml, 'Relationship')) {
    const a = attributes(text);
    const id = a.get('Id');
    if (id !== undefined)
      targets.set(id, { type: a.get('Type') ?? '', target: a.get('Target') ?? '', external: a.get('TargetMode') === 'External' });
  }
  const partOf = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');
  const sheets = tags(workbookXml, 'sheet').map((text): SheetEntry => {
    const a = attributes(text);
    const rel = targets.get(a.get('id') ?? '');
    const worksheet = rel !== undefined && !rel.external && /\/worksheet$/.test(rel.type);
    return {
      name: a.get('name') ?? '',
      path: worksheet ? partOf(rel.target) : undefined,
      hidden: (a.get('state') ?? 'visible') !== 'visible',
    };
  });
  const shared = [...targets.values()].find((t) => /\/sharedStrings$/.test(t.type));
  const externalLinks =
    tags(workbookXml, 'externalReference').length > 0 || [...targets.values()].some((t) => /\/externalLink$/.test(t.type));
  return { sheets, sharedStrings: shared ? partOf(shared.target) : undefined, externalLinks };
}

/** The worksheet to read: `wanted` by name (compared without case), else the first visible one. */
export function chooseSheet(parts: WorkbookParts, wanted: string | undefined): SheetEntry {
  if (wanted !== undefined) {
    const found = parts.sheets.find((s) => s.name === wanted) ?? parts.sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    if (found === undefined) {
      const near = closest(
        wanted,
        parts.sheets.map((s) => s.name),
        1,
      )[0];
      throw new XmlError(
        `no sheet '${printable(wanted)}'${near !== undefined ? ` (did you mean '${printable(near)}'?)` : ''}; the sheets are ${parts.sheets.map((s) => `'${printable(s.name)}'`).join(', ')}`,
      );
    }
    if (found.path === undefined) throw new XmlError(`sheet '${printable(found.name)}' is not a worksheet (a chart sheet?)`);
    return found;
  }
  const first = parts.sheets.find((s) => !s.hidden && s.path !== undefined);
  if (first === undefined) throw new XmlError('the workbook has no visible worksheet');
  return first;
}
