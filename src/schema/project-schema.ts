/** The fleet file's "project" (its keys: PROJECT_KEYS in core/input/fleet-keys.ts): what a design document is about. */
import { z } from 'zod';
import type { ProjectKey } from '../core/input/fleet-keys.js';

const projectText = (what: string) => z.string().min(1).optional().describe(what);
export const project = z
  .strictObject({
    name: projectText('The project, as the design document names it'),
    customer: projectText('Who the design is for'),
    site: projectText('Where the system is installed'),
    author: projectText('Who made the design'),
    revision: projectText('The revision of the design document, e.g. "B" or "1.2"'),
    date: z
      .string()
      .regex(/^\s*\d{4}-\d{2}-\d{2}\s*$/, { error: 'expected a date as YYYY-MM-DD, e.g. "2025-06-01"' })
      .optional()
      .describe("The design document's date, YYYY-MM-DD"),
  } satisfies Record<ProjectKey, z.ZodType>)
  .optional()
  .describe('What the design document is about: shown at the head of the Markdown and HTML reports, carried in JSON');
