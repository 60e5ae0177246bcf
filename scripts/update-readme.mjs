// Re-runs every `$ camsize …` line in the ```console blocks of README.md and docs/*.md and writes
// its real output under it (test/e2e/readme.test.ts checks the same). Run
// after changing output: `npm run build && node scripts/update-readme.mjs`.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// The shipped bin, as package.json names it (what test/e2e/readme.test.ts runs too).
const cli = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin.camsize);
const bin = mkdtempSync(join(tmpdir(), 'camsize-bin-'));
writeFileSync(join(bin, 'camsize'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
chmodSync(join(bin, 'camsize'), 0o755);

function run(command) {
  try {
    // Braces: the whole line's stderr, not only its last command's (as test/e2e/readme.test.ts runs it).
    return execFileSync('bash', ['-c', `{ ${command}\n} 2>&1`], {
      cwd: root,
      encoding: 'utf8',
      // As test/e2e/readme.test.ts runs them: a UTF-8 locale and no set width (README_LOCALE).
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        NO_COLOR: '1',
        FORCE_COLOR: '',
        LANG: 'C.UTF-8',
        LC_ALL: '',
        LC_CTYPE: '',
        COLUMNS: '',
      },
    });
  } catch (error) {
    // The docs test insists on exit 0: a failing command must show its exit code (`… || echo "exit $?"`).
    console.error(`${command}: exit ${error.status}: show it in the command (… || echo "exit $?")`);
    process.exitCode = 1;
    return error.stdout;
  }
}

const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
for (const document of documents) {
  const text = readFileSync(join(root, document), 'utf8');
  const updated = text.replace(/```console\n([\s\S]*?)```/g, (_block, body) => {
    const commands = body.split('\n').filter((line) => line.startsWith('$ '));
    const parts = commands.map((line) => `${line}\n${run(line.slice(2)).replace(/\r\n/g, '\n').replace(/\n+$/, '')}`);
    return `\`\`\`console\n${parts.join('\n\n')}\n\`\`\``;
  });
  if (updated !== text) writeFileSync(join(root, document), updated);
}
