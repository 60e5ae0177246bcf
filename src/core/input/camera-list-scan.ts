/**
 * A fleet file's common camera list read straight from its text, with no
 * object per group: each element `{ "preset": "…", "count": N }` of a preset
 * read before, or `{ "bitrate": "…", "count": N, "label": "…" }` (label
 * optional) of a rate and label read before, keys in any order, blanks where
 * JSON allows them. What it accepts is exactly what the general route
 * (JSON.parse of the list, fleetLooksValid's camera check, the reader's fast
 * paths plainPresetGroup/plainRateGroup in fleet-group.ts) would make the
 * same shared group of: N written as a plain whole number below
 * SHARED_COUNTS, strings without escapes or control characters, a non-empty
 * preset and label, no key twice. Anything else in the list (a preset seen
 * for the first time, a sub stream, a count of 2,000 or 1e2) answers
 * undefined, and io/fleet-pieces.ts parses that list. test/unit/fleet-pieces.test.ts
 * holds the two routes equal.
 */
import type { CameraGroup, Profile } from '../model/fleet.js';
import { type Reader, SHARED_COUNTS } from './fleet-reader.js';

const PRESET = 1;
const BITRATE = 2;
const COUNT = 4;
const LABEL = 8;
/** The keys after their opening quote, with the closing one (`"presets"` is not `"preset"`), by their first letter. */
const KEY_P = 'preset"';
const KEY_C = 'count"';
const KEY_B = 'bitrate"';
const KEY_L = 'label"';
const BITS = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const ZERO = 0x30;
const NINE = 0x39;

function blank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Reads the lists of one text (one reader): its fields hold the element being read. */
export class CameraListScan {
  i = 0;
  seen = 0;
  bitrate = '';
  label: string | undefined;
  count = 0;
  /** The preset's profile (undefined: not read before). */
  profile: Profile | undefined;
  /** Preset ids met before in this text, and their profiles. */
  readonly seenIds: string[] = [];
  readonly seenProfiles: Profile[] = [];

  /** Where the list being read ends (after its ']'). */
  end = 0;

  constructor(
    readonly text: string,
    readonly reader: Reader,
  ) {}

  skipBlanks(): number {
    let c = this.text.charCodeAt(this.i);
    while (blank(c)) c = this.text.charCodeAt(++this.i);
    return c;
  }

