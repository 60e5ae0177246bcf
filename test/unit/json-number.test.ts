import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonNumber } from '../../src/core/inventory/json-cursor.js';
import { runInProcess } from '../helpers/in-process.js';

const number = (text: string) => isJsonNumber(Buffer.from(text, 'latin1'), 0, text.length);

// A member camsize ignores is still JSON: its number is one JSON.parse takes (an adversarial test
// found '-abc' and '01' accepted in an NDJSON inventory's ignored "id").
describe('isJsonNumber', () => {
  it.each(['0', '-0', '7', '12345', '0.5', '-1.25', '1e3', '1E+3', '2e-7', '-0.0e0'])('takes %s', (t) => expect(number(t)).toBe(true));
  it.each(['', '-', '01', '-01', '+1', '1.', '.5', '1e', '1e+', '-abc', '1.2.3', '0x1', '1-2', 'e5', '--1'])('refuses %s', (t) =>
    expect(number(t)).toBe(false),
  );
  it('agrees with JSON.parse on any text of number characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '-', '+', '.', 'e', 'E'), maxLength: 8 }), (t) => {
        let json = true;
        try {
          json = typeof JSON.parse(t) === 'number';
        } catch {
          json = false;
        }
        expect(number(t)).toBe(json);
      }),
      { numRuns: 5000, seed: 24 },
    );
  });
});

describe('an NDJSON inventory with an ignored member that is not JSON', () => {
  const good = (i: number) => `{"id":${i + 1},"segment":"s/a","preset":"720p30","count":1}`;
  for (const bad of ['-abc', '01', '+1', '1.']) {
    it(`refuses "id":${bad}, early or after many lines alike`, async () => {
      for (const at of [0, 500]) {
        const lines = Array.from({ length: 600 }, (_, i) => good(i));
        lines[at] = lines[at]!.replace(/"id":\d+/, `"id":${bad}`);
        const r = await runInProcess(['-i', '-', '--input-format', 'ndjson', '-q'], { input: `${lines.join('\n')}\n` });
        expect(r.code, `${bad} at line ${at + 1}`).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(`:${at + 1}:7: not a JSON value`);
      }
    });
  }
});
