/** The `--json` report's "settings" (report-schema.ts): what the numbers were computed with. */
import { obj, ref, text } from './json-schema-build.js';
import { SETTINGS_DESIGN_KEYS } from './report-schema-design.js';

export const SETTINGS = obj(
  'The settings the numbers were computed with',
  {
    overhead: text('Default transport overhead: none, udp, tcp or custom'),
    overheadPercent: { type: 'number' },
    maxUtilizationPercent: { type: 'number' },
    storage: obj(
      'Present when storage is sized',
      {
        retention: text('The default retention, as written (e.g. 30d)'),
        retentionSeconds: ref('whole'),
        recording: text('continuous, or motion N %'),
        overheadPercent: { type: 'number' },
        headroomPercent: { type: 'number', description: 'With --storage-headroom: spare capacity reserved on top' },
        used: {
          type: 'array',
          description: 'The distinct retention and recording settings that segments with cameras use',
          items: obj('A retention and recording in use', {
            retention: { type: 'string' },
            retentionSeconds: ref('whole'),
            recording: { type: 'string' },
          }),
        },
      },
      ['retention', 'retentionSeconds', 'headroomPercent'],
    ),
    ...SETTINGS_DESIGN_KEYS,
  },
  ['storage', ...Object.keys(SETTINGS_DESIGN_KEYS)],
);
