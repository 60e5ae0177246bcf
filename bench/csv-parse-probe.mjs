// Why camsize has its own CSV scanner: csv-parse (the well-kept choice) on the same job.
// Not a dependency: npm i --no-save csv-parse@5 && node bench/csv-parse-probe.mjs FILE.csv
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
const sums = new Map();
const parser = createReadStream(process.argv[2]).pipe(parse({ columns: false, from_line: 2 }));
for await (const r of parser) sums.set(r[1], (sums.get(r[1]) ?? 0) + Number(r[3]));
console.log(sums.size);
