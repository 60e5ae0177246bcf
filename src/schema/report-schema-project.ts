/** The `--json` report's "project" (report-schema.ts): what the design document is about. */
import { PROJECT_KEYS } from '../core/input/fleet-keys.js';
import { obj, text } from './json-schema-build.js';

/** The fleet file's "project" and the command line's --project …, as given (every field optional). */
export const PROJECT = obj(
  'Present when a project is given: what the design document is about',
  Object.fromEntries(PROJECT_KEYS.map((key) => [key, text(key === 'date' ? 'YYYY-MM-DD' : `The project's ${key}`)])),
  PROJECT_KEYS,
);
