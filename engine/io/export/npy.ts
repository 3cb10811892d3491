// numpy's .npy format, version 1.0: a magic string, a header dict in Python syntax padded
// to 64 bytes, then the raw little-endian array (C order).
import { strToU8 } from 'fflate';
import { ExportError } from './exportError.js';

/** A float64 array for a .npy file: its values in C order and its shape. */
export interface NpyArray {
  data: ArrayLike<number>;
  shape: number[];
}

/** Whether typed arrays are little-endian here (they are on every platform Losscape runs on), so float64 bytes copy as they are. */
export const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** The .npy bytes of a float64 array of `shape` (missing values are NaN). */
export function npyBytes({ data, shape }: NpyArray): Uint8Array {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== data.length) throw new ExportError(`npy: ${data.length} values do not fill shape [${shape.join(', ')}]`);
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': ${dims}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + 8 * size);
  out.set([0x93, ...strToU8('NUMPY'), 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(strToU8(header), 10);
  const start = 10 + header.length;
  if (data instanceof Float64Array && LITTLE_ENDIAN) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), start);
    return out;
  }
  const values = new DataView(out.buffer, start);
  for (let k = 0; k < size; k++) values.setFloat64(8 * k, data[k], true);
  return out;
}
