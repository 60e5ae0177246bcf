/**
 * The names of Object.prototype (`__proto__`, `constructor`, `prototype`,
 * `toString`…) given wherever a word selects something: every option of
 * every command as the commander tree defines it (so a new option is fed
 * them too), attached with `=` and not, every operand, and every key of the
 * fleet format (core/input/fleet-keys.ts) as a value and as a key of the
 * object that holds it, through the command line and the library. A lookup
 * that indexes a plain object with user text finds `Object.prototype`'s
 * members there (issue 22, item 1: `--scene __proto__` was exit 3); here
 * each must be read as the word it is: exit 0, 1 or 2, never 3.
 */
import type { Command as CommandType } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  estimateBitrate,
  formatRate,
  howManyFit,
  normalizeCodec,
  parseBytes,
  parseFleet,
  parseRate,
  parseResolution,
  renderReport,
  size,
} from '../../src/index.js';
import { completionSpec, valueOptions } from '../../src/cli/completion/spec.js';
import { buildProgram } from '../../src/cli/program.js';
import {
  CAMERA_KEYS,
  DISK_KEYS,
  EVENT_KEYS,
  FLEET_KEYS,
  INVENTORY_KEYS,
  LINK_KEYS,
  RECORDER_KEYS,
  ROOT_KEYS,
  SCHEDULE_KEYS,
  SUB_KEYS,
  VIEWER_KEYS,
} from '../../src/core/input/fleet-keys.js';
import { expectCleanExit } from '../helpers/clean-exit.js';
import { runInProcess } from '../helpers/in-process.js';

/** Names every plain object answers to (`prototype` is a function's: a table that is a function has it). */
const NAMES = ['__proto__', 'constructor', 'prototype', 'toString'];

/** The commander tree, with actions that are never run (only its options are read). */
function grammar(): CommandType {
  const none = async () => {};
  const actions = {
    size: none,
    presets: none,
    schema: none,
    estimate: none,
    measure: none,
    completion: none,
    columns: none,
    check: none,
    diff: none,
  };
  return buildProgram('0.0.0', actions, { writeOut: () => {}, writeErr: () => {} });
}

/** A valid start for each command, so that the fed option is what is read. */
const BASES: Record<string, string[][]> = {
  '': [
    ['--preset', '720p30', '--count', '2', '--retention', '7d', '--capacity', '1Gb/s'],
    ['--inventory', 'examples/schedule.csv'],
  ],
  columns: [['columns', 'examples/schedule.csv']],
  estimate: [['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h265']],
  presets: [['presets']],
  measure: [['measure', 'test/fixtures/measure/measurements.csv']],
  schema: [['schema']],
  completion: [['completion', 'bash']],
  check: [['check', 'examples/figure6.json']],
  diff: [['diff', 'examples/figure6.json', 'examples/figure6.json']],
};

/** Options whose value is a file to write: a name there is a file name, written in the working directory. */
const WRITES = new Set(['-o', '--output']);

function cases(): string[][] {
  const spec = completionSpec(grammar(), '0.0.0', []);
  const runs: string[][] = [];
  for (const command of spec.commands) {
    const bases = Object.hasOwn(BASES, command.name) ? BASES[command.name]! : [[command.name]];
    for (const base of bases) {
      for (const option of valueOptions(command)) {
        if (option.names.some((n) => WRITES.has(n))) continue;
        for (const name of NAMES) {
          runs.push([...base, option.names[0]!, name]);
        }
      }
      // Flags, attached: --color=WHEN is one of them.
      for (const option of command.options.filter((o) => o.value === undefined && o.long)) {
        for (const name of NAMES) runs.push([...base, `${option.long}=${name}`]);
      }
      for (const name of NAMES) runs.push(command.name === '' ? [name] : [command.name, name]);
    }
  }
  return runs;
}

