/**
 * The README is the front door and docs/ the depth: every `$ camsize …` line in
 * their ```console blocks is run (through bash, with `camsize` on PATH) and must
 * print exactly the output shown under it.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
  for (const e of examples) e.output = e.output.replace(/\n+$/, '\n').replace(/^\n$/, '');
  return examples;
}

const bin = mkdtempSync(join(tmpdir(), 'camsize-bin-'));
writeFileSync(join(bin, 'camsize'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
chmodSync(join(bin, 'camsize'), 0o755);

const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

const WITH_EXAMPLES = DOCUMENTS.map((d) => [d, readmeExamples(readFileSync(join(ROOT, d), 'utf8'))] as const).filter(
  ([, e]) => e.length > 0,
);

describe.each(WITH_EXAMPLES)('%s examples', (_document, examples) => {
  it.each(examples.map((e) => [e.command, e]))('$ %s', (_command, example) => {
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', `${(example as Example).command} 2>&1`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', FORCE_COLOR: '', ...README_LOCALE },
    });
    // CSV lines end in CRLF (RFC 4180); the README shows them as plain lines.
    expect(result.stdout.replace(/\r\n/g, '\n').replace(/\n+$/, '\n').replace(/^\n$/, '')).toBe((example as Example).output);
  });
});

describe('the documents', () => {
  it('README and docs/ have examples to run', () => {
    expect(WITH_EXAMPLES.map(([d]) => d)).toContain('README.md');
    expect(WITH_EXAMPLES.flatMap(([, e]) => e).length).toBeGreaterThan(40);
  });
});
