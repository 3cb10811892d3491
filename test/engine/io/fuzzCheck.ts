// What every reader must do with any input, valid or hostile (issue #16): end in one of the
// app's own errors, with a message a user can read, or return a value whose every number
// is finite. Shared by the fuzz tests of the readers.
import fc from 'fast-check';
import { LosscapeError } from '../../../engine/errors.js';

/** The seed of every fuzz test, so a failure replays. */
export const FUZZ_SEED = 16;

/**
 * Words of JavaScript's own messages (a TypeError, a RangeError, a raw JSON.parse error):
 * none may reach the user. The JSON parser's reason is allowed only where the reader says
 * what happened first, in "the JSON does not parse (…)".
 */
const INTERNAL = /is not a function|Cannot read propert|Cannot convert|is not iterable|Invalid typed array length|Invalid array length|out of bounds|outside the bounds|undefined|\[object Object\]|Maximum call stack|is not defined|Unexpected token|Unexpected end|is not valid JSON|Unexpected non-whitespace|Bad control character|Expected property name|Unterminated string|in JSON at position/;
/** Characters that make a message unreadable on one terminal line (a CsvError lists its lines with \n). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f\ufffd]/;

/** Why `message` is not one a user should see, or null when it is fine. */
export function internalPart(message: string): string | null {
  const own = message.replace(/the JSON does not parse \(.*\)/s, 'the JSON does not parse (…)');
  if (own.trim() === '') return 'it is empty';
  const internal = INTERNAL.exec(own);
  if (internal) return `it holds JavaScript's "${internal[0]}"`;
  const unprintable = UNPRINTABLE.exec(message);
  if (unprintable) return `it holds the unprintable character U+${unprintable[0].charCodeAt(0).toString(16).padStart(4, '0')}`;
  return null;
}

/** Where in `value` a number is not finite (typed arrays included), or null when all are. */
export function nonFinitePath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, 'value']];
  const seen = new Set<object>();
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return `${path} = ${v}`;
    } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const array = v as unknown as ArrayLike<number | bigint>;
      for (let i = 0; i < array.length; i++) if (typeof array[i] === 'number' && !Number.isFinite(array[i])) return `${path}[${i}] = ${array[i]}`;
    } else if (typeof v === 'object' && v !== null && !seen.has(v)) {
      seen.add(v);
      for (const [key, x] of Object.entries(v)) stack.push([x, `${path}.${key}`]);
    }
  }
  return null;
}

export type Outcome = 'value' | 'error';

/** Runs `read`; fails the property unless it returns all-finite numbers or throws a readable LosscapeError. */
export function endsCleanly(read: () => unknown): Outcome {
  let value: unknown;
  try {
    value = read();
  } catch (e) {
    if (!(e instanceof LosscapeError)) throw new Error(`not the app's own error: ${String(e)}`, { cause: e });
    const why = internalPart(e.message);
    if (why) throw new Error(`the message "${e.message.slice(0, 300)}" is not for users: ${why}`);
    return 'error';
  }
  const bad = nonFinitePath(value);
  if (bad) throw new Error(`accepted, but ${bad}`);
  return 'value';
}

/**
 * Checks `read` on `runs` inputs from `inputs` (seeded); returns how many ended in a value and
 * how many in an error, so a test can see that both happen.
 */
export function fuzz<T>(inputs: fc.Arbitrary<T>, read: (input: T) => unknown, runs: number): Record<Outcome, number> {
  const outcomes: Record<Outcome, number> = { value: 0, error: 0 };
  fc.assert(
    fc.property(inputs, (input) => {
      outcomes[endsCleanly(() => read(input))]++;
    }),
    { seed: FUZZ_SEED, numRuns: runs },
  );
  return outcomes;
}

/** A valid file cut short and with a few bytes changed. */
export function damaged(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.record({ cut: fc.nat({ max: bytes.length }), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }) }).map(({ cut, flips }) => {
    const out = bytes.slice(0, cut);
    for (const [at, value] of flips) if (out.length) out[at % out.length] = value;
    return out;
  });
}

/** A valid file, whole, with 2 to 8 bytes from `at` set to 0xff (a NaN in float32 or float64 data). */
export function withNaNBytes(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 2, max: 8 })).map(([at, length]) => {
    const out = bytes.slice();
    out.fill(0xff, at, Math.min(at + length, out.length));
    return out;
  });
}

/** Values put in place of a field by `mutatedJson`; the strings `INF` and `-INF` become 1e999 and -1e999 in the text (JSON.parse gives ±Infinity). */
const replacements: unknown[] = ['x', '', -3, 0, 0.5, 1, 2 ** 53, 1e300, -1e300, null, true, [], [1, 'x'], {}, { a: 1 }, 'INF', '-INF', 'losscape.run/1'];

/** Every path into `value` (arrays longer than 3: their first two entries and their last). */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) {
    const keys = value.length > 3 ? [0, 1, value.length - 1] : value.map((_, k) => k);
    for (const k of keys) paths(value[k], [...at, k], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) paths(v, [...at, key], out);
  }
  return out;
}

/**
 * The text of a valid JSON file with 1 to 3 fields changed: replaced by a value of the wrong
 * kind (text, a negative number, null, a list, ±Infinity, …) or deleted.
 */
export function mutatedJson(file: unknown): fc.Arbitrary<string> {
  const all = paths(file).filter((p) => p.length > 0);
  const change = fc.tuple(fc.constantFrom(...all), fc.oneof(fc.constantFrom(...replacements), fc.constant(DELETE)));
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => {
    const copy = JSON.parse(JSON.stringify(file));
    for (const [path, replacement] of changes) {
      let parent = copy;
      for (const key of path.slice(0, -1)) parent = typeof parent === 'object' && parent !== null ? parent[key] : undefined;
      if (typeof parent !== 'object' || parent === null) continue;
      const key = path[path.length - 1];
      if (replacement === DELETE) {
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else delete parent[key];
      } else parent[key] = replacement;
    }
    return JSON.stringify(copy).replace(/"(-?)INF"/g, '$11e999');
  });
}
const DELETE = Symbol('delete');