describe('Object.prototype names as option values and operands', () => {
  it('every option of every command, from the commander tree, reads them as words (exit 0, 1 or 2)', async () => {
    const runs = cases();
    expect(runs.length).toBeGreaterThan(250);
    // camsize check goes on past a fleet it cannot read (its lines on stdout with exit 2).
    for (const args of runs) expectCleanExit(await runInProcess(args), args, args[0] === 'check');
  });

  it('the cases of issue 22 are exit 2 naming the value', async () => {
    const estimate = ['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h265'];
    for (const [args, said] of [
      [['estimate', '--resolution', 'constructor', '--fps', '15', '--codec', 'h265'], "resolution 'constructor'"],
      [['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'constructor'], "codec 'constructor'"],
      [[...estimate, '--scene', '__proto__'], "scene '__proto__'"],
      [[...estimate, '--quality', 'constructor'], "quality 'constructor'"],
      [['--preset', '720p30', '--count', '2', '--overhead', '__proto__'], "overhead '__proto__'"],
    ] as const) {
      const result = await runInProcess(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(said);
    }
  });
});

/** A fleet that uses every key of the format at least once (checked below, so a new key must be added here). */
function everyKeyFleet(): Record<string, unknown> {
  return {
    $schema: 'https://example.org/fleet.schema.json',
    calibration: 'examples/site-calibration.json',
    project: { name: 'p', customer: 'c', site: 's', author: 'a', revision: 'B', date: '2026-01-15' },
    // How examples/schedule.csv is read when the fleet is sized with it (below, for the variants under "inventory").
    inventory: { columns: { count: 'Qty', ignore: ['Mount'] }, segmentColumns: ['Site', 'Switch'], delimiter: ',', sheet: 'Cameras' },
    linkSpeeds: ['1Gb/s', '10Gb/s'],
    growth: '10%',
    name: 'every key',
    description: 'd',
    link: { up: '1Gb/s', down: '1Gb/s' },
    maxUtilization: 70,
    overhead: 'udp',
    retention: '7d',
    recording: 'continuous',
    schedule: { nightStart: 19, nightHours: 11 },
    viewers: [
      { streams: 2, of: 'site', stream: 'sub', from: 'recorder', multicast: true, stations: 2 },
      { streams: 1, bitrate: '1Mb/s' },
    ],
    segments: [
      {
        name: 'site',
        link: { shared: '1Gb/s' },
        storage: '10TB',
        recorders: [{ name: 'nvr', units: 1, ingest: '1Gb/s', storage: '10TB' }],
        cameras: [
          { preset: '720p30', count: 3, sub: { resolution: '640x360', fps: 10, codec: 'h264', scene: 'low', quality: 'low' } },
          {
            bitrate: '2Mb/s',
            label: 'a',
            sub: '1Mb/s',
            night: '3Mb/s',
            events: { rate: 'x2', duty: 10 },
            count: 2,
            record: 'main',
            recordTo: 'nvr',
          },
          { resolution: '1080p', fps: 15, codec: 'h265', scene: 'high', quality: 'low', count: 1, sub: '500kb/s' },
          { peak: '8Mb/s', average: '3Mb/s', label: 'gate', count: 2, sub: '1Mb/s' },
        ],
      },
      {
        name: 'other',
        recordTo: 'nvr',
        ports: 8,
        poe: '100W',
        maxPoeUtilization: 80,
        recorders: [{ name: 'nvr2', disks: { size: '4TB', raid: 6, count: 4, spares: 0, playback: 1 } }],
        cameras: [{ preset: '720p30', count: 1, poe: 'class 3' }],
      },
    ],
  };
}

type Json = Record<string, unknown>;

/** The schedule the fleet's inventory settings are written for. */
const SCHEDULE = 'examples/schedule.csv';

/** Every object of a document with the path to it. */
function* objects(value: unknown, path: string[] = []): Generator<[Json, string[]]> {
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* objects(item, [...path, String(i)]);
  else if (typeof value === 'object' && value !== null) {
    yield [value as Json, path];
    for (const [key, item] of Object.entries(value)) yield* objects(item, [...path, key]);
  }
}

/** The fleet's text with one change: JSON.stringify writes a `__proto__` key as text, as a user's file would have it. */
function variants(): Array<{ what: string; text: string }> {
  const out: Array<{ what: string; text: string }> = [];
  const base = JSON.stringify(everyKeyFleet());
  const count = [...objects(everyKeyFleet())].length;
  for (let index = 0; index < count; index++) {
    const [object, path] = [...objects(everyKeyFleet())][index]!;
    for (const key of Object.keys(object)) {
      for (const name of NAMES) {
        const copy = JSON.parse(base) as Json;
        const [target] = [...objects(copy)][index]!;
        target[key] = name;
        out.push({ what: `${[...path, key].join('.')} = ${name}`, text: JSON.stringify(copy) });
      }
    }
    for (const name of NAMES) {
      const copy = JSON.parse(base) as Json;
      const [target] = [...objects(copy)][index]!;
      Object.defineProperty(target, name, { value: 1, enumerable: true, configurable: true, writable: true });
      out.push({ what: `${path.join('.')}.${name}: 1`, text: JSON.stringify(copy) });
    }
  }
  return out;
}

describe('Object.prototype names in a fleet file', () => {
  it('the fleet used covers every key of the format', async () => {
    const used = new Set([...objects(everyKeyFleet())].flatMap(([o]) => Object.keys(o)));
    for (const key of [
      ...FLEET_KEYS,
      ...ROOT_KEYS,
      ...CAMERA_KEYS,
      ...VIEWER_KEYS,
      ...RECORDER_KEYS,
      ...DISK_KEYS,
      ...LINK_KEYS,
      ...SUB_KEYS,
      ...SCHEDULE_KEYS,
      ...EVENT_KEYS,
      ...INVENTORY_KEYS,
    ])
      expect(used, key).toContain(key);
    const result = await runInProcess(['-'], { input: JSON.stringify(everyKeyFleet()) });
    expect(result.stderr).toBe('');
    const withSchedule = await runInProcess(['-', '--inventory', SCHEDULE, '--allow-new-segments'], {
      input: JSON.stringify(everyKeyFleet()),
    });
    expect(withSchedule.code, withSchedule.stderr).toBe(0);
    expect(withSchedule.stderr).toContain("ignored columns: 'Building', 'Mount'");
  });

  it('as every value and as a key of every object: the command line and the library refuse or size, never exit 3', async () => {
    const all = variants();
    expect(all.length).toBeGreaterThan(200);
    for (const { what, text } of all) {
      expectCleanExit(await runInProcess(['-', '--flows'], { input: text }), what);
      // The inventory settings are read only with a schedule: size the fleet with one too.
      if (what.startsWith('inventory'))
        expectCleanExit(
          await runInProcess(['-', '--inventory', SCHEDULE, '--allow-new-segments'], { input: text }),
          `${what} (--inventory)`,
        );
      // The library reads the same text through the same reader; `__proto__` is the name JSON.parse treats apart.
      if (!what.includes('__proto__')) continue;
      const error = await size(text).then(
        () => undefined,
        (e: Error) => e,
      );
      if (error) expect(error.name, `${what}: ${error.message}`).toMatch(/^(InputError|UsageError)$/);
    }
  });

  it('the library: settings and parseFleet take them as words', async () => {
    const settings = [
      'maxUtilization',
      'overhead',
      'capacity',
      'as',
      'checkOn',
      'retention',
      'recording',
      'storageOverhead',
      'storageCapacity',
    ];
    for (const name of NAMES) {
      for (const key of settings) {
        const error = await size({ name: 'f', cameras: [{ preset: '720p30', count: 1 }] }, { [key]: name }).then(
          () => undefined,
          (e: Error) => e,
        );
        if (error) expect(error.name, `${key}: ${name}: ${error.message}`).toMatch(/^(InputError|UsageError)$/);
      }
      const calls: Array<() => unknown> = [
        () => estimateBitrate({ resolution: name, fps: 15, codec: 'h264' }),
        () => estimateBitrate({ resolution: '4K', fps: 15, codec: name }),
        () => estimateBitrate({ resolution: '4K', fps: 15, codec: 'h264', scene: name, quality: name }),
        () => formatRate(1n, { unit: name }),
        () => parseRate(`4${name}`),
        () => parseBytes(`4${name}`),
        () => parseResolution(name),
        () => normalizeCodec(name),
      ];
      for (const call of calls) {
        try {
          call();
        } catch (error) {
          expect((error as Error).name, `${name}: ${String(error)}`).toMatch(/^(InputError|UsageError)$/);
        }
      }
      const report = await size({ name: 'f', cameras: [{ preset: '720p30', count: 1 }] });
      await renderReport(report, name as 'table').catch((error: Error) => expect(error.name).toMatch(/^(InputError|UsageError)$/));
      await howManyFit(name, '1Gb/s').catch((error: Error) => expect(error.name).toMatch(/^(InputError|UsageError)$/));
      await parseFleet({ name: 'f', cameras: [{ resolution: '1080p', fps: 15, codec: name, count: 1 }] }).catch((error: Error) =>
        expect(error.name).toMatch(/^(InputError|UsageError)$/),
      );
    }
  });
});
