/**
 * Tiny schema checks for IPC payloads. A check returns its input, typed, or throws an
 * `IpcValidationError` naming the offending field. Objects must have exactly the listed
 * keys: a payload with a missing, extra or mistyped field is rejected as a whole.
 */

/** A runtime check that narrows `unknown` to `T`; `where` names the field for errors. */
export type Check<T> = (value: unknown, where: string) => T;

/** The type a check accepts. */
export type Checked<C> = C extends Check<infer T> ? T : never;

/** A payload that does not match its channel's schema. */
export class IpcValidationError extends Error {
  override name = 'IpcValidationError';
}

function fail(where: string, expected: string): never {
  throw new IpcValidationError(`${where}: expected ${expected}`);
}

/** A string of at most `maxLength` characters, optionally matching `pattern`; never contains NUL. */
export function text(maxLength: number, pattern?: RegExp): Check<string> {
  return (value, where) => {
    if (typeof value !== 'string') fail(where, 'a string');
    if (value.length > maxLength) fail(where, `at most ${maxLength} characters`);
    if (value.includes('\0')) fail(where, 'no NUL characters');
    if (pattern && !pattern.test(value)) fail(where, `a string matching ${pattern}`);
    return value;
  };
}

/** A string of at most `maxSize` characters or a `Uint8Array` of at most `maxSize` bytes. */
export function textOrBytes(maxSize: number): Check<string | Uint8Array> {
  return (value, where) => {
    if (typeof value !== 'string' && !(value instanceof Uint8Array)) fail(where, 'a string or a Uint8Array');
    const size = typeof value === 'string' ? value.length : value.byteLength;
    if (size > maxSize) fail(where, `at most ${maxSize} characters or bytes`);
    return value;
  };
}

/** An array of at most `maxLength` items, each passing `item`. */
export function arrayOf<T>(item: Check<T>, maxLength: number): Check<T[]> {
  return (value, where) => {
    if (!Array.isArray(value)) fail(where, 'an array');
    if (value.length > maxLength) fail(where, `at most ${maxLength} items`);
    return value.map((v, i) => item(v, `${where}[${i}]`));
  };
}

/** A plain object with exactly the keys of `shape`, each passing its check. */
export function object<S extends Record<string, Check<unknown>>>(
  shape: S,
): Check<{ [K in keyof S]: Checked<S[K]> }> {
  const keys = Object.keys(shape);
  return (value, where) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'an object');
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) fail(where, 'a plain object');
    const extra = Object.keys(value).filter((k) => !keys.includes(k));
    if (extra.length > 0) fail(where, `no field ${extra.map((k) => JSON.stringify(k)).join(', ')}`);
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (!(key in record)) fail(`${where}.${key}`, 'a value (field is missing)');
      out[key] = shape[key](record[key], `${where}.${key}`);
    }
    return out as { [K in keyof S]: Checked<S[K]> };
  };
}

/** One of the listed strings. */
export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (value, where) => {
    if (!(values as readonly unknown[]).includes(value)) fail(where, `one of ${values.join(', ')}`);
    return value as T;
  };
}
