/**
 * The report schema's parts for the flow model: each direction of a
 * segment's link, the flows that cross it (--flows), the recorders and the
 * inverse storage answer (how long a capacity keeps). Additive to
 * schemaVersion 2: every key here is new, none changes.
 */
import { obj, ref, type Schema, text, yes } from './json-schema-build.js';

export const FLOW_DEFS: Record<string, Schema> = {
  direction: obj(
    "One direction of a segment's link",
    {
      load: { ...ref('rate'), description: 'recorded + viewing: what this direction is checked with' },
      recorded: obj('Recorded camera streams crossing, on the wire', {
        bitsPerSecond: ref('whole'),
        mbps: { type: 'number' },
        cameras: { ...ref('whole'), description: 'The cameras they come from' },
      }),
      viewing: { ...ref('rate'), description: 'Live-viewing streams crossing' },
      check: { ...ref('link'), description: "This direction's own check (full-duplex and asymmetric links)" },
      time: { ...ref('time'), description: 'This direction over the day, when rates vary' },
      flows: { type: 'array', items: ref('flow'), description: 'With --flows: what crosses, heaviest first' },
    },
    ['check', 'time', 'flows'],
  ),
  flow: obj(
    'Identical streams crossing a link together: recorded streams to one recorder, or one viewer entry’s streams',
    {
      kind: { enum: ['recorded', 'viewing', 'relay'], description: 'relay: a recorder fetching streams it serves to viewers elsewhere' },
      stream: { enum: ['main', 'sub'] },
      from: ref('flowEnd'),
      to: ref('flowEnd'),
      streams: { ...ref('whole'), description: 'Streams crossing (recorded: cameras)' },
      load: { ...ref('rate'), description: 'Their load on this link' },
      multicast: yes('Present for multicast viewing: each distinct stream crosses once'),
    },
    ['multicast'],
  ),
  flowEnd: {
    description: 'Where a flow starts or ends',
    anyOf: [
      obj('A recorder', { recorder: text('Its name'), path: { type: 'array', items: { type: 'string' } } }),
      obj('A viewers entry', { viewers: { type: 'array', items: { type: 'string' } }, entry: { type: 'integer', minimum: 0 } }, ['entry']),
      obj('The head end beyond the root’s link', { headEnd: yes('Always') }),
      obj('The cameras themselves', { cameras: yes('Always') }),
    ],
  },
  keeps: obj('A storage capacity without a retention: how long it keeps', {
    capacity: ref('bytes'),
    retentionSeconds: {
      anyOf: [ref('whole'), { type: 'null' }],
      description: 'The longest retention that fits, whole seconds; null when nothing is recorded there',
    },
  }),
  recorder: obj(
    'A recorder of the fleet, or the head end beyond the root’s link',
    {
      name: text('Its name (the head end: "head end")'),
      headEnd: yes('Present for the head end'),
      path: { type: ['array', 'null'], items: { type: 'string' }, description: 'The segment it is in; null for the head end' },
      cameras: { ...ref('whole'), description: 'Cameras recording here' },
      ingest: obj(
        'Recorded streams arriving, on the wire',
        {
          bitsPerSecond: ref('whole'),
          mbps: { type: 'number' },
          perUnit: ref('rate'),
          check: { ...ref('link'), description: 'Against units × perUnit at the ceiling' },
        },
        ['perUnit', 'check'],
      ),
      storage: obj(
        'Storage for the retention of the cameras recording here',
        { bytes: ref('whole'), needed: ref('bytes'), required: ref('bytes'), capacity: ref('bytes'), fits: { type: 'boolean' } },
        ['required', 'capacity', 'fits'],
      ),
      storagePerUnit: ref('bytes'),
      keeps: ref('keeps'),
      units: { ...ref('whole'), description: 'Units given, or (unitsAuto) the fewest that hold the ingest and the retention' },
      unitsAuto: yes('Present when units was "auto"'),
      disks: ref('disks'),
      fits: { type: 'boolean', description: 'Present when something was checked' },
    },
    ['headEnd', 'storage', 'storagePerUnit', 'keeps', 'units', 'unitsAuto', 'disks', 'fits'],
  ),
};
