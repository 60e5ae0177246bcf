/**
 * The NDJSON line cache: a line that matches an earlier one apart from its
 * leading id is counted from the SpanCache without being parsed. A line is
 * looked up when it starts with `shape` (the bytes up to the id's value, or
 * just '{' when the file's records have no leading id); the shape follows the
 * file once a run of records shows a new one.
 */
import type { InventoryAggregate } from './aggregate.js';
import type { ScanOptions } from './chunks.js';
import { COUNT_SLOT } from './fields.js';
import { B } from './json-cursor.js';
import { JsonObjectReader } from './json-object.js';
import { plainCount } from './record.js';
import { hashToLineEnd, lineHash, SpanCache, spanHash } from './span-cache.js';

/** Records of a new shape in a row after which the line cache follows it. */
const SHAPE_RUN = 64;

export abstract class JsonLineCache extends JsonObjectReader {
  protected readonly cache: SpanCache;
  protected shape: Buffer | undefined;
  private shapeSkipsId = false;
  /** Records of another shape in a row (see remember). */
  private otherShapes = 0;
  private readonly shapeRun: number;

  constructor(
    protected readonly aggregate: InventoryAggregate,
    options: ScanOptions,
  ) {
    super();
    this.cache = SpanCache.of(options.cache);
    this.shapeRun = options.shapeRun ?? SHAPE_RUN;
  }

  /**
   * An NDJSON line whose tail (after its id) a full parse has seen before:
   * counted from the cache. Returns the offset after its line break, or -1
   * when the line is not in the cache (the caller parses it).
   */
  protected cachedLine(buf: Buffer, view: DataView, i: number): number {
    const n = buf.length;
    const shape = this.shape!;
    let t = i + shape.length;
    if (t >= n) return -1;
    for (let k = 0; k < shape.length; k++) if (buf[i + k] !== shape[k]) return -1; // (the shape has no line break)
    if (this.shapeSkipsId) {
      // The id's value: any string without escapes or line breaks (as the full parse accepts it).
      for (; ; t++) {
        if (t >= n) return -1;
        const b = buf[t]!;
        if (b === B.QUOTE) break;
        if (b === B.BACKSLASH || b === B.LF) return -1;
      }
      t++;
    }
    // The tail runs to the line break, found while it is hashed.
    const nl = hashToLineEnd(view, t, n);
    if (nl < 0) return -1;
    const cache = this.cache;
    const index = cache.find(view, t, nl, lineHash);
    if (index < 0) return -1;
    if (!this.aggregate.countInto(cache.entry(index), cache.count(index))) return -1;
    this.otherShapes = 0;
    this.line++;
    this.lineStart = nl + 1;
    return nl + 1;
  }

  /**
   * After a full parse of the record buf[start, end) into `entry`: when it is
   * alone on its line, with a plain count, its tail goes into the cache.
   */
  protected remember(buf: Buffer, view: DataView, start: number, end: number, entry: number): void {
    let nl = end;
    if (buf[nl] === B.CR) nl++;
    if (buf[nl] !== B.LF || this.decoded[COUNT_SLOT] !== undefined) return;
    const count = plainCount(buf, this.starts[COUNT_SLOT]!, this.ends[COUNT_SLOT]!);
    if (count === 0) return;
    const skipsId = this.idOpen >= 0;
    const shapeEnd = skipsId ? this.idOpen + 1 : start + 1;
    if (this.shape === undefined || skipsId !== this.shapeSkipsId || !this.shape.equals(buf.subarray(start, shapeEnd))) {
      // A record of another shape: learn it only once a run of them shows it is the file's (a first
      // line without an id must not turn the cache off for all the lines that have one).
      if (this.shape !== undefined && ++this.otherShapes < this.shapeRun) return;
      this.shape = Buffer.from(buf.subarray(start, shapeEnd));
      this.shapeSkipsId = skipsId;
      this.cache.clear();
    }
    this.otherShapes = 0;
    const tail = skipsId ? this.idClose + 1 : shapeEnd;
    this.cache.add(buf, tail, nl, spanHash(view, tail, nl), entry, count);
  }
}
