/**
 * Workbooks as a user or an attacker hands them over: the first visible
 * sheet or --sheet, formulas' cached values, error cells and unsaved formulas
 * in the columns read, and hostile archives (a zip bomb, a part that lies
 * about its size, a huge shared-string table, absurd dimensions, external
 * links, an encrypted workbook, a damaged one), each refused with exit 2
 * and one line, never a hang.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (scripts/ are JavaScript)
import { writeXlsx } from '../../scripts/xlsx-writer.mjs';
import { runInProcess } from '../helpers/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'camsize-xlsx-'));
const HEADER = ['Site', 'Switch', 'Preset', 'Bitrate (Mbps)', 'Qty'];

async function book(
  name: string,
  rows: unknown[],
  more: { sheets?: unknown[]; extraParts?: Array<[string, string]> } = {},
): Promise<string> {
  const path = join(dir, name);
  await writeXlsx(path, [...(more.sheets ?? []), { name: 'Cameras', rows }], { extraParts: more.extraParts ?? [] });
  return path;
}

/** The archive with one part's stated uncompressed size (central directory) set to `size`. */
function stating(path: string, part: string, size: number): string {
  const bytes = readFileSync(path);
  const name = Buffer.from(part);
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (bytes.readUInt32LE(i) === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) {
      bytes.writeUInt32LE(size, i + 24);
      const out = `${path}.${size}.xlsx`;
      writeFileSync(out, bytes);
      return out;
    }
  }
  throw new Error(`no part ${part}`);
}

const size = async (path: string, ...args: string[]) => runInProcess(['-i', path, ...args]);

describe('workbooks', () => {
  it('reads the first visible sheet, cached formula values and exact number text; --sheet picks another', async () => {
    const hidden = { name: 'Old', hidden: true, rows: [HEADER, ['X', 'y', '720p30', null, 99]] };
    const path = await book(
      'ok.xlsx',
      [HEADER, ['HQ', 'sw-1', null, { number: '4.0999999999999996' }, { formula: 'B1*2', value: 10 }], ['HQ', 'sw-2', '720p30', null, 3]],
      {
        sheets: [hidden],
      },
    );
    const r = await size(path, '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.total.cameras).toBe('13');
    expect(json.total.load.bitsPerSecond).toBe(String(10 * 4_100_000 + 3 * 4_000_000));
    expect(json.inventory.sheet).toBe('Cameras');
    const old = await size(path, '--sheet', 'old', '--json');
    expect(JSON.parse(old.stdout).total.cameras).toBe('99');
    const none = await size(path, '--sheet', 'Camras');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no sheet 'Camras' (did you mean 'Cameras'?)");
  });

  it.each([
    [
      'an error value in a column read',
      ['HQ', 'sw-1', '720p30', null, { error: '#REF!' }],
      ":2:5: count (column 'Qty'): cell E2 holds Excel's error #REF!",
    ],
    [
      'a formula saved without its value',
      ['HQ', 'sw-1', '720p30', null, { formula: 'A1*2' }],
      'cell E2 is a formula saved without its value',
    ],
    ['a shared string the workbook lacks', ['HQ', { shared: 999 }, '720p30', null, 1], 'refers to shared string 999'],
    ['a cell past column XFD', [...Array(16_384).fill(null), 'x'], "beyond Excel's last column, XFD"],
  ])('%s is refused', async (_, cells, message) => {
    const r = await size(await book(`bad-${message.length}.xlsx`, [HEADER, cells]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('an error in a column not read is no problem', async () => {
    const r = await size(
      await book('ignored-error.xlsx', [
        [...HEADER, 'Notes'],
        ['HQ', 'sw-1', '720p30', null, 2, { error: '#N/A' }],
      ]),
    );
    expect(r.code, r.stderr).toBe(0);
  });

  it("a row past Excel's 1,048,576 is refused", async () => {
    function* rows() {
      yield HEADER;
      for (let i = 0; i < 1_048_576; i++) yield null;
      yield ['HQ', 'sw-1', '720p30', null, 1];
    }
    const r = await size(await book('tall.xlsx', rows() as unknown as unknown[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("beyond Excel's 1,048,576 rows");
  });
});

describe('hostile archives', () => {
  const good = () => book('good.xlsx', [HEADER, ['HQ', 'sw-1', '720p30', null, 1]]);

  it('a sheet that states more than 4 GiB, or shared strings more than 256 MiB, is refused before it is inflated', async () => {
    const sheet = await size(stating(await good(), 'xl/worksheets/sheet1.xml', 0xffff_fff0));
    expect(sheet.code).toBe(2);
    expect(sheet.stderr).toMatch(
      /part xl\/worksheets\/sheet1\.xml inflates to [\d,]+ MiB, more than 4,096 MiB|inflates \d+ times its packed size/,
    );
    const strings = await size(stating(await good(), 'xl/sharedStrings.xml', 300 << 20));
    expect(strings.code).toBe(2);
    expect(strings.stderr).toMatch(/sharedStrings\.xml inflates/);
  });

  it('a part that inflates past what it states (a lying zip bomb) is refused', async () => {
    const r = await size(stating(await good(), 'xl/worksheets/sheet1.xml', 10));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/camsize: .*: a damaged workbook \(.*too many bytes/);
  });

  it('a zip bomb (a part inflating hundreds of times its packed size past 64 MiB) is refused', async () => {
    async function* spaces() {
      yield HEADER;
      const blank = Array(100).fill({ inline: ' '.repeat(1 << 20) }); // 100 MiB of blanks: deflate packs it about 1,000 times
      yield blank;
    }
    const r = await size(await book('bomb.xlsx', spaces() as unknown as unknown[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inflates \d+ times its packed size: a zip bomb/);
  }, 60_000);

  it('external links, an archive that is no workbook, an encrypted workbook, stdin, a damaged file', async () => {
    const linked = await book('linked.xlsx', [HEADER], { extraParts: [['xl/externalLinks/externalLink1.xml', '<externalLink/>']] });
    expect((await size(linked)).stderr).toContain('links to other workbooks');
    const ods = join(dir, 'not.xlsx');
    writeFileSync(ods, readFileSync(await good()).subarray(0, 200));
    const damaged = await size(ods);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(/not a readable XLSX workbook/);
    const cfb = join(dir, 'locked.xlsx');
    writeFileSync(cfb, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    expect((await size(cfb)).stderr).toContain('an encrypted (password-protected) workbook or an old .xls one');
    const stdin = await runInProcess(['-i', '-'], { input: readFileSync(await good()) });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('an XLSX workbook is read from a file, not from standard input');
  });
});

describe('camsize columns', () => {
  it('shows each column, what it is read as, and the first rows; exit 2 where sizing would refuse', async () => {
    const path = await book('columns.xlsx', [
      ['Harbour cameras'],
      null,
      ['Site', 'Camera model', 'Resolution', 'FPS', 'Qty', 'Mount'],
      ['HQ', 'Dome X', '4MP', 15, 3, 'wall'],
    ]);
    const r = await runInProcess(['columns', path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("sheet 'Cameras'; the header is on line 3 (above it, skipped: line 1 'Harbour cameras')");
    expect(r.stdout).toMatch(/Mount +ignored/);
    expect(r.stdout).toMatch(/4 +HQ +3 +Dome X: estimated: 2560x1440 15 fps h264/);
    const bad = await runInProcess(['columns', await book('columns-bad.xlsx', [['Site', 'Qty', 'Cameras', 'Preset']])]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('both give the count');
  });
});
