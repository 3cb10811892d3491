// The binary form of Losscape's files: an uncompressed .npz (what numpy.savez writes) whose
// member `losscape.json` is the file's JSON with every numeric list (but shapes and single
// numbers) replaced by `{"$npy": name}`, and each such list a float64 `name.npy` member named
// by its place in the JSON. numpy opens it alone:
//   z = np.load('run.npz'); z['params.layers.0.weight']; json.loads(z['losscape.json'])
// Sizes stay within a few kB of the raw float64 bytes, and values round-trip bit for bit.
// A tensor `{shape, data}` is stored with its shape (the run's PyTorch-named parameters); an
// array of equal-length rows (a trajectory, a grid of values) as one 2-D array. JSON holds a
// NaN as null, so null is stored as NaN and NaN is read back as null: a reader sees the same
// values in either form.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { excerpt } from '../errors.js';
import { npyBytes, type NpyArray } from './export/npy.js';
import { zipStored } from './export/npz.js';
import { readNpy } from './import/npy.js';

/** The member that holds the file's JSON. */
export const HEADER = 'losscape.json';
/** Lists shorter than this stay in the JSON, as do shapes: the arrays are the data (an axis of 2 points included). */
const MIN_LENGTH = 2;

type Numeric = (number | null)[];
/** A reference to an array member, in place of the array: a flat list (`$npy`) or a list of rows (`$rows`). */
type ArrayRef = { $npy: string } | { $rows: string };

const isNumeric = (v: unknown): v is Numeric => Array.isArray(v) && v.every((x) => typeof x === 'number' || x === null);
/** The shape of a list of rows of one length (at least one row, one column), or null when `v` is not one. */
function matrix(v: unknown): { rows: number; columns: number } | null {
  if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0])) return null;
  const columns = (v[0] as unknown[]).length;
  return columns > 0 && v.every((row) => isNumeric(row) && row.length === columns) ? { rows: v.length, columns } : null;
}
const isTensor = (v: Record<string, unknown>): v is { shape: number[]; data: Numeric } =>
  isNumeric(v.shape) && isNumeric(v.data) && v.shape.reduce<number>((a, b) => a * (b ?? NaN), 1) === v.data.length;

/** Whether `bytes` start like a zip archive (the binary form) rather than JSON text. */
export function isContainer(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The .npz bytes of a file's JSON value. */
export function packFile(value: unknown): Uint8Array {
  const arrays = new Map<string, NpyArray>();
  const store = (path: string, array: NpyArray, asRows = false): ArrayRef => {
    let name = path || 'array';
    for (let k = 2; arrays.has(name); k++) name = `${path}#${k}`;
    arrays.set(name, array);
    return asRows ? { $rows: name } : { $npy: name };
  };
  const walk = (v: unknown, path: string, key = ''): unknown => {
    const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
    if (key === 'shape') return v;
    if (Array.isArray(v)) {
      const m = matrix(v);
      if (m && m.rows * m.columns >= MIN_LENGTH) return store(path, { data: flatRows(v as Numeric[], m.columns), shape: [m.rows, m.columns] }, true);
      if (isNumeric(v) && v.length >= MIN_LENGTH) return store(path, { data: nanForNull(v), shape: [v.length] });
      return v.map((x, k) => walk(x, at(k)));
    }
    if (typeof v !== 'object' || v === null) return v;
    const object = v as Record<string, unknown>;
    if (isTensor(object) && object.data.length > 0) {
      return { ...object, data: store(path, { data: nanForNull(object.data), shape: object.shape as number[] }) };
    }
    return Object.fromEntries(Object.entries(object).map(([key, x]) => [key, walk(x, at(key), key)]));
  };
  const header = strToU8(JSON.stringify(walk(value, '')));
  return zipStored([[HEADER, header], ...[...arrays].map(([name, array]) => [`${name}.npy`, npyBytes(array)] as [string, Uint8Array])]);
}

function nanForNull(values: Numeric): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) out[k] = values[k] ?? NaN;
  return out;
}

function flatRows(rows: Numeric[], columns: number): Float64Array {
  const out = new Float64Array(rows.length * columns);
  rows.forEach((row, i) => out.set(nanForNull(row), i * columns));
  return out;
}

/** The JSON text of a binary file's header (the arrays left as references), or undefined when it has none or is damaged. */
export function headerOf(bytes: Uint8Array): string | undefined {
  try {
    const header = unzipSync(bytes, { filter: (file) => file.name === HEADER })[HEADER];
    return header && strFromU8(header);
  } catch {
    return undefined;
  }
}

/** The JSON value of a file's .npz bytes; `fail` makes the reader's error from a message. */
export function unpackFile(bytes: Uint8Array, fail: (message: string) => Error): unknown {
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(bytes);
  } catch {
    throw fail('the file is a damaged or truncated archive: its zip structure does not read');
  }
  const header = members[HEADER];
  if (!header) throw fail(`the archive has no ${HEADER}: it is an .npz of arrays, not a Losscape file (open it as data or weights)`);
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(header));
  } catch (e) {
    throw fail(`the archive's ${HEADER} is damaged: the JSON does not parse (${excerpt((e as Error).message, 80)})`);
  }
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    if (typeof v !== 'object' || v === null) return v;
    const object = v as Record<string, unknown>;
    const keys = Object.keys(object);
    if (keys.length === 1 && typeof object.$npy === 'string') return nullForNan(arrayOf(object.$npy).data);
    if (keys.length === 1 && typeof object.$rows === 'string') {
      const { data, shape } = arrayOf(object.$rows);
      if (shape.length !== 2) throw fail(`the archive's array ${excerpt(object.$rows, 80)} has shape [${shape.join(', ')}], expected rows × columns`);
      const values = nullForNan(data);
      return Array.from({ length: shape[0] }, (_, i) => values.slice(i * shape[1], (i + 1) * shape[1]));
    }
    return Object.fromEntries(keys.map((key) => [key, resolve(object[key])]));
  };
  const arrayOf = (name: string) => {
    const member = members[`${name}.npy`];
    if (!member) throw fail(`the archive lacks the array ${excerpt(name, 80)} that its ${HEADER} refers to`);
    let tensor;
    try {
      tensor = readNpy(member, `${name}.npy`);
    } catch (e) {
      throw fail(`the archive's array ${excerpt(name, 80)} is damaged: ${(e as Error).message}`);
    }
    if (tensor.dtype !== '<f8') throw fail(`the archive's array ${excerpt(name, 80)} is ${excerpt(tensor.dtype)}, expected float64 (<f8)`);
    return tensor;
  };
  return resolve(json);
}

function nullForNan(values: Float64Array): Numeric {
  const out: Numeric = new Array<number | null>(values.length);
  for (let k = 0; k < values.length; k++) out[k] = Number.isNaN(values[k]) ? null : values[k];
  return out;
}
