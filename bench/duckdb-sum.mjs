// Per-segment Mb/s of an inventory with DuckDB (@duckdb/node-api, installed by bench/inventory.sh
// into bench/data/duckdb, not a dependency of camsize): what a user with DuckDB would run.
// node bench/duckdb-sum.mjs FILE bench|real|segments|labels   → "segment mbps" lines, exact (DECIMAL)
// The real layout's preset rates come from bench/gen-inventory.mjs (REAL_RATES); the cardinality
// layouts have its columns. For labels, the sums are made per (segment, preset, label) first, as
// camsize's per-profile sums are (a user asking DuckDB for the profile table would group so).
import { createRequire } from 'node:module';

const require = createRequire(new URL('./data/duckdb/package.json', import.meta.url));
const { DuckDBInstance } = require('@duckdb/node-api');
const [file, layout = 'bench'] = process.argv.slice(2);
const ndjson = /\.(nd)?json$/.test(file);
const quoted = `'${file.replace(/'/g, "''")}'`;

function benchQuery() {
  const source = ndjson
    ? `read_json(${quoted}, format = 'newline_delimited', columns = {id: 'VARCHAR', segment: 'VARCHAR', preset: 'VARCHAR', mbps: 'DECIMAL(18,6)'})`
    : `read_csv(${quoted}, header = true, columns = {id: 'VARCHAR', segment: 'VARCHAR', preset: 'VARCHAR', mbps: 'DECIMAL(18,6)'})`;
  return `SELECT segment, sum(mbps) AS mbps FROM ${source} GROUP BY segment`;
}

async function realQuery(byProfile) {
  const { REAL_RATES } = await import('./inventory-layouts.mjs');
  const rates = Object.entries(REAL_RATES)
    .map(([id, mbps]) => `('${id}', ${mbps}::DECIMAL(18,6))`)
    .join(', ');
  const columns = `{id: 'VARCHAR', site: 'VARCHAR', ip: 'VARCHAR', model: 'VARCHAR', segment: 'VARCHAR', preset: 'VARCHAR', count: 'BIGINT', bitrate: 'VARCHAR', label: 'VARCHAR'}`;
  const source = ndjson
    ? `read_json(${quoted}, format = 'newline_delimited', columns = ${columns})`
    : `read_csv(${quoted}, header = true, columns = ${columns})`;
  // bitrate is "2.5Mb/s" in this layout; a preset row without one takes the preset's rate.
  const rate = `coalesce(replace(r.bitrate, 'Mb/s', '')::DECIMAL(18,6), p.mbps) * coalesce(r.count, 1)`;
  if (byProfile)
    return `WITH p(id, mbps) AS (VALUES ${rates}),
      g AS (SELECT r.segment, r.preset, r.label, sum(${rate}) AS mbps
        FROM ${source} r LEFT JOIN p ON p.id = r.preset GROUP BY r.segment, r.preset, r.label)
      SELECT segment, sum(mbps) AS mbps FROM g GROUP BY segment`;
  return `WITH p(id, mbps) AS (VALUES ${rates})
    SELECT r.segment, sum(${rate}) AS mbps
    FROM ${source} r LEFT JOIN p ON p.id = r.preset GROUP BY r.segment`;
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(layout === 'bench' ? benchQuery() : await realQuery(layout === 'labels'));
const lines = reader.getRows().map(([segment, mbps]) => `${segment} ${mbps}`);
process.stdout.write(`${lines.join('\n')}\n`);
