/** The helper that skips (or, under CI, fails) tests whose Debian package is missing: test/helpers/needs.ts. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { file, inCi, missingLine, program } from '../helpers/needs.js';

describe('tests that need a program from a Debian package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'camsize-needs-'));
  writeFileSync(join(dir, 'tmux'), '#!/bin/sh\n');
  chmodSync(join(dir, 'tmux'), 0o755);
  writeFileSync(join(dir, 'zsh'), 'not executable');

  it('finds a program only as an executable file on PATH', () => {
    expect(program('tmux', 'tmux', { PATH: `/nonexistent:${dir}` }).present).toBe(true);
    expect(program('zsh', 'zsh', { PATH: dir }).present).toBe(false);
    expect(program('tmux', 'tmux', { PATH: '' }).present).toBe(false);
    expect(program('tmux', 'tmux', {}).present).toBe(false);
    expect(file(join(dir, 'tmux'), 'tmux').present).toBe(true);
  });

  it('says in one line which package is missing: a skip, or under CI a failure', () => {
    const tmux = program('tmux', 'tmux', { PATH: dir });
    const zsh = program('zsh', 'zsh', { PATH: dir });
    const ffprobe = program('ffprobe', 'ffmpeg', { PATH: dir });
    const ffmpeg = program('ffmpeg', 'ffmpeg', { PATH: dir });
    expect(missingLine([tmux], 'x', false)).toBeUndefined();
    expect(missingLine([zsh, tmux], 'zsh completion', false)).toBe(
      'skipped zsh completion: zsh not found (Debian package zsh: apt-get install zsh)',
    );
    expect(missingLine([ffmpeg, ffprobe, zsh], 'them', false)).toBe(
      'skipped them: ffmpeg, ffprobe, zsh not found (Debian packages ffmpeg, zsh: apt-get install ffmpeg zsh)',
    );
    expect(missingLine([zsh], 'zsh completion', true)).toBe(
      'zsh completion: zsh not found, and CI=true runs every test: install the Debian package zsh (apt-get install zsh; .ci/run does)',
    );
  });

  it('CI is any value of CI but empty, 0 and false', () => {
    expect([{ CI: 'true' }, { CI: '1' }, { CI: 'TRUE' }, { CI: 'yes' }].map(inCi)).toEqual([true, true, true, true]);
    expect([{}, { CI: '' }, { CI: '0' }, { CI: 'false' }].map(inCi)).toEqual([false, false, false, false]);
  });
});
