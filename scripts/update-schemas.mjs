// `node scripts/update-schemas.mjs`: regenerates every committed copy of camsize's JSON Schemas from
// the code that makes them (src/schema/), after a change to the fleet format or the --json report.
// The package's own copies (lib/*.schema.json) are made by every build; these are the ones in git,
// which editors and readers of the repository use. test/unit/schema-copies.test.ts fails when a copy
// is stale and names this script.
//
// It builds the library first (scripts/build-lib.mjs), then writes each copy from lib/.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every committed schema copy: the file, and which schema it is (`camsize schema`, `camsize schema --output`). */
export const SCHEMA_COPIES = [
  { file: 'examples/fleet.schema.json', schema: 'fleet' },
  { file: 'examples/report.schema.json', schema: 'report' },
];

/** A schema as the copies are written: two-space JSON and a final newline. */
export const schemaText = (schema) => `${JSON.stringify(schema, null, 2)}\n`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-lib.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const load = async (path) => import(pathToFileURL(join(root, 'lib/schema', path)).href);
  const makers = {
    fleet: (await load('fleet-schema.js')).fleetJsonSchema,
    report: (await load('report-schema.js')).reportJsonSchema,
  };
  for (const { file, schema } of SCHEMA_COPIES) {
    writeFileSync(join(root, file), schemaText(makers[schema]()));
    process.stdout.write(`wrote ${file}\n`);
  }
}
