// The obvious Node script a user would write: readline + JSON.parse per line,
// Mb/s summed per segment (the baseline's node-naive-segment-ndjson).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const sums = new Map();
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (line === '') continue;
  const record = JSON.parse(line);
  sums.set(record.segment, (sums.get(record.segment) ?? 0) + record.mbps);
}
for (const [segment, mbps] of sums) console.log(segment, mbps);
