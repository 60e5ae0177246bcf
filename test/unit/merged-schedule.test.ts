/** A fleet's "inventory" settings under the ones given: field by field, headers compared as the column plan finds them. */
import { describe, expect, it } from 'vitest';
import { mergedSchedule } from '../../src/api/inventory-read.js';

describe('mergedSchedule', () => {
  it("keeps the fleet's mappings for the fields and headers the given mapping does not name", () => {
    const fleet = {
      columns: [
        ['count', 'Anzahl'],
        ['segment', 'Standort'],
        ['label', 'Kamera'],
      ] as const,
      delimiter: ';' as const,
    };
    expect(mergedSchedule(fleet, { columns: [['label', 'Switch']] })).toEqual({
      columns: [
        ['count', 'Anzahl'],
        ['segment', 'Standort'],
        ['label', 'Switch'],
      ],
      delimiter: ';',
    });
  });

  it('takes a header with its unit as the same header ("Bitrate (Mbps)" is "Bitrate"), as the column plan finds it', () => {
    const fleet = {
      columns: [
        ['bitrate', 'Bitrate (Mbps)'],
        ['count', 'Qty'],
      ] as const,
    };
    expect(mergedSchedule(fleet, { columns: [['ignore', 'Bitrate']] }).columns).toEqual([
      ['count', 'Qty'],
      ['ignore', 'Bitrate'],
    ]);
  });
});
