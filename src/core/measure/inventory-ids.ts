/**
 * Where an inventory puts the cameras that measurements name by id: a second,
 * plain pass over the inventory's bytes (CSV, NDJSON or a JSON array) that
 * keeps only the records whose `id` is asked for, so memory stays that of the
 * measured cameras however large the inventory. Their segment and profile
 * are read as the inventory scan reads them (KeyMeanings), so a camera lands
 * in the group it was sized in. Not a fast path: it runs only for --measured.
 */
import type { Catalog } from '../model/catalog.js';
import { canonicalProfile } from '../inventory/record.js';
import { KeyMeanings } from '../inventory/meaning.js';
import { csvRows } from './csv.js';
import type { CameraPlace } from './match.js';

/** Text as the inventory scanners keep it: one char per byte of its UTF-8. */
const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const LF = 10;

type Fields = Readonly<Record<'id' | 'segment' | 'preset' | 'bitrate' | 'mbps' | 'label', string>>;

export class CameraIdFinder {
  private readonly wanted: Map<string, string>;
  private readonly found = new Map<string, CameraPlace>();
  private readonly meanings: KeyMeanings;
  private carry = '';
  private line = 1;
  private mode: 'unknown' | 'csv' | 'json' = 'unknown';
  private header: string[] | undefined;
  /** JSON: the record object being read, its depth and string state. */
  private json = { text: '', depth: 0, inString: false, escaped: false, line: 1 };

  /**
   * `ids`: the camera ids asked for, as measurements give them. `columnOf`:
   * where a CSV's fields are, as the inventory scan read its header (aliases
   * such as a model column naming the groups); by the fields' own names when absent.
   */
  constructor(
    ids: Iterable<string>,
    catalog: Catalog,
    format: 'csv' | 'ndjson' | 'json',
    private readonly columnOf?: (field: string) => number,
  ) {
    this.wanted = new Map([...ids].map((id) => [latin1(id), id]));
    this.meanings = new KeyMeanings(catalog);
    this.mode = format === 'csv' ? 'csv' : 'json';
  }

  feed(chunk: Uint8Array): void {
    const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    if (this.mode === 'csv') this.csvText(text);
    else this.jsonText(text);
  }

  /** The places found, by the id as measurements give it; `noIdColumn` when a CSV inventory has no `id`. */
  end(): { byId: Map<string, CameraPlace>; noIdColumn: boolean } {
    if (this.mode === 'csv' && this.carry !== '') this.csvRecord(this.carry);
    this.carry = '';
    const byId = new Map<string, CameraPlace>();
    for (const [key, place] of this.found) byId.set(this.wanted.get(key)!, place);
    const noId = this.columnOf ? this.columnOf('id') < 0 : this.header !== undefined && !this.header.includes('id');
    return { byId, noIdColumn: this.mode === 'csv' && noId };
  }

  private csvText(text: string): void {
    let start = 0;
    let record = this.carry;
    for (let nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
      record += text.slice(start, nl + 1);
      start = nl + 1;
      if (quotes(record) % 2 === 1) continue; // a quoted field goes on over the line break
      this.csvRecord(record);
      this.line += lineBreaks(record);
      record = '';
    }
    this.carry = record + text.slice(start);
  }

  private csvRecord(record: string): void {
    const text = record.replace(/\r?\n$/, '');
    if (text.trim() === '') return;
    if (!this.header) {
      const bom = text.startsWith('\u00ef\u00bb\u00bf') ? 3 : 0;
      this.header = (csvRows(text.slice(bom))[0]?.fields ?? []).map((f) => f.trim().toLowerCase());
      return;
    }
    const column = this.columnOf ?? ((name: string) => this.header!.indexOf(name));
    const at = column('id');
    if (at < 0) return;
    const fields = text.includes('"') ? (csvRows(text)[0]?.fields ?? []) : text.split(',');
    const id = fields[at]?.trim() ?? '';
    if (!this.wanted.has(id)) return;
    const get = (name: string) => {
      const i = column(name);
      return i < 0 ? '' : (fields[i]?.trim() ?? '');
    };
    this.place({ id, segment: get('segment'), preset: get('preset'), bitrate: get('bitrate'), mbps: get('mbps'), label: get('label') });
  }

  /** NDJSON and JSON arrays alike: every object at the top (or inside the top array) is a record. */
  private jsonText(text: string): void {
    const j = this.json;
    let from = j.depth > 0 ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) this.line++;
      if (j.inString) {
        if (j.escaped) j.escaped = false;
        else if (c === 92) j.escaped = true;
        else if (c === 34) j.inString = false;
        continue;
      }
      if (c === 34 && j.depth > 0) j.inString = true;
      else if (c === 123 /* { */) {
        if (j.depth++ === 0) {
          from = i;
          j.line = this.line;
        }
      } else if (c === 125 /* } */ && j.depth > 0 && --j.depth === 0) {
        this.jsonRecord(j.text + text.slice(from, i + 1), j.line);
        j.text = '';
        from = -1;
      }
    }
    if (j.depth > 0) j.text += text.slice(Math.max(from, 0));
  }

  private jsonRecord(latin1Text: string, line: number): void {
    let record: unknown;
    try {
      record = JSON.parse(Buffer.from(latin1Text, 'latin1').toString('utf8'));
    } catch {
      return; // the inventory scan has reported it already, or skipped it (--skip-invalid)
    }
    if (typeof record !== 'object' || record === null) return;
    const r = record as Record<string, unknown>;
    const text = (key: string) => (typeof r[key] === 'string' || typeof r[key] === 'number' ? latin1(String(r[key])) : '');
    if (!this.wanted.has(text('id'))) return;
    const saved = this.line;
    this.line = line;
    this.place({
      id: text('id'),
      segment: text('segment'),
      preset: text('preset'),
      bitrate: text('bitrate'),
      mbps: text('mbps'),
      label: text('label'),
    });
    this.line = saved;
  }

  /** Records the camera's place (once; a second record with its id makes it ambiguous). */
  private place(f: Fields): void {
    const seen = this.found.get(f.id);
    if (seen) {
      this.found.set(f.id, { ...seen, records: seen.records + 1 });
      return;
    }
    const [preset, rate, label] = canonicalProfile(f.preset, f.bitrate, f.mbps, f.label);
    const path = this.meanings.segmentPath(f.segment);
    const profile = this.meanings.profile(preset, rate, label);
    if (!Array.isArray(path) || 'field' in profile) return; // an invalid record: the scan reported or skipped it
    this.found.set(f.id, { path, group: profile.name, line: this.line, records: 1 });
  }
}

function quotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
