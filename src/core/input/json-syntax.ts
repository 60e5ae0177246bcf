/**
 * Finds where JSON text first goes wrong, for a message with line and column.
 * Only called after JSON.parse has failed (whose messages give a position for
 * some errors and quote the whole input for others).
 */
import { lineAndColumn } from '../diagnostics/issues.js';

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

export function locateJsonError(text: string): JsonSyntaxError {
  let i = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { offset: i });
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? 'end of input' : `'${text[i]}'`);
  const value = (depth: number): void => {
    if (depth > 10_000) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`unexpected ${describe()} (expected a "quoted" key)`);
        string();
        ws();
        if (text[i] !== ':') fail(`unexpected ${describe()} (expected ':' after a key)`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail("unexpected '}' after ',' (trailing commas are not JSON)");
          continue;
        }
        if (text[i] === '}') return void i++;
        fail(`unexpected ${describe()} (expected ',' or '}')`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail("unexpected ']' after ',' (trailing commas are not JSON)");
          continue;
        }
        if (text[i] === ']') return void i++;
        fail(`unexpected ${describe()} (expected ',' or ']')`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return;
    }
    fail(`unexpected ${describe()} (expected a value)`);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) return void i++;
      if (c === 92) {
        i++;
        if (!/["\\/bfnrtu]/.test(text[i] ?? '')) fail('bad escape in a string');
      } else if (c < 32) {
        fail('unescaped control character or line break in a string');
      }
      i++;
    }
    fail('unterminated string');
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    return { ...lineAndColumn(text, text.length), message: 'invalid JSON' };
  } catch (error) {
    const offset = (error as { offset?: number }).offset ?? i;
    return { ...lineAndColumn(text, offset), message: (error as Error).message };
  }
}
