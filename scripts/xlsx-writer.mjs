// A small XLSX writer for camsize's examples, tests and benchmarks (never for camsize itself,
// which only reads workbooks): one or more worksheets streamed into a zip archive (deflated
// with Node's zlib, sizes and CRC-32 in a data descriptor and the central directory), with a
// shared-string table like Excel's, inline strings, numbers written as given (their text),
// booleans, error values and formulas with or without a cached value. Fixed timestamps: the
// same rows give the same bytes, so a committed .xlsx can be made again and compared.
//
//   import { writeXlsx } from './xlsx-writer.mjs';
//   await writeXlsx('schedule.xlsx', [{ name: 'Cameras', rows: [['Site', 'Qty'], ['HQ', 4]] }]);
//
// A cell: a string, a number (or { number: '4.0999999999999996' }: the <v> text as given),
// null (no cell), true/false, { inline: 'text' }, { error: '#REF!' }, { formula: 'A1*2', value: 8 }
// (value undefined: saved without one), { shared: 5 } (a raw shared-string index, for hostile tests).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(crc, buf) {
  let c = ~crc >>> 0;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

function columnName(i) {
  let name = '';
  for (let c = i + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

class ZipOut {
  constructor(path) {
    this.out = createWriteStream(path);
    this.offset = 0;
    this.central = [];
  }

  async write(buf) {
    this.offset += buf.length;
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }

  /** One part from an (async) iterable of strings or buffers. */
  async part(name, chunks, { store = false } = {}) {
    const nameBuf = Buffer.from(name, 'utf8');
    const start = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // data descriptor, UTF-8 names
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt16LE(nameBuf.length, 26);
    await this.write(local);
    await this.write(nameBuf);
    let crc = 0;
    let size = 0;
    let packed = 0;
    if (store) {
      for await (const c of chunks) {
        const b = Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf8');
        crc = crc32(crc, b);
        size += b.length;
        packed += b.length;
        await this.write(b);
      }
    } else {
      const deflate = createDeflateRaw({ level: 6 });
      const done = (async () => {
        for await (const out of deflate) {
          packed += out.length;
          await this.write(out);
        }
      })();
      for await (const c of chunks) {
        const b = Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf8');
        crc = crc32(crc, b);
        size += b.length;
        if (!deflate.write(b)) await once(deflate, 'drain');
      }
      deflate.end();
      await done;
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(packed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    this.central.push({ nameBuf, crc, packed, size, start, store });
  }

  async close() {
    const at = this.offset;
    for (const e of this.central) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(e.store ? 0 : 8, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.packed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.nameBuf.length, 28);
      h.writeUInt32LE(e.start, 42);
      await this.write(h);
      await this.write(e.nameBuf);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(this.offset - at, 12);
    end.writeUInt32LE(at, 16);
    await this.write(end);
    this.out.end();
    await once(this.out, 'close');
  }
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function cellXml(value, ref, strings) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    let i = strings.index.get(value);
    if (i === undefined) {
      i = strings.list.length;
      strings.index.set(value, i);
      strings.list.push(value);
    }
    return `<c r="${ref}" t="s"><v>${i}</v></c>`;
  }
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if ('number' in value) return `<c r="${ref}"><v>${value.number}</v></c>`;
  if ('inline' in value) return `<c r="${ref}" t="inlineStr"><is><t>${esc(value.inline)}</t></is></c>`;
  if ('error' in value) return `<c r="${ref}" t="e"><v>${esc(value.error)}</v></c>`;
  if ('shared' in value) return `<c r="${ref}" t="s"><v>${value.shared}</v></c>`;
  if ('formula' in value) {
    const v = value.value;
    const t = typeof v === 'string' ? ' t="str"' : '';
    return `<c r="${ref}"${t}><f>${esc(value.formula)}</f>${v === undefined ? '' : `<v>${esc(v)}</v>`}</c>`;
  }
  throw new Error(`a cell camsize's writer does not know: ${JSON.stringify(value)}`);
}

async function* sheetXml(rows, strings) {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>`;
  let r = 0;
  let batch = '';
  for await (const row of rows) {
    r++;
    if (row === null) continue; // an empty row: no <row> at all, as Excel writes it
    let cells = '';
    row.forEach((value, c) => {
      cells += cellXml(value, `${columnName(c)}${r}`, strings);
    });
    batch += `<row r="${r}">${cells}</row>`;
    if (batch.length > 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}</sheetData></worksheet>`;
}

/** Writes `sheets` ([{ name, rows }], rows an (async) iterable of cell arrays, null for an empty row) to `path`. */
export async function writeXlsx(path, sheets, { extraParts = [] } = {}) {
  const zip = new ZipOut(path);
  const strings = { index: new Map(), list: [] };
  const sheetEntries = sheets.map((s, i) => ({ ...s, file: `worksheets/sheet${i + 1}.xml`, rid: `rId${i + 1}` }));
  await zip.part('[Content_Types].xml', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheetEntries
        .map(
          (s) =>
            `<Override PartName="/xl/${s.file}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  ]);
  await zip.part('_rels/.rels', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  await zip.part('xl/workbook.xml', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>` +
      sheetEntries
        .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="${s.rid}"/>`)
        .join('') +
      '</sheets></workbook>',
  ]);
  await zip.part('xl/_rels/workbook.xml.rels', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheetEntries.map((s) => `<Relationship Id="${s.rid}" Type="${REL_NS}/worksheet" Target="${s.file}"/>`).join('') +
      `<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  ]);
  for (const s of sheetEntries) await zip.part(`xl/${s.file}`, sheetXml(s.rows, strings));
  await zip.part('xl/sharedStrings.xml', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${strings.list.length}" uniqueCount="${strings.list.length}">` +
      strings.list.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('') +
      '</sst>',
  ]);
  for (const [name, text] of extraParts) await zip.part(name, [text]);
  await zip.close();
}
