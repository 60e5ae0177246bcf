// camsize's CSV report (stdin) as the few keys of its JSON report that bench/check-totals.mjs and
// bench/inventory.sh read: the total's cameras and load, each segment's path and load. For reports
// too large for --json (a million segments with their hours is gigabytes of JSON); run camsize with
// --night-hours 0 so that each load is the day rate the other tools sum. Where the report has two
// figures (issue 21: a planning preset gives its average and its peak is derived), the load taken is
// the segment's daily average (average_bps): the rate the other tools sum is the one the preset gives.
// camsize --format csv --night-hours 0 --inventory FILE | node bench/csv-report-json.mjs > report.json
import { createInterface } from 'node:readline';

/** One CSV line's fields (RFC 4180 quoting; camsize's reports put no line break inside a field of these rows). */
function fields(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

let head;
const segments = [];
let total;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  const f = fields(line);
  if (!head) {
    head = new Map(f.map((name, i) => [name, i]));
    continue;
  }
  const at = (name) => f[head.get(name)];
  if (at('section') === 'segment') {
    const path = at('segment') === '' ? [] : at('segment').split('/');
    const load = at('average_bps') || at('load_bps');
    segments.push({ path, load: { bitsPerSecond: load } });
    if (path.length === 0) total = { cameras: at('cameras'), load: { bitsPerSecond: load } };
  }
}
process.stdout.write(JSON.stringify({ total, segments }));
