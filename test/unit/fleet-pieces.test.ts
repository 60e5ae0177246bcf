/**
 * A large fleet file read in pieces (src/io/fleet-pieces.ts: the camera lists
 * parsed one segment at a time) against the plain path (loadFleet on the
 * whole text): whenever the pieces give a fleet, the plain path gives the
 * same fleet; whenever the plain path refuses a file, the pieces give none
 * (so loadFleet reads it whole and says what it says today). The texts are
 * generated fleets, compact and indented, with the traps of cutting text:
 * ']' and `"cameras":[` inside labels, escaped keys, a key given twice, a
 * list followed by garbage, nested lists. Through loadFleet, texts just under
 * and just over PIECES_MIN_CHARS. The list scan (camera-list-scan.ts) against
 * JSON.parse and the reader on lists written every way JSON allows.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fleetFromJson } from '../../src/core/input/fleet-json.js';
import { CameraListScan } from '../../src/core/input/camera-list-scan.js';
import { cutCameraLists } from '../../src/core/input/fleet-pieces.js';
import { Reader } from '../../src/core/input/fleet-reader.js';
import { groupsOfList } from '../../src/core/input/fleet-segment.js';
import { ownKeys } from '../../src/core/input/key-count.js';
import { locateJsonError } from '../../src/core/input/json-syntax.js';
import { camerasLookValid } from '../../src/schema/fleet-precheck.js';
import type { Catalog } from '../../src/core/model/catalog.js';
import type { Fleet } from '../../src/core/model/fleet.js';
import { loadFleet, wholeFleet } from '../../src/io/fleet-load.js';
import { fleetInPieces, PIECES_MIN_CHARS, PROBE_CHARS, readInPieces } from '../../src/io/fleet-pieces.js';
import { testCatalog } from '../helpers/inventory.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await testCatalog();
});

/** What the plain path makes of a text below the threshold: the fleet, or the error's lines. */
async function plain(text: string): Promise<Fleet | string[]> {
  expect(text.length).toBeLessThan(PIECES_MIN_CHARS);
  try {
    return await loadFleet(Buffer.from(text), 'f.json', catalog);
  } catch (error) {
    const issues = (error as { issues?: string[] }).issues;
    return issues ?? [(error as Error).message];
  }
}

const LABELS = ['pole 12', 'a]b', '[x]', '"cameras":[', 'x\\"cameras\\":[1]', 'cameras', 'é ü', '\\', '}', ':'];
const group = fc.oneof(
  fc.record({ preset: fc.constantFrom('720p30', '4k30', '720p30', 'nope'), count: fc.constantFrom(0, 1, 3, 1024, 1025, -1) }),
  fc.record(
    { bitrate: fc.constantFrom('4Mb/s', '2.5 Mb/s', 'fast'), count: fc.integer({ min: 0, max: 9 }), label: fc.constantFrom(...LABELS) },
    { requiredKeys: ['bitrate', 'count'] },
  ),
);
const cameras = fc.array(group, { maxLength: 5 });
const leaf = fc.record(
  {
    name: fc.constantFrom('sw-1', 'sw-2', 'sw-3', 'cameras'),
    link: fc.constantFrom('10Gb/s', '1Gb/s', '10Mb/s'),
    description: fc.constantFrom('closet', '"cameras": [ ]', 'cameras]'),
    cameras,
  },
  { requiredKeys: ['name'] },
);
const site = fc.record(
  { name: fc.constantFrom('a', 'b', 'c'), link: fc.constantFrom('100Gb/s', '1Gb/s'), cameras, segments: fc.array(leaf, { maxLength: 4 }) },
  { requiredKeys: ['name'] },
);
const fleet = fc.record({ name: fc.constant('f'), link: fc.constant('1Tb/s'), cameras, segments: fc.array(site, { maxLength: 4 }) });

/** Text-level traps: each a rewrite of the JSON text that the cut must survive or decline. */
const TRAPS: Array<(text: string) => string> = [
  (t) => t,
  (t) => t.replace('"cameras"', '"c\\u0061meras"'), // a key spelt with an escape
  (t) => t.replace('"cameras":[', '"cameras":[],"cameras":['), // a key given twice
  (t) => t.replace(/("cameras":\s*\[[^\]]*\])/, '$1 7'), // garbage after a list
  (t) => t.replace('"cameras":[', '"cameras":[[],'), // a nested list
  (t) => t.replace('"cameras":[', '"cameras":5,"x":['), // not a list
  (t) => t.replace('"count":', '"count" :'),
  (t) => t.replace(/\]\}$/, ']'), // truncated
  (t) => t.replace('"cameras":[', '"cameras":\n  [ '),
];

