// Deterministic generator of a large fleet file for bench/fleet.sh:
// node bench/gen-fleet.mjs SEGMENTS GROUPS [flows] > fleet.json
// With "flows", the same fleet also records at a recorder in each region
// (units "auto" and ingest per unit; no storage or retention, which would add the storage figure the plain fleet does not run), every
// tenth switch records to the next region's recorder, and each region watches
// 16 streams of the next region by multicast on 4 stations.
// 100 regions × (SEGMENTS/100 − 1) switches; groups spread evenly over the
// switches, presets from the report's catalog, a few custom rates; links on
// every switch and region.
const segments = Number(process.argv[2] ?? 100_000);
const groups = Number(process.argv[3] ?? 1_000_000);
const flows = process.argv[4] === 'flows';
const presets = ['720p30', '1080p10-conference', '1080p10-conference-2', '1080p30-ir', '5mp15-panoramic', '4k30', '4k10-night'];
let seed = 20240601;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

const regions = 100;
const switchesPerRegion = Math.max(1, Math.floor(segments / regions) - 1);
const switches = regions * switchesPerRegion;
const out = [];
out.push('{"name":"generated","link":"100Tb/s","segments":[');
let group = 0;
for (let r = 0; r < regions; r++) {
  const next = `region-${(r + 1) % regions}`;
  const regionFlows = flows
    ? `"recorders":[{"name":"nvr-${r}","units":"auto","ingest":"2Gb/s"}],` +
      `"viewers":[{"streams":16,"of":"${next}","multicast":true,"stations":4}],`
    : '';
  out.push(`${r ? ',' : ''}{"name":"region-${r}","link":"1Tb/s",${regionFlows}"segments":[`);
  for (let s = 0; s < switchesPerRegion; s++) {
    const index = r * switchesPerRegion + s;
    const until = Math.floor(((index + 1) * groups) / switches);
    const cams = [];
    for (; group < until; group++) {
      const n = 1 + Math.floor(random() * 8);
      cams.push(
        random() < 0.1
          ? `{"bitrate":"${(1 + Math.floor(random() * 40)) / 4}Mb/s","count":${n},"label":"custom"}`
          : `{"preset":"${presets[Math.floor(random() * presets.length)]}","count":${n}}`,
      );
    }
    const recordTo = flows && s % 10 === 0 ? `"recordTo":"nvr-${(r + 1) % regions}",` : '';
    out.push(`${s ? ',' : ''}{"name":"sw-${s}","link":"10Gb/s",${recordTo}"cameras":[${cams.join(',')}]}`);
  }
  out.push(']}');
}
out.push(']}\n');
process.stdout.write(out.join(''));
