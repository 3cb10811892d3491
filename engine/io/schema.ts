// Field checkers for the JSON files Losscape reads, applied before anything is computed from
// them: each returns the value it checked, typed, or throws the reader's own error with a
// message that names the file, the field and what was expected, e.g.
//   the run file's "spec.hidden[0].width" must be a whole number ≥ 1, got -3
// JSON cannot hold NaN or ±Inf (a writer turns them into null), so a non-finite number in a
// parsed file came from text such as 1e999 and is refused like any other wrong value.
import { excerpt, shown } from '../errors.js';
import { strFromU8 } from 'fflate';
import { headerOf, isContainer, unpackFile } from './container.js';
import { checkFinite } from './finite.js';

/** Checkers for one file; `file` names it in messages (`the run file`), `fail` makes the reader's error. */
export function schema(file: string, fail: (message: string) => Error) {
  const field = (path: string) => `${file}'s "${path}"`;
  /** Throws: `path` holds `got`, not `what`. */
  const wrong = (path: string, what: string, got: unknown): never => {
    throw fail(`${field(path)} must be ${what}, got ${shown(got)}`);
  };
  const object = (v: unknown, path: string): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : wrong(path, 'an object', v);
  const list = (v: unknown, path: string, length?: number): unknown[] => {
    if (!Array.isArray(v)) return wrong(path, length === undefined ? 'a list' : `a list of ${length}`, v);
    if (length !== undefined && v.length !== length) return wrong(path, `a list of ${length}`, v);
    return v;
  };
  const string = (v: unknown, path: string): string => (typeof v === 'string' ? v : wrong(path, 'text', v));
  const boolean = (v: unknown, path: string): boolean => (typeof v === 'boolean' ? v : wrong(path, 'true or false', v));
  const oneOf = <T extends string>(v: unknown, path: string, options: readonly T[]): T =>
    options.includes(v as T) ? (v as T) : wrong(path, `one of ${options.map((o) => `"${o}"`).join(', ')}`, v);
  /** A finite number; `whole` asks for an integer, `min` for a lower bound. */
  const number = (v: unknown, path: string, { whole = false, min }: { whole?: boolean; min?: number } = {}): number => {
    const ok = typeof v === 'number' && Number.isFinite(v) && (!whole || Number.isSafeInteger(v)) && (min === undefined || v >= min);
    const kind = whole ? 'a whole number' : 'a finite number';
    return ok ? v : wrong(path, min === undefined ? kind : `${kind} ≥ ${min}`, v);
  };
  /**
   * A list of finite numbers (`length` of them, if given); `nulls` also takes null, which is
   * how a writer's JSON holds a NaN it computed (a diverged point).
   */
  function numbers(v: unknown, path: string, options?: { length?: number }): number[];
  function numbers(v: unknown, path: string, options: { length?: number; nulls: true }): (number | null)[];
  function numbers(v: unknown, path: string, { length, nulls = false }: { length?: number; nulls?: boolean } = {}): (number | null)[] {
    const values = list(v, path, length);
    const bad = values.findIndex((x) => typeof x !== 'number' && !(nulls && x === null));
    if (bad >= 0) wrong(`${path}[${bad}]`, nulls ? 'a number or null' : 'a number', values[bad]);
    checkFinite(values.map((x) => (x === null ? 0 : (x as number))), field(path), fail);
    return values as (number | null)[];
  }
  /** Rows × columns numbers or nulls, row by row. */
  const grid = (v: unknown, path: string, rows: number, columns: number): (number | null)[][] =>
    list(v, path, rows).map((row, i) => numbers(row, `${path}[${i}]`, { length: columns, nulls: true }));
  /** At least 2 finite numbers, each greater than the one before. */
  const axis = (v: unknown, path: string): number[] => {
    const values = numbers(v, path);
    if (values.length < 2) wrong(path, 'a list of at least 2 increasing numbers', v);
    const k = values.findIndex((x, i) => i > 0 && !(x > values[i - 1]));
    if (k > 0) throw fail(`${field(path)} must increase, but entry ${k} (${values[k]}) follows ${values[k - 1]}`);
    return values;
  };
  /**
   * Plain JSON whose meaning another module checks where it is used (a recipe's optimizer, a
   * data source): here only that every number in it is finite.
   */
  const json = (v: unknown, path: string): unknown => {
    const stack: [unknown, string][] = [[v, path]];
    while (stack.length) {
      const [value, at] = stack.pop()!;
      if (typeof value === 'number') number(value, at);
      else if (Array.isArray(value)) value.forEach((x, k) => stack.push([x, `${at}[${k}]`]));
      else if (typeof value === 'object' && value !== null) for (const [key, x] of Object.entries(value)) stack.push([x, `${at}.${key}`]);
    }
    return v;
  };
  return { file, fail, field, wrong, object, list, string, boolean, oneOf, number, numbers, grid, axis, json };
}

export type Schema = ReturnType<typeof schema>;

/** What a file reader takes: JSON text, or the file's bytes (JSON text or the binary .npz form, ./container.ts). */
export type FileInput = string | Uint8Array;

/**
 * `input` parsed as JSON, or unpacked from the binary form; else throws `fail` with `notFile`
 * (`this is not a run file`) and the reason, cut short.
 */
export function parseFile(input: FileInput, notFile: string, fail: (message: string) => Error): unknown {
  if (typeof input !== 'string' && isContainer(input)) return unpackFile(input, (m) => fail(`${notFile}: ${m}`));
  try {
    return JSON.parse(typeof input === 'string' ? input : strFromU8(input));
  } catch (e) {
    throw fail(`${notFile}: the JSON does not parse (${excerpt((e as Error).message, 80)})`);
  }
}

/** The `format` field of a file, read from its first 4 kB or its binary form's header; undefined when it has none. */
export function fileFormat(input: FileInput): string | undefined {
  if (typeof input !== 'string' && isContainer(input)) {
    const header = headerOf(input);
    return header === undefined ? undefined : fileFormat(header);
  }
  const text = typeof input === 'string' ? input.slice(0, 4096) : strFromU8(input.subarray(0, 4096));
  return /"format"\s*:\s*"([^"]*)"/.exec(text)?.[1];
}
