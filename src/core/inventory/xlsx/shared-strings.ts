/**
 * A workbook's shared-string table (xl/sharedStrings.xml), streamed: each
 * <si>'s text (its <t>, or its rich-text runs' <t>s, phonetic <rPh> runs
 * left out), kept as UTF-8 bytes in one buffer with an offset per string,
 * never one object per string: a million distinct camera names cost their
 * bytes and 8 more each.
 */
import { bytes, isTag, nextTag, type Tag, XmlError, xmlText } from './xml-text.js';

const SI = bytes('si');
const T = bytes('t');
const RPH = bytes('rPh');

/** The longest one shared string may be, as XML (Excel's own limit is 32,767 characters). */
const MAX_ITEM_BYTES = 4 << 20;

export class SharedStrings {
  private data = Buffer.alloc(1 << 16);
  private used = 0;
  private offsets = new Float64Array(1 << 12);
  count = 0;
  private carry: Buffer | undefined;
  private readonly tag: Tag = { start: 0, nameStart: 0, nameEnd: 0, attrsEnd: 0, end: 0, closing: false, selfClosing: false };

  feed(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    const tag = this.tag;
    let pos = 0;
    while (nextTag(buf, pos, tag)) {
      if (!isTag(buf, tag, SI) || tag.closing) {
        pos = tag.end;
        continue;
      }
      if (tag.selfClosing) {
        this.push('');
        pos = tag.end;
        continue;
      }
      const end = this.item(buf, tag.end);
      if (end < 0) {
        pos = tag.start;
        break;
      }
      pos = end;
    }
    if (pos < buf.length) {
      if (buf.length - pos > MAX_ITEM_BYTES) throw new XmlError('a shared string longer than 4 MiB: not a camera schedule');
      this.carry = Buffer.from(buf.subarray(pos));
    }
  }

  /** The text of the <si> whose content starts at `from`, pushed; the offset after its </si>, or -1 when the buffer ends first. */
  private item(buf: Buffer, from: number): number {
    const tag: Tag = { ...this.tag };
    let text = '';
    let phonetic = false;
    for (let pos = from; nextTag(buf, pos, tag); pos = tag.end) {
      if (isTag(buf, tag, SI) && tag.closing) {
        this.push(text);
        return tag.end;
      }
      if (isTag(buf, tag, RPH)) phonetic = !tag.closing && !tag.selfClosing;
      else if (isTag(buf, tag, T) && !tag.closing && !tag.selfClosing && !phonetic) {
        const start = tag.end;
        if (!nextTag(buf, start, tag)) return -1;
        text += xmlText(buf, start, tag.start);
      }
    }
    return -1;
  }

  private push(latin1: string): void {
    const n = latin1.length;
    if (this.used + n > this.data.length) {
      const grown = Buffer.alloc(Math.max(this.data.length * 2, this.used + n));
      this.data.copy(grown, 0, 0, this.used);
      this.data = grown;
    }
    this.data.write(latin1, this.used, 'latin1');
    if (this.count + 1 >= this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.used += n;
    this.offsets[++this.count] = this.used;
  }

  /** String `i` as latin1 (one char per byte of its UTF-8), or undefined when the table has no such string. */
  latin1(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    return this.data.toString('latin1', this.offsets[i]!, this.offsets[i + 1]!);
  }
}
