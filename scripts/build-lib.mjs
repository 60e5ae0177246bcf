// `npm run build:lib`: the library that `import … from 'camsize'` loads, in lib/:
// one ES module and one .d.ts per file of src/ (tsc; type errors are `npm run
// typecheck`'s to report), the validated catalog cache next to them, and the
// two JSON Schemas the package ships (lib/fleet.schema.json, lib/report.schema.json).
// It is separate from dist/, where the bin is built, so the library works the
// same whether or not the bin is bundled.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = join(root, 'lib');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build:lib: ${args.join(' ')} failed\n`);
    process.exit(result.status ?? 1);
  }
}

rmSync(lib, { recursive: true, force: true });
run([join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.lib.json'), '--noCheck']);
run([join(lib, 'io/build-catalog-cache.js')]);
const schemas = {
  'fleet.schema.json': (await import(pathToFileURL(join(lib, 'schema/fleet-schema.js')).href)).fleetJsonSchema(),
  'report.schema.json': (await import(pathToFileURL(join(lib, 'schema/report-schema.js')).href)).reportJsonSchema(),
};
for (const [name, schema] of Object.entries(schemas)) writeFileSync(join(lib, name), `${JSON.stringify(schema, null, 2)}\n`);