  /** Where the string whose opening quote is at `i` closes (its closing quote; `i` moved past it), or -1 (escapes, control characters). */
  stringEnd(): number {
    const { text } = this;
    for (let j = this.i + 1; j < this.end; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        this.i = j + 1;
        return j;
      }
      if (c === 0x5c || c < 0x20) return -1;
    }
    return -1;
  }

  /** The text of the string whose opening quote is at `i`, or undefined (see stringEnd). */
  string(): string | undefined {
    const from = this.i + 1;
    const close = this.stringEnd();
    return close < 0 ? undefined : this.text.slice(from, close);
  }

  /** A count written `0` or `[1-9][0-9]*`, below SHARED_COUNTS (anything else: false). */
  number(): boolean {
    const { text } = this;
    let c = text.charCodeAt(this.i);
    if (c < ZERO || c > NINE) return false;
    let n = c - ZERO;
    c = text.charCodeAt(++this.i);
    if (n === 0 && c >= ZERO && c <= NINE) return false;
    while (c >= ZERO && c <= NINE && n < SHARED_COUNTS) {
      n = n * 10 + c - ZERO;
      c = text.charCodeAt(++this.i);
    }
    // A fraction or exponent (JSON.parse would read 1.0 and 1e2 as numbers) or a large count: the general route.
    if (n >= SHARED_COUNTS || c === 0x2e || c === 0x65 || c === 0x45 || (c >= ZERO && c <= NINE)) return false;
    this.count = n;
    return true;
  }

  /** The key at `i` (its opening quote) as its bit, `i` moved past it; 0 for any other key. */
  key(): number {
    const { text } = this;
    const at = this.i + 1;
    let name: string;
    let bit: number;
    switch (text.charCodeAt(at)) {
      case 0x70:
        name = KEY_P;
        bit = PRESET;
        break;
      case 0x63:
        name = KEY_C;
        bit = COUNT;
        break;
      case 0x62:
        name = KEY_B;
        bit = BITRATE;
        break;
      case 0x6c:
        name = KEY_L;
        bit = LABEL;
        break;
      default:
        return 0;
    }
    if (!text.startsWith(name, at)) return 0;
    this.i = at + name.length;
    return bit;
  }

  /** One member `"key": value` at `i`; false for anything the scan does not take. */
  member(): boolean {
    const key = this.key();
    if (key === 0 || (this.seen & key) !== 0) return false;
    this.seen |= key;
    if (this.skipBlanks() !== COLON) return false;
    this.i++;
    const c = this.skipBlanks();
    if (key === COUNT) return this.number();
    if (c !== QUOTE) return false;
    if (key === PRESET) return this.presetValue();
    const value = this.string();
    if (value === undefined) return false;
    if (key === BITRATE) this.bitrate = value;
    else this.label = value;
    return true;
  }

  /**
   * The preset's profile, matched in place against the presets met before in this text (a
   * fleet names a handful), so that most groups make no string; else looked up by its text.
   */
  presetValue(): boolean {
    const { text, seenIds, seenProfiles } = this;
    const from = this.i + 1;
    const close = this.stringEnd();
    if (close < 0) return false;
    for (let k = 0; k < seenIds.length; k++) {
      const id = seenIds[k]!;
      if (id.length === close - from && text.startsWith(id, from)) {
        this.profile = seenProfiles[k];
        return true;
      }
    }
    const id = text.slice(from, close);
    this.profile = id === '' ? undefined : this.reader.knownPreset(id);
    if (this.profile && seenIds.length < 16) {
      seenIds.push(id);
      seenProfiles.push(this.profile);
    }
    return true;
  }

  /** The group of the element at `i` (a '{'), or undefined. */
  element(): CameraGroup | undefined {
    this.seen = 0;
    this.label = undefined;
    this.i++;
    if (this.skipBlanks() !== QUOTE) return undefined;
    for (;;) {
      if (!this.member()) return undefined;
      const c = this.skipBlanks();
      this.i++;
      if (c === 0x7d) break;
      if (c !== COMMA || this.skipBlanks() !== QUOTE) return undefined;
    }
    const { reader, seen } = this;
    let profile: Profile | undefined;
    if (seen === (PRESET | COUNT)) profile = this.profile;
    else if (seen === (BITRATE | COUNT) || seen === (BITRATE | COUNT | LABEL))
      profile = this.label === '' ? undefined : reader.knownCustom(this.bitrate, this.label);
    return profile && reader.smallGroup(profile, this.count);
  }

  /**
   * The groups of the list whose '[' is at `start` and whose ']' is at `end - 1`, and how many keys
   * its objects hold (for the duplicate-key proof, key-count.ts); undefined: read it the general way.
   */
  list(start: number, end: number): { groups: CameraGroup[]; keys: number } | undefined {
    const groups: CameraGroup[] = [];
    let keys = 0;
    this.end = end;
    this.i = start + 1;
    let c = this.skipBlanks();
    if (c === 0x5d) return this.i === end - 1 ? { groups, keys } : undefined;
    for (;;) {
      if (c !== 0x7b) return undefined;
      const group = this.element();
      if (!group) return undefined;
      groups.push(group);
      keys += BITS[this.seen]!;
      c = this.skipBlanks();
      if (c === 0x5d) return this.i === end - 1 ? { groups, keys } : undefined;
      if (c !== COMMA) return undefined;
      this.i++;
      c = this.skipBlanks();
    }
  }
}
