/**
 * The measurements CSV: a header row, then one measured camera (or group) per
 * row. Columns (any order; others are ignored):
 *
 *   segment   which     the fleet segment's path, e.g. north/sw-1
 *   preset    group:    and the group of that segment: a preset id …
 *   label     these …   … or a bit-rate group's label
 *   camera    … or this the camera's id (matched to an inventory's `id`)
 *   rate      required  the measured average with its unit, e.g. 4.2Mb/s
 *   duration  required  how long it was averaged over, e.g. 24h, 90m, 7d
 *   start     optional  when the measurement started (kept as written)
 *
 * A row names its group by segment and preset or label, or by camera id
 * (with an inventory, which says where each camera is), or both.
 *
 * RFC 4180 quoting ("" inside quotes), CRLF or LF, an optional UTF-8 BOM.
 */
import { InputError } from '../diagnostics/errors.js';
import { parseRate } from '../numbers/rate.js';
import { checkMeasuredRate, type Measurement, parseMeasuredDuration } from './measurement.js';

/** Splits CSV text into rows of fields, with the 1-based line each row starts on. */
export function csvRows(text: string): Array<{ line: number; fields: string[] }> {
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRow();
      rowLine = ++line;
    } else field += c;
  }
  if (quoted) throw new InputError(`line ${rowLine}: a quoted field is not closed`);
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

const REQUIRED = ['rate', 'duration'] as const;

export function measurementsFromCsv(text: string, file: string): Measurement[] {
  const [header, ...rows] = csvRows(text);
  if (!header) throw new InputError(`${file}: empty (expected a header row: segment,preset,rate,duration)`);
  const index = new Map(header.fields.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing: string[] = REQUIRED.filter((c) => !index.has(c));
  const byGroup = index.has('segment') && (index.has('preset') || index.has('label'));
  if (!byGroup && !index.has('camera')) missing.push(index.has('segment') ? 'preset or label' : 'segment (with preset or label) or camera');
  if (missing.length > 0)
    throw new InputError(`${file}:${header.line}: missing column ${missing.join(', ')} (header: ${header.fields.join(',')})`);
  const issues: string[] = [];
  const out: Measurement[] = [];
  for (const { line, fields } of rows) {
    const get = (name: string) => {
      const i = index.get(name);
      const v = i === undefined ? undefined : fields[i]?.trim();
      return v === '' ? undefined : v;
    };
    const at = `${file}:${line}`;
    try {
      const segment = get('segment');
      const preset = get('preset');
      const label = get('label');
      const camera = get('camera');
      if (!segment && !camera) throw new InputError('segment: empty (give the segment and its preset or label, or the camera id)');
      if (segment && !preset && !label && !camera) throw new InputError('preset or label: one is needed to say which group of the segment');
      const rate = get('rate');
      const duration = get('duration');
      if (!rate) throw new InputError('rate: empty');
      if (!duration) throw new InputError('duration: empty');
      const bitsPerSecond = attempt('rate', () => checkMeasuredRate(parseRate(rate)));
      const durationSeconds = attempt('duration', () => parseMeasuredDuration(duration));
      const start = get('start');
      out.push({
        source: 'csv',
        file,
        where: `line ${line}`,
        ...(segment ? { segment } : {}),
        ...(preset ? { preset } : {}),
        ...(label ? { label } : {}),
        ...(camera ? { camera } : {}),
        ...(start ? { start } : {}),
        bitsPerSecond,
        durationSeconds,
        basis: 'measured average from a measurements CSV',
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(`${at}: ${error.message}`);
    }
  }
  if (issues.length > 0) throw new InputError(issues[0]!, issues);
  return out;
}

function attempt<T>(column: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${column}: ${error.message}`);
    throw error;
  }
}
