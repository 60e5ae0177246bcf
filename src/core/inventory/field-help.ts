/**
 * What each inventory field means, for `camsize help inventory` (and so for
 * docs/inventories.md, which shows it). Typed over the field registry
 * (fields.ts): a field added there without its meaning here does not
 * compile, and the fields are listed in the registry's order.
 */
import { type Field, FIELDS } from './fields.js';

export const FIELD_HELP = {
  segment: {
    meaning: 'Required. A /-separated path such as chongqing/yuzhong/sw-042; the paths build the segment tree.',
    example: 'north/sw-1',
  },
  preset: {
    meaning:
      "A preset id (camsize presets), or a rate instead. With a rate too, the record's rate wins and the profile keeps the preset's name.",
    example: '720p30',
  },
  bitrate: { meaning: 'A per-camera rate with a unit.', example: '2.5Mb/s' },
  mbps: { meaning: 'A per-camera rate in Mb/s, read exactly from its text.', example: '3.5' },
  count: {
    meaning: 'The cameras this record stands for (default 1): a whole number from 0 to 10^15, without a sign.',
    example: '4',
  },
  id: { meaning: "The camera's id: not sized, but --measured matches measurements to cameras by it.", example: 'cam-0001' },
  label: {
    meaning:
      'Names a custom-rate group (a bitrate or an mbps without a preset) in the report. On a record with a preset it names nothing and is ignored, like id, so free text there never splits the sums.',
    example: 'door cams',
  },
} as const satisfies { readonly [field in Field]: { readonly meaning: string; readonly example: string } };

/** The fields and their meanings, in the registry's order. */
export const INVENTORY_REFERENCE: ReadonlyArray<readonly [Field, { readonly meaning: string; readonly example: string }]> = FIELDS.map(
  (field) => [field, FIELD_HELP[field]] as const,
);
