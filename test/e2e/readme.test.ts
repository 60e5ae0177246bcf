/**
 * The README is the front door and docs/ the depth: every `$ camsize …` line in
 * their ```console blocks is run as a reader's shell would run it (bash, with
 * `camsize` on PATH; no pipefail, so a pipeline ends as its last command), and
 *
 * - what it prints, stdout and stderr as a terminal shows them, must be exactly
 *   the output shown under it;
 * - it must exit 0: a command that fails shows so in the command itself, as
 *   `camsize … || echo "exit $?"` (or `; echo "exit $?"`), whose `exit N` line
 *   is part of the output shown;
 * - whatever it writes to stderr must be lines the block shows, in order: no
 *   note, warning or error goes unshown (a command that hides stderr says so,
 *   `2>/dev/null`);
 * - run once more at 80 columns (COLUMNS=80: stdout is a pipe, so camsize fits
 *   its tables to COLUMNS), it must still exit 0 and no table line may be wider
 *   than 80, unless the command asks for the whole width (--wide) or another
 *   format than the terminal table (those are not drawn to fit).
 *
 * And every ```json block there is a fleet file the fleet reader accepts,
 * unless it says it is a part of one (```json fragment); every inline piece of
 * a fleet file in the prose (`"sub": "1Mb/s"`, `{ "preset": "720p30", "count": 3 }`),
 * placed where such a key or object goes, is read without a problem.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/io/catalog-load.js';
import { FLEET_REFERENCE } from '../../src/core/input/fleet-key-help.js';
import { loadFleet } from '../../src/io/fleet-load.js';
import { objectInFleet, placedInFleet } from '../helpers/fleet-snippet.js';
import { CLI, README_LOCALE, ROOT } from '../helpers/run.js';

interface Example {
  command: string;
  output: string;
}

function readmeExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  for (const block of markdown.matchAll(/```console\n([\s\S]*?)```/g)) {
    let current: Example | undefined;
    for (const line of (block[1] ?? '').split('\n')) {
      if (line.startsWith('$ ')) {
        current = { command: line.slice(2), output: '' };
        examples.push(current);
      } else if (current) {
        current.output += `${line}\n`;
      }
    }
  }
  for (const e of examples) e.output = normalized(e.output);
  return examples;
}

/** Output as a block shows it: LF line ends (CSV's CRLF shown as plain lines), no trailing blank lines. */
const normalized = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n+$/, '\n').replace(/^\n$/, '');

const bin = mkdtempSync(join(tmpdir(), 'camsize-bin-'));
writeFileSync(join(bin, 'camsize'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
chmodSync(join(bin, 'camsize'), 0o755);
const ENV = { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', FORCE_COLOR: '', ...README_LOCALE };

function run(command: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The lines of `stderr` that are not lines of `shown`, in order. */
function unshown(stderr: string, shown: string): string[] {
  const lines = shown.split('\n');
  let at = 0;
  const missing: string[] = [];
  for (const line of stderr
    .replace(/\n$/, '')
    .split('\n')
    .filter((l) => l !== '')) {
    const found = lines.indexOf(line, at);
    if (found === -1) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

/** Commands whose output is not a table fitted to the terminal: another format, or --wide (every column, however wide). */
const UNFITTED = /--wide\b|--json\b|(--format[= ]|-f )(json|csv|markdown|html)\b/;
/** A line of a terminal table: Unicode or ASCII borders. */
const TABLE_LINE = /^[┌│├└+|]/;

const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const TEXTS = new Map(DOCUMENTS.map((d) => [d, readFileSync(join(ROOT, d), 'utf8')]));

const WITH_EXAMPLES = DOCUMENTS.map((d) => [d, readmeExamples(TEXTS.get(d)!)] as const).filter(([, e]) => e.length > 0);

describe.each(WITH_EXAMPLES)('%s examples', (_document, examples) => {
  it.each(examples.map((e) => [e.command, e]))('$ %s', (_command, example) => {
    const { command, output } = example as Example;
    // Braces: the whole line's stderr, not only its last command's (`camsize …; echo "exit $?"`).
    const merged = run(`{ ${command}\n} 2>&1`, ENV);
    expect(normalized(merged.stdout)).toBe(output);
    expect(merged.status, `exits ${merged.status}: a command that fails shows it (… || echo "exit $?")`).toBe(0);
    const narrow = run(command, { ...ENV, COLUMNS: '80' });
    expect(narrow.status, 'at 80 columns').toBe(0);
    expect(unshown(narrow.stderr, output), 'stderr the block does not show').toEqual([]);
    if (!UNFITTED.test(command)) {
      // Every table fits 80 columns, with no exception list (issue 23: the recorders table was 107 wide).
      const wide = normalized(narrow.stdout)
        .split('\n')
        .filter((line) => TABLE_LINE.test(line) && [...line].length > 80);
      expect(wide, 'table lines wider than 80 columns at COLUMNS=80').toEqual([]);
    }
  });
});

describe('the documents', () => {
  it('README and docs/ have examples to run', () => {
    expect(WITH_EXAMPLES.map(([d]) => d)).toContain('README.md');
    expect(WITH_EXAMPLES.flatMap(([, e]) => e).length).toBeGreaterThan(40);
  });

  const snippets = [...TEXTS].flatMap(([document, text]) =>
    [...text.matchAll(/```json( fragment)?\n([\s\S]*?)```/g)].filter((m) => !m[1]).map((m, i) => [`${document} #${i + 1}`, m[2]!] as const),
  );
  it.each(snippets)('the JSON of %s is a fleet file the fleet reader accepts', async (name, json) => {
    await expect(loadFleet(Buffer.from(json), name, await loadCatalog())).resolves.toBeDefined();
  });

  const inline = [...TEXTS].flatMap(([document, text]) =>
    [...text.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].flatMap((m) => {
      const fleets = fleetsOf(m[1]!);
      return fleets.length === 0 ? [] : [[`${document}: ${m[1]}`, fleets] as const];
    }),
  );
  it('has inline pieces of fleet files to check', () => {
    expect(inline.length).toBeGreaterThan(10);
  });
  it.each(inline)('%s is valid where it goes', async (_name, fleets) => {
    const catalog = await loadCatalog();
    const problems: string[] = [];
    for (const fleet of fleets) {
      try {
        await loadFleet(Buffer.from(JSON.stringify(fleet)), 'snippet.json', catalog);
        return;
      } catch (error) {
        problems.push(String(error));
      }
    }
    expect.fail(`no place reads it: ${problems.join('; ')}`);
  });
});

/**
 * The fleets an inline code span of the docs can stand for: a `"key": value` of the format, or a whole
 * `{ … }` object whose keys are all of one kind of object, placed where that goes; none for anything else
 * (a JSON report's keys, text with an ellipsis).
 */
function fleetsOf(span: string): Array<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(span.trim().startsWith('{') ? span : `{${span}}`);
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const keys = Object.keys(value);
  if (keys.length === 0) return [];
  const whole = span.trim().startsWith('{');
  return FLEET_REFERENCE.flatMap((object) => {
    const known = new Set(object.keys.map(([k]) => k));
    if (!keys.every((k) => known.has(k) || (object.place === 'root' && FLEET_REFERENCE[1]!.keys.some(([s]) => s === k)))) return [];
    if (whole) return [objectInFleet(object.place, value as Record<string, unknown>)];
    const [key] = keys;
    return keys.length === 1 ? [placedInFleet(object.place, key!, (value as Record<string, unknown>)[key!])] : [];
  });
}
