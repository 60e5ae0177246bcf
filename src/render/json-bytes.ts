/**
 * The byte buffer under the text writer (json-text.ts): JSON text gathered as
 * UTF-8 bytes and handed on as a string a part at a time. Strings are copied
 * byte by byte when every unit is printable ASCII but `"` and `\`; any other
 * string is written as JSON.stringify writes it (escapes, lone surrogates as
 * \udXXX), then encoded, so a name is never written by hand-made escaping.
 */

const ENCODER = new TextEncoder();
/** ignoreBOM: a U+FEFF at the start of a part is text, not a byte-order mark to drop. */
const DECODER = new TextDecoder('utf-8', { ignoreBOM: true });

export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/** The buffer's size to start with, and the size it goes back to after an unusually large element. */
const START_BYTES = 1 << 17;

/** A key's text before its value at a depth (`,\n    "key": `), made once per key, depth and comma. */
export interface KeyPrefix {
  readonly key: string;
  readonly depth: number;
  readonly first: boolean;
  readonly bytes: Uint8Array;
}

/** Keys are the code's own words (a few dozen); past this many, prefixes are made and not kept. */
const MAX_KEYS = 1000;
const PREFIXES = new Map<string, KeyPrefix[]>();

export function keyPrefix(key: string, depth: number, first: boolean): KeyPrefix {
  let byDepth = PREFIXES.get(key);
  if (byDepth === undefined) {
    byDepth = [];
    if (PREFIXES.size < MAX_KEYS) PREFIXES.set(key, byDepth);
  }
  const slot = 2 * depth + (first ? 0 : 1);
  return (byDepth[slot] ??= {
    key,
    depth,
    first,
    bytes: ENCODER.encode(`${first ? '' : ','}\n${'  '.repeat(depth)}${JSON.stringify(key)}: `),
  });
}

export class JsonBytes {
  protected bytes = new Uint8Array(START_BYTES);
  protected at = 0;

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.at;
  }

  /** The bytes written since the last take, as a view of the buffer: valid until the next write. */
  view(): Uint8Array {
    const bytes = this.bytes.subarray(0, this.at);
    this.at = 0;
    return bytes;
  }

  /** The text written since the last take. */
  take(): string {
    const text = DECODER.decode(this.bytes.subarray(0, this.at));
    this.at = 0;
    if (this.bytes.length > 4 * START_BYTES) this.bytes = new Uint8Array(START_BYTES);
    return text;
  }

  protected copy(source: Uint8Array): void {
    this.room(source.length);
    this.bytes.set(source, this.at);
    this.at += source.length;
  }

  protected byte(value: number): void {
    this.room(1);
    this.bytes[this.at++] = value;
  }

  /** A line break and `depth` levels of two-space indentation. */
  protected newline(depth: number): void {
    this.room(2 * depth + 1);
    const bytes = this.bytes;
    let at = this.at;
    bytes[at++] = NEWLINE;
    for (let i = 2 * depth; i > 0; i--) bytes[at++] = SPACE;
    this.at = at;
  }

  /** A string in quotes, as JSON.stringify writes it. */
  protected quoted(text: string): void {
    const n = text.length;
    this.room(n + 2);
    const bytes = this.bytes;
    let at = this.at;
    bytes[at++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < SPACE || c > 0x7e || c === QUOTE || c === BACKSLASH) {
        this.utf8(JSON.stringify(text));
        return;
      }
      bytes[at++] = c;
    }
    bytes[at++] = QUOTE;
    this.at = at;
  }

  /** Text known to be ASCII (digits, brackets, literals). */
  protected ascii(text: string): void {
    const n = text.length;
    this.room(n);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < n; i++) bytes[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** Any well-formed text (JSON.stringify's output never holds a lone surrogate) as UTF-8. */
  protected utf8(text: string): void {
    this.room(3 * text.length);
    this.at += ENCODER.encodeInto(text, this.bytes.subarray(this.at)).written;
  }

  /** At least n more bytes fit. */
  protected room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.at + n));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }
}
