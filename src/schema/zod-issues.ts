/**
 * Turns zod issues into camsize issues in plain words ("missing (expected a
 * string)" rather than zod's "Invalid input: expected string, received
 * undefined"), with did-you-mean hints for unknown keys. A message a schema
 * wrote itself (`{ error: … }`) is kept as it is.
 */
import { own } from '../core/model/own.js';
import type { z } from 'zod';
import type { Issue } from '../core/diagnostics/issues.js';
import { closest } from '../core/diagnostics/suggest.js';

/** JSON's types in the words of a fleet file's author. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object ({ … })',
  array: 'a list ([ … ])',
  null: 'null',
  undefined: 'nothing',
};

const words = (type: string) => own(TYPE_WORDS, type) ?? type;

/** zod's own messages start with these; anything else was written for camsize. */
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Invalid string|Invalid|Too small|Too big|Unrecognized)/;

/** "a, b or c". */
function oneOf(items: readonly string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`;
}

function sizeWords(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, bound: string, limit: number | bigint): string {
  const exclusive = !issue.inclusive;
  if (issue.origin === 'string')
    return limit === 1 && !exclusive && bound === 'at least' ? 'must not be empty' : `must be ${bound} ${limit} characters`;
  if (issue.origin === 'array') return `must have ${bound} ${limit} item${limit === 1 ? '' : 's'}`;
  return `must be ${exclusive ? (bound === 'at least' ? 'more than' : 'less than') : bound} ${limit}`;
}

/** An issue's message in plain words. */
export function plainMessage(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') return `missing (expected ${words(issue.expected)})`;
      return `expected ${words(issue.expected)}${received ? `, not ${words(received)}` : ''}`;
    }
    case 'invalid_union': {
      const expected = issue.errors.flatMap((branch) => branch.flatMap((i) => (i.code === 'invalid_type' ? [words(i.expected)] : [])));
      return expected.length > 0 ? `expected ${oneOf(expected)}` : 'is not in any of the forms this key takes';
    }
    case 'invalid_value':
      return `expected ${oneOf(issue.values.map((v) => JSON.stringify(v)))}`;
    case 'too_small':
      return sizeWords(issue, 'at least', issue.minimum);
    case 'too_big':
      return sizeWords(issue, 'at most', issue.maximum);
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected form' : `is not a valid ${issue.format}`;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  knownKeys: readonly string[] = [],
  prefix: ReadonlyArray<string | number> = [],
): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((k): k is string | number => typeof k !== 'symbol')];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const near = closest(key, knownKeys, 1);
        // A key of the format in the wrong company (a link's "up" beside "shared"): no hint to spell it as it is.
        const message =
          near[0] === key
            ? `key '${key}' does not go with the others here`
            : `unknown key '${key}'${near[0] ? ` (did you mean '${near[0]}'?)` : ''}`;
        out.push({ path, message });
      }
    } else {
      out.push({ path, message: plainMessage(issue) });
    }
  }
  return out;
}
