/**
 * The little XML a worksheet needs, on bytes: the tags of its elements (by
 * local name, whatever their prefix), their attributes, and text with its
 * entities and Excel's _xHHHH_ escapes decoded. Values come out as latin1
 * strings (one char per byte of their UTF-8), as the inventory scanners keep
 * every field.
 */

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const COLON = 58;

/** A tag found at buf[start]: its local name's bytes, whether it closes (</x>) or closes itself (<x/>), and the offset after '>'. */
export interface Tag {
  start: number;
  nameStart: number;
  nameEnd: number;
  /** Where its attributes are (between the name and '>' or '/>'). */
  attrsEnd: number;
  end: number;
  closing: boolean;
  selfClosing: boolean;
}

/** The tag at the first '<' from `from`, or undefined when the buffer ends before its '>' (or has no '<'). Comments and the like are skipped. */
export function nextTag(buf: Uint8Array, from: number, tag: Tag): boolean {
  let i = from;
  for (;;) {
    const lt = buf.indexOf(LT, i);
    if (lt < 0) return false;
    const gt = buf.indexOf(GT, lt + 1);
    if (gt < 0) return false;
    const first = buf[lt + 1];
    if (first === 33 /* ! */ || first === 63 /* ? */) {
      // <!-- … -->, <![CDATA[ … ]]> (no sheet value camsize reads uses one), <?xml … ?>
      const close = first === 33 && buf[lt + 2] === 45 ? indexOfSeq(buf, COMMENT_END, lt + 4) : gt;
      if (close < 0) return false;
      i = close + 1;
      continue;
    }
    const closing = first === SLASH;
    let n = closing ? lt + 2 : lt + 1;
    let nameStart = n;
    while (n < gt) {
      const b = buf[n]!;
      if (b === 32 || b === 9 || b === 10 || b === 13 || b === SLASH) break;
      if (b === COLON) nameStart = n + 1;
      n++;
    }
    tag.start = lt;
    tag.nameStart = nameStart;
    tag.nameEnd = n;
    tag.closing = closing;
    tag.selfClosing = buf[gt - 1] === SLASH;
    tag.attrsEnd = tag.selfClosing ? gt - 1 : gt;
    tag.end = gt + 1;
    return true;
  }
}

const COMMENT_END = Uint8Array.from([45, 45, 62]);

function indexOfSeq(buf: Uint8Array, seq: Uint8Array, from: number): number {
  for (let i = buf.indexOf(seq[0]!, from); i >= 0; i = buf.indexOf(seq[0]!, i + 1)) {
    let k = 1;
    while (k < seq.length && buf[i + k] === seq[k]) k++;
    if (k === seq.length) return i + k - 1;
  }
  return -1;
}

/** The tag's local name is `name` (ASCII bytes). */
export function isTag(buf: Uint8Array, tag: Tag, name: Uint8Array): boolean {
  if (tag.nameEnd - tag.nameStart !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (buf[tag.nameStart + k] !== name[k]) return false;
  return true;
}

export const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** The raw value (latin1, entities not decoded) of attribute `name` (its local name) in buf[from, to), or undefined. */
export function attribute(buf: Uint8Array, from: number, to: number, name: Uint8Array): string | undefined {
  let i = from;
  while (i < to) {
    const eq = buf.indexOf(61 /* = */, i);
    if (eq < 0 || eq >= to) return undefined;
    let q = eq + 1;
    while (q < to && buf[q] !== QUOTE && buf[q] !== APOS) q++;
    if (q >= to) return undefined;
    const close = buf.indexOf(buf[q]!, q + 1);
    if (close < 0 || close >= to) return undefined;
    let nameEnd = eq;
    while (nameEnd > i && (buf[nameEnd - 1] === 32 || buf[nameEnd - 1] === 9 || buf[nameEnd - 1] === 10 || buf[nameEnd - 1] === 13))
      nameEnd--;
    let nameStart = nameEnd;
    while (
      nameStart > i &&
      buf[nameStart - 1] !== 32 &&
      buf[nameStart - 1] !== 9 &&
      buf[nameStart - 1] !== 10 &&
      buf[nameStart - 1] !== 13
    ) {
      if (buf[nameStart - 1] === COLON) break;
      nameStart--;
    }
    if (nameEnd - nameStart === name.length) {
      let k = 0;
      while (k < name.length && buf[nameStart + k] === name[k]) k++;
      if (k === name.length) return Buffer.from(buf.buffer, buf.byteOffset + q + 1, close - q - 1).toString('latin1');
    }
    i = close + 1;
  }
  return undefined;
}

/**
 * Text content buf[from, to) as latin1 (one char per byte of its UTF-8),
 * with XML's entities and Excel's _xHHHH_ escapes decoded. Throws on an
 * unknown entity (a hostile or broken file, never a guess).
 */
export function xmlText(buf: Buffer, from: number, to: number): string {
  const raw = buf.toString('latin1', from, to);
  if (raw.indexOf('&') < 0 && raw.indexOf('_') < 0) return raw;
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  const decoded = utf8
    .replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);|&/g, (match, entity: string | undefined) => {
      if (entity === undefined) throw new XmlError(`a stray '&' in text`);
      if (entity[0] !== '#') return ENTITIES[entity]!;
      const code = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) throw new XmlError(`'${match}' is no character`);
      return String.fromCodePoint(code);
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(decoded, 'utf8').toString('latin1');
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A workbook's XML that cannot be read. */
export class XmlError extends Error {}
