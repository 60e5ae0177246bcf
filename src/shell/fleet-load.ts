/** Reads a fleet file's text into the fleet model, listing every problem as `file: path: message`. */
import type { Catalog } from '../core/model/catalog.js';
import { InputError } from '../core/diagnostics/errors.js';
import { fleetFromJson } from '../core/input/fleet-json.js';
import type { Fleet } from '../core/model/fleet.js';
import { formatIssue, orderIssues } from '../core/diagnostics/issues.js';
import { locateJsonError } from '../core/input/json-syntax.js';
import { fleetLooksValid } from '../schema/fleet-precheck.js';

export async function loadFleet(text: string, file: string, catalog: Catalog): Promise<Fleet> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors on Windows add a BOM
  if (body.trim() === '') throw new InputError(`${file}: empty input (expected a fleet file: JSON with "name" and "segments")`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const where = locateJsonError(body);
    throw new InputError(`${file}:${where.line}:${where.column}: ${where.message}`);
  }
  const read = fleetFromJson(json, catalog);
  if (read.fleet && fleetLooksValid(json)) return read.fleet; // certainly valid: zod would find nothing
  const { fleetSchema, FLEET_KEYS } = await import('../schema/fleet-schema.js');
  const { fromZodIssues } = await import('../schema/zod-issues.js');
  const structural = fleetSchema.safeParse(json);
  // The value checks come first: where both flag a field, theirs is the more specific message.
  const issues = [...read.issues, ...(structural.success ? [] : fromZodIssues(structural.error.issues, FLEET_KEYS))];
  if (issues.length > 0 || !read.fleet) {
    const lines = orderIssues(issues, FLEET_KEYS).map((issue) => formatIssue(file, issue));
    throw new InputError(lines[0] ?? `${file}: invalid fleet file`, lines);
  }
  return read.fleet;
}