describe('fleet files read in pieces', () => {
  it('give the plain path’s fleet, or none where the plain path refuses (generated fleets and text traps)', async () => {
    let used = 0;
    await fc.assert(
      fc.asyncProperty(fleet, fc.boolean(), fc.nat(TRAPS.length - 1), async (value, indent, trap) => {
        const text = TRAPS[trap]!(JSON.stringify(value, null, indent ? 2 : undefined));
        const fast = fleetInPieces(text, catalog);
        const expected = await plain(text);
        if (fast !== undefined) {
          used++;
          expect(expected).toEqual(fast);
        }
        // A clean valid fleet with a list must take the pieces.
        if (trap === 0 && !Array.isArray(expected) && text.includes('"cameras"')) expect(fast).toBeDefined();
      }),
      { numRuns: 500 },
    );
    expect(used).toBeGreaterThan(20);
  });

  it('cut exactly at the lists: the skeleton with its indices replaced is the text', () => {
    const text = '{"name":"f","cameras" : [ {"preset":"720p30","count":1} ] ,"segments":[{"name":"a","cameras":[]}]}';
    const cut = cutCameraLists(text)!;
    expect(cut.skeleton).toBe('{"name":"f","cameras" : 0 ,"segments":[{"name":"a","cameras":1}]}');
    expect(cut.starts.map((s, i) => text.slice(s, cut.ends[i]))).toEqual(['[ {"preset":"720p30","count":1} ]', '[]']);
    expect(cutCameraLists('{"name":"f"}')).toBeUndefined();
    expect(cutCameraLists('{"a":"\\"cameras":[1]}')).toBeUndefined();
  });

  const big = (chars: number, extra = '') => {
    const segment = (i: number) =>
      `{"name":"sw-${i}","link":"10Gb/s","cameras":[{"preset":"720p30","count":${i % 9}},{"bitrate":"2.5Mb/s","count":2,"label":"pole]"}]}`;
    const head = `{"name":"big","link":"1Tb/s",${extra}"description":"`;
    const parts: string[] = [];
    for (let i = 0, size = head.length + 20; size < chars - 200; i++) {
      parts.push(segment(i));
      size += parts[i]!.length + 1;
    }
    const tail = `","segments":[${parts.join(',')}]}`;
    return head + ' '.repeat(Math.max(0, chars - head.length - tail.length)) + tail;
  };

  it('through loadFleet, just under and just over the threshold: the fleet of the whole text', async () => {
    for (const chars of [PIECES_MIN_CHARS - 1, PIECES_MIN_CHARS, PIECES_MIN_CHARS + 1]) {
      const text = big(chars);
      expect(text.length).toBe(chars);
      const whole = fleetFromJson(JSON.parse(text), catalog).fleet!;
      expect(await loadFleet(Buffer.from(text), 'f.json', catalog)).toEqual(whole);
      expect(fleetInPieces(text, catalog)).toEqual(whole);
    }
  });

  it('over the threshold, a bad file is read whole and refused as before', async () => {
    const cases: Array<[string, string]> = [
      [big(PIECES_MIN_CHARS + 10).replace('"count":3', '"count":3,"count":4'), 'key "count" given twice in one object'],
      [big(PIECES_MIN_CHARS + 10).replace('"preset":"720p30","count":3', '"preset":"720p31","count":3'), "unknown preset '720p31'"],
      [big(PIECES_MIN_CHARS + 10).replace('"count":3}', '"count":3,}'), 'JSON'],
      [big(PIECES_MIN_CHARS + 10).replace('"count":3}', '"count":3,"cout":1}'), 'cout'],
    ];
    // A site calibration (read by the shell before the values) keeps the whole-text path.
    expect(fleetInPieces(big(PIECES_MIN_CHARS + 10, '"calibration":"site.json",'), catalog)).toBeUndefined();
    expect(fleetInPieces(big(PIECES_MIN_CHARS + 10), catalog)).toBeDefined();
    for (const [text, words] of cases) {
      expect(fleetInPieces(text, catalog)).toBeUndefined();
      await expect(loadFleet(Buffer.from(text), 'f.json', catalog)).rejects.toThrow(words);
    }
  });

  /** What a load ends in: the fleet, or the error with every detail (message, issues, code, line, column, cause's absence...). */
  const outcome = async (load: Promise<Fleet>) => {
    try {
      return { fleet: await load };
    } catch (error) {
      const e = error as Error;
      return { ...e, name: e.name, message: e.message, cause: e.cause === undefined ? 'none' : String(e.cause).slice(0, 200) };
    }
  };
  /** `text` with `from` replaced by `to` at its first match from `share` of the text on; a longer `to` takes the room from big()'s padding. */
  const edit = (text: string, share: number, from: string, to: string) => {
    const at = text.indexOf(from, Math.floor(text.length * share));
    expect(at).toBeGreaterThanOrEqual(0);
    const pad = `${' '.repeat(to.length - from.length)}","segments"`;
    const room = to.length > from.length ? text.replace(pad, '","segments"') : text;
    return room.slice(0, at + room.length - text.length) + to + room.slice(at + room.length - text.length + from.length);
  };
  /** The early-err shape: the root's long list written after "segments", a child's short list before it. */
  const parentLast = (chars: number, childList: string) => {
    const head = `{"name":"r","link":"1Tb/s","segments":[{"name":"a","link":"10Gb/s","cameras":${childList}}],"cameras":[`;
    const groups: string[] = [];
    for (let size = head.length + 40; size < chars - 40; size += 32) groups.push(`{"preset":"720p30","count":${groups.length % 10}}`);
    const tail = `],"description":"`;
    const text = `${head}${groups.join(',')}${tail}`;
    return `${text}${' '.repeat(chars - text.length - 2)}"}`;
  };

  it('a refused file costs no second reading: the plain path’s error exactly, a byte either side of the threshold', async () => {
    const cases: Array<[string, (chars: number) => string]> = [
      ['syntax error at the start (the probe)', (n) => edit(big(n), 0, '"name":"big"', '"name" "big"')],
      ['in the first list', (n) => edit(big(n), 0, '},{"bitrate"', '}{,"bitrate"')],
      ['in a list after the probe', (n) => edit(big(n), PROBE_CHARS / n + 0.01, '},{"bitrate"', '} {"bitrate"')],
      ['in the middle', (n) => edit(big(n), 0.5, '},{"bitrate"', '}{,"bitrate"')],
      ['at the end', (n) => edit(big(n), 0.99, '},{"bitrate"', '},,"bitrate"')],
      ['between segments (the skeleton)', (n) => edit(big(n), 0.5, ']},{"name"', ']} {"name"')],
      ['a control character in a label', (n) => edit(big(n), 0.5, '"pole]"', '"po\u0001e]"')],
      ['a bad escape in a label', (n) => edit(big(n), 0.5, '"pole]"', '"p\\qe]"')],
      ['a control character in a name', (n) => edit(big(n), 0.5, '"name":"sw-', '"name":"s\u0001-')],
      ['an unterminated string at the end', (n) => `${big(n).slice(0, n - 3)}"x"`.slice(0, n)],
      ['the last list unclosed', (n) => edit(big(n), 0.99, ']}]}', '}}]}')],
      ['truncated in a list', (n) => big(n + 1000).slice(0, n)],
      ['truncated after the last list', (n) => big(n + 1).slice(0, n)],
      ['garbage after the value', (n) => `${big(n - 2)}{}`],
      [
        'a child’s list broken, the parent’s written after it',
        (n) => parentLast(n, '[{"preset":"720p30","count":1}{"preset":"720p30","count":1}]'),
      ],
      ['the same, valid', (n) => parentLast(n, '[{"preset":"720p30","count":1},{"preset":"720p30","count":1}]')],
      ['a key given twice in the middle', (n) => edit(big(n), 0.5, '"link":"10Gb/s"', '"link":"10Gb/s","link":"10Gb/s"')],
      ['a key given twice in a list', (n) => edit(big(n), 0.5, ',"label":"pole]"', ',"count":2      ')],
      ['a key given twice at the end', (n) => edit(big(n), 0.99, ',"label":"pole]"', ',"count":2      ')],
      ['an unknown preset at the end', (n) => edit(big(n), 0.99, '"preset":"720p30"', '"preset":"720p3X"')],
    ];
    const SYNTAX_IN_A_LIST = [
      'in a list after the probe',
      'in the middle',
      'at the end',
      'a control character in a label',
      'a bad escape in a label',
    ];
    // Just under the threshold loadFleet reads the whole text; from it, in pieces first.
    for (const [name, make] of cases) {
      for (const chars of [PIECES_MIN_CHARS - 1, PIECES_MIN_CHARS]) {
        const text = make(chars);
        expect(text.length, name).toBe(chars);
        const expected = await outcome(wholeFleet(text, 'f.json', catalog));
        expect(await outcome(loadFleet(Buffer.from(text), 'f.json', catalog)), `${name}, ${chars} chars`).toEqual(expected);
        // A syntax error in a list after the probe is located by the pieces: where the whole walk finds it.
        if (chars >= PIECES_MIN_CHARS && SYNTAX_IN_A_LIST.includes(name))
          expect(readInPieces(text, catalog), name).toEqual({ syntax: locateJsonError(text) });
        if (name.includes('twice') || name.startsWith('the same')) {
          // Keys given twice come back as such (the text proven JSON); the valid file is read in pieces.
          const read = readInPieces(text, catalog);
          expect(read && ('fleet' in read ? { fleet: read.fleet } : 'duplicates'), name).toEqual(
            'fleet' in expected ? expected : 'duplicates',
          );
        }
      }
    }
  });

  it('a syntax error the pieces locate is where the whole text’s walk finds it (random damage)', () => {
    const text = big(PIECES_MIN_CHARS + 100);
    let located = 0;
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.constantFrom('', ',', ':', '{', '}', '[', ']', '"', '\\', '\u0001'), (at, put) => {
        const damaged = text.slice(0, at) + put + text.slice(at + 1);
        const read = readInPieces(damaged, catalog);
        if (read && 'syntax' in read) {
          located++;
          expect(() => JSON.parse(damaged)).toThrow();
          expect(read.syntax).toEqual(locateJsonError(damaged));
        }
      }),
      { numRuns: 60, seed: 24 },
    );
    expect(located).toBeGreaterThan(3);
  });

  const BLANKS = ['', ' ', '\n  ', '\t', '\r\n'];
  const COUNTS = ['0', '7', '1023', '1024', '99999', '01', '1.0', '1e2', '-1', '-0', '"3"', 'null'];
  const TEXTS = ['"720p30"', '"4k30"', '"nope"', '""', '"4Mb/s"', '"pole 12"', '"\\u0037"', '"a\\"b"', '"é"', '"\t"', '7'];
  const KEYS = ['"preset"', '"bitrate"', '"count"', '"label"', '"cout"', '"c\\u006funt"', '"presets"'];
  const member = fc
    .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...BLANKS), fc.constantFrom(...BLANKS))
    .chain(([key, b1, b2]) => fc.constantFrom(...(key.includes('ount') ? COUNTS : TEXTS)).map((value) => `${key}${b1}:${b2}${value}`));
  /** Mostly the common groups, keys in any order; sometimes anything of the members above. */
  const common = fc.oneof(
    fc
      .tuple(fc.constantFrom('"720p30"', '"4k30"'), fc.constantFrom(...COUNTS.slice(0, 4)))
      .map(([p, c]) => [`"preset":${p}`, `"count": ${c}`]),
    fc
      .tuple(fc.constantFrom('"4Mb/s"', '"2.5 Mb/s"'), fc.constantFrom('0', '5'), fc.constantFrom(undefined, '"pole 12"', '""'))
      .map(([b, c, l]) => [`"bitrate":${b}`, `"count":${c}`, ...(l === undefined ? [] : [`"label":${l}`])]),
  );
  const element = fc
    .oneof({ weight: 4, arbitrary: common }, { weight: 1, arbitrary: fc.array(member, { maxLength: 4 }) })
    .chain((members) => fc.shuffledSubarray(members, { minLength: members.length }))
    .chain((members) => fc.constantFrom(...BLANKS).map((b) => `{${b}${members.join(`,${b}`)}${b}}`));
  const list = fc.tuple(fc.array(element, { maxLength: 5 }), fc.constantFrom(...BLANKS)).map(([e, b]) => `[${b}${e.join(`${b},`)}${b}]`);

  it('the list scan gives the groups JSON.parse and the reader give, or declines', () => {
    const reader = new Reader(catalog);
    const seen =
      '[{"preset":"720p30","count":1},{"preset":"4k30","count":1},{"bitrate":"4Mb/s","count":1,"label":"pole 12"},{"bitrate":"4Mb/s","count":1}]';
    expect(groupsOfList(JSON.parse(seen), [], reader)).toHaveLength(4);
    let scanned = 0;
    fc.assert(
      fc.property(list, (text) => {
        const got = new CameraListScan(`x${text}x`, reader).list(1, text.length + 1);
        if (got === undefined) return;
        scanned++;
        const parsed: unknown = JSON.parse(text);
        expect(camerasLookValid(parsed)).toBe(true);
        expect(got.keys).toBe(ownKeys(parsed));
        expect(got.groups).toEqual(groupsOfList(parsed, [], reader));
      }),
      { numRuns: 2000 },
    );
    expect(scanned).toBeGreaterThan(200);
    // A preset read for the first time goes the general way (it registers the profile).
    expect(new CameraListScan('[{"preset":"1080p30-ir","count":1}]', reader).list(0, 35)).toBeUndefined();
    // Met before in the same text: matched in place.
    const twice = '[{"preset":"720p30","count":2},{"preset":"720p3","count":2},{"preset":"720p30","count":3}]';
    const scan = new CameraListScan(`${twice}${twice}`, reader);
    expect(scan.list(0, twice.length)).toBeUndefined(); // "720p3" is no preset
    const once = '[{"preset":"720p30","count":2},{"preset":"4k30","count":3}]';
    const again = new CameraListScan(`${once}${once}`, reader);
    expect(again.list(0, once.length)).toEqual(again.list(once.length, 2 * once.length));
    expect(again.list(0, once.length)!.groups).toEqual(groupsOfList(JSON.parse(once), [], reader));
  });
});
