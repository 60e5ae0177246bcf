import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';

describe('progress line', () => {
  it('stays silent for the first second, then rewrites one line, and clears it at the end', () => {
    let clock = 0;
    let written = '';
    const progress = progressLine({ stderr: (t) => void (written += t) }, () => clock);
    clock = 500;
    progress({ records: 1_000_000, bytes: 50_000_000 }, false);
    expect(written).toBe('');
    clock = 2_000;
    progress({ records: 4_000_000, bytes: 190_000_000 }, false);
    expect(written).toBe('\r\x1b[Kcamsize: 4,000,000 records, 190 MB, 2.00 M records/s');
    progress({ records: 5_000_000, bytes: 240_000_000 }, true);
    expect(written.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing at the end of a short read', () => {
    let written = '';
    const progress = progressLine({ stderr: (t) => void (written += t) }, () => 0);
    progress({ records: 10, bytes: 1000 }, true);
    expect(written).toBe('');
  });

  it('with the size known: a bar, the share read, and the time left at the pace so far', () => {
    let clock = 0;
    let written = '';
    const progress = progressLine({ stderr: (t) => void (written = t) }, () => clock);
    clock = 10_000;
    // A quarter of a 400 MB file in 10 s: 30 s to go (a gzip file's share is of its compressed bytes: `read`, not `bytes`).
    progress({ records: 2_000_000, bytes: 350_000_000, read: 100_000_000, total: 400_000_000 }, false);
    expect(written).toBe('\r\x1b[Kcamsize: ▕█████               ▏  25 % 2,000,000 records, 100 of 400 MB, 0:30 left');
    clock = 3_700_000;
    progress({ records: 2_000_000, bytes: 350_000_000, read: 150_000_000, total: 400_000_000 }, false);
    expect(written).toContain('▕███████▌            ▏  37 %');
    expect(written).toContain('1:42:47 left');
  });

  it('in ASCII when the terminal is not UTF-8', () => {
    let written = '';
    let clock = 0;
    const progress = progressLine({ stderr: (t) => void (written = t) }, () => clock, true);
    clock = 2_000;
    progress({ records: 10, bytes: 5_000_000, read: 2_500_000, total: 5_000_000 }, false);
    expect(written).toBe('\r\x1b[Kcamsize: [##########----------]  50 % 10 records, 2.5 of 5.0 MB, 0:02 left');
  });
});
