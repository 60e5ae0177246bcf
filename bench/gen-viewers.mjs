// node bench/gen-viewers.mjs ENTRIES [unicast] > fleet.json
// A crafted fleet for the viewing worst case (issue 22, item 3): one site of 1,000,000 cameras and
// ENTRIES viewer segments, each watching a different number of its streams (1, 2, … ENTRIES), by
// multicast (or unicast), each in its own segment: every count distinct, every viewer elsewhere.
const entries = Number(process.argv[2] ?? 16000);
const multicast = process.argv[3] !== 'unicast';
const out = [
  '{"name":"viewers","segments":[',
  '{"name":"site","recorders":[{"name":"nvr"}],"cameras":[{"bitrate":"4Mb/s","count":1000000},{"bitrate":"2Mb/s","count":1000000}]}',
];
for (let i = 1; i <= entries; i++) out.push(`,{"name":"v${i}","viewers":[{"streams":${i},"of":"site","multicast":${multicast}}]}`);
out.push(']}');
process.stdout.write(`${out.join('\n')}\n`);
