import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';

describe('progress line', () => {
  it('stays silent for the first second, then rewrites one line, and clears it at the end', () => {
    let clock = 0;
    let written = '';
    const progress = progressLine({ stderr: (t) => void (written += t) }, () => clock);
    clock = 500;
    progress(1_000_000, 50_000_000, false);
    expect(written).toBe('');
    clock = 2_000;
    progress(4_000_000, 190_000_000, false);
    expect(written).toBe('\r\x1b[Kcamsize: 4,000,000 records, 190 MB, 2.00 M records/s');
    progress(5_000_000, 240_000_000, true);
    expect(written.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing at the end of a short read', () => {
    let written = '';
    const progress = progressLine({ stderr: (t) => void (written += t) }, () => 0);
    progress(10, 1000, true);
    expect(written).toBe('');
  });
});
