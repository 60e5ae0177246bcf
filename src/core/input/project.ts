/**
 * A design document's project (a fleet file's "project", the command line's
 * --project, --customer, --site, --author, --revision, --date): plain text
 * shown at the head of the documents, and a date written YYYY-MM-DD.
 */
import { InputError } from '../diagnostics/errors.js';
import type { Issue } from '../diagnostics/issues.js';
import type { Project } from '../model/fleet.js';
import { PROJECT_KEYS } from './fleet-keys.js';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "2025-06-01" as given, when it is a real day of the calendar; an InputError otherwise. */
export function parseProjectDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (!match || day < 1 || day > days) throw new InputError(`'${text}' is not a date: write it YYYY-MM-DD, e.g. 2025-06-01`);
  return text.trim();
}

/**
 * The fleet file's "project" object: its string fields (a field of another
 * type, or an unknown key, is the schema's to report) and the date checked.
 */
export function projectFromJson(value: unknown, issues: Issue[]): Project | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const project: { -readonly [K in keyof Project]: string } = {};
  for (const key of PROJECT_KEYS) {
    const field = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof field !== 'string' || field.trim() === '') continue;
    if (key !== 'date') {
      project[key] = field;
      continue;
    }
    try {
      project.date = parseProjectDate(field);
    } catch (error) {
      issues.push({ path: ['project', 'date'], message: (error as Error).message });
    }
  }
  return Object.keys(project).length > 0 ? project : undefined;
}
