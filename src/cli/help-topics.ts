/**
 * `camsize help fleet` and `camsize help inventory`: the fleet file's keys and
 * an inventory's fields, written from their single definitions
 * (core/input/fleet-key-help.ts over fleet-keys.ts, core/inventory/field-help.ts
 * over the column table, core/inventory/columns.ts), so that a key or a field cannot be added without
 * showing here. Wrapped to 80 columns, or a narrower terminal.
 */
export interface HelpTopic {
  /** One line for `camsize help`'s list of topics. */
  readonly summary: string;
  /** The topic, `width` columns wide (its tables are loaded only when asked for). */
  readonly text: (width: number) => Promise<string>;
}

export const HELP_TOPICS: ReadonlyMap<string, HelpTopic> = new Map([
  ['fleet', { summary: "a fleet file's keys, object by object", text: fleetHelp }],
  ['inventory', { summary: "an inventory's columns (CSV) or keys (NDJSON, JSON)", text: inventoryHelp }],
]);

/** The topics as `camsize --help` lists them (after the examples). */
export const TOPICS_HELP = `
Help topics:
${[...HELP_TOPICS].map(([name, topic]) => `  camsize help ${name.padEnd(11)} ${topic.summary}`).join('\n')}
`;

/** `text` in lines of at most `width` columns (a longer word stands alone), each after `indent`, the first after `first`. */
function wrap(text: string, width: number, indent: string, first = indent): string[] {
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  // A unit stays with its number: "+5.5 %", not "+5.5" at a line's end.
  for (const word of text.split(/\s+(?!%)/).filter(Boolean)) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      prefix = indent;
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(prefix + line);
  return lines;
}

/** A key and its meaning: the key in a column `column` characters wide, the meaning and an example beside it. */
function entry(key: string, meaning: string, example: string, column: number, width: number): string[] {
  const pad = ' '.repeat(column);
  return [...wrap(meaning, width, pad, `  ${key}`.padEnd(column)), ...wrap(`e.g. ${example}`, width, `${pad}     `, pad)];
}

async function fleetHelp(width: number): Promise<string> {
  const { FLEET_REFERENCE } = await import('../core/input/fleet-key-help.js');
  const column = 2 + Math.max(...FLEET_REFERENCE.flatMap((o) => o.keys.map(([k]) => k.length))) + 2;
  const out = [
    ...wrap(
      'A fleet file is a JSON object: the root segment of a tree of network segments, each with its link, settings, ' +
        'recorders, viewers, camera groups and child segments. Unknown keys are errors (with a did-you-mean), so a ' +
        'typo never silently drops cameras. camsize schema prints the format as JSON Schema; docs/fleet-files.md ' +
        'explains it, and docs/streams.md where streams go.',
      width,
      '',
    ),
  ];
  for (const object of FLEET_REFERENCE) {
    out.push('', ...wrap(`${object.title}${object.note ? `, ${object.note}` : ''}:`, width, ''));
    for (const [key, help] of object.keys) {
      out.push(...entry(key, help.meaning, help.example === undefined ? '' : `"${key}": ${help.example}`, column, width));
    }
  }
  return `${out.join('\n')}\n`;
}

async function inventoryHelp(width: number): Promise<string> {
  const { INVENTORY_REFERENCE } = await import('../core/inventory/field-help.js');
  const column = 2 + Math.max(...INVENTORY_REFERENCE.map(([f]) => f.length)) + 2;
  const out = [
    ...wrap(
      'A camera inventory has one record per camera (or group of cameras): a CSV with a header row (its columns ' +
        'separated by commas, semicolons or tabs), an XLSX workbook, NDJSON (an object per line) or a JSON array of ' +
        'objects, gzip or not, a file or - for standard input, streamed in constant memory. These are its fields, as ' +
        'column names or JSON keys; a header is also read as a field under the other names given (compared without ' +
        'case, blanks, punctuation or a trailing unit in brackets), and --columns FIELD=HEADER reads any other:',
      width,
      '',
    ),
    '',
  ];
  for (const [field, help] of INVENTORY_REFERENCE) {
    const also = help.also.length > 0 ? ` Also: ${help.also.join(', ')}.` : '';
    const where = help.json ? '' : ' (CSV and XLSX only.)';
    out.push(...entry(field, `${help.meaning}${also}${where}`, help.example, column, width));
  }
  out.push(
    '',
    ...wrap(
      'Other columns or keys (ip, mount ...) are ignored and named on stderr, except one that looks like a misspelt ' +
        'field (cout, segmnet): that is an error, because ignoring it would silently count every camera once. camsize ' +
        'columns FILE shows how a file will be read. docs/inventories.md says more: formats, encodings, bad records ' +
        'and --skip-invalid; docs/schedules.md: schedules from spreadsheets.',
      width,
      '',
    ),
  );
  return `${out.join('\n')}\n`;
}
