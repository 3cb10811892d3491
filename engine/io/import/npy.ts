// Reading numpy's .npy arrays (versions 1–3): the header dict, then the raw data in any
// numeric dtype and either byte order, C or Fortran order, converted to float64 in C order.
import { excerpt } from '../../errors.js';
import { LITTLE_ENDIAN } from '../export/npy.js';
import { ImportError } from './importError.js';

export interface NpyTensor {
  shape: number[];
  /** The values in C order, as float64. */
  data: Float64Array;
  /** numpy's descr, e.g. `<f4`. */
  dtype: string;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** Whether bytes start like a .npy file. */
export function isNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((b, k) => bytes[k] === b);
}

/** Decodes one element of `kind`/`size` at `at` (an IEEE half for f2). */
export function elementReader(kind: string, size: number, little: boolean, view: DataView): ((at: number) => number) | null {
  const key = `${kind}${size}`;
  switch (key) {
    case 'f8': return (at) => view.getFloat64(at, little);
    case 'f4': return (at) => view.getFloat32(at, little);
    case 'f2': return (at) => half(view.getUint16(at, little));
    case 'i1': return (at) => view.getInt8(at);
    case 'i2': return (at) => view.getInt16(at, little);
    case 'i4': return (at) => view.getInt32(at, little);
    case 'i8': return (at) => Number(view.getBigInt64(at, little));
    case 'u1': case 'b1': return (at) => view.getUint8(at);
    case 'u2': return (at) => view.getUint16(at, little);
    case 'u4': return (at) => view.getUint32(at, little);
    case 'u8': return (at) => Number(view.getBigUint64(at, little));
    default: return null;
  }
}

/** An IEEE 754 half-precision number from its 16 bits. */
export function half(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Reads a .npy file; `name` goes into error messages. */
export function readNpy(bytes: Uint8Array, fileName = 'the array'): NpyTensor {
  const name = excerpt(fileName, 200);
  if (bytes.length < 10 || !isNpy(bytes)) throw new ImportError(`${name} is not a .npy array (no \\x93NUMPY magic)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  if (major < 1 || major > 3) throw new ImportError(`${name}: .npy version ${major} is not one numpy writes (1–3)`);
  const headerLength = major === 1 ? view.getUint16(8, true) : bytes.length >= 12 ? view.getUint32(8, true) : Infinity;
  const start = major === 1 ? 10 : 12;
  if (start + headerLength > bytes.length) throw new ImportError(`${name} is truncated: its header runs past the end of the file`);
  let header = '';
  for (let k = start; k < start + headerLength; k++) header += String.fromCharCode(bytes[k]);
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new ImportError(`${name}: the .npy header is not a numpy array header ("${excerpt(header.trim(), 80)}")`);
  }
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new ImportError(`${name}: the shape (${excerpt(shapeText)}) is not a list of sizes`);
  const dtype = /^([<>|=]?)([fiub])(\d+)$/.exec(descr);
  const read = dtype && elementReader(dtype[2], Number(dtype[3]), dtype[1] !== '>', view);
  if (!dtype || !read) throw new ImportError(`${name} has dtype ${excerpt(descr)}; Losscape reads numeric arrays (float, int, uint, bool)`);
  const itemSize = Number(dtype[3]);
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = start + headerLength;
  if (!(count * itemSize <= bytes.length - offset)) {
    throw new ImportError(`${name} is truncated: shape [${shape.join(', ')}] needs ${count * itemSize} bytes, the file has ${bytes.length - offset}`);
  }
  const data = new Float64Array(count);
  // Little-endian float64 (what Losscape writes) is copied as bytes; other dtypes convert one by one.
  if (descr === '<f8' && LITTLE_ENDIAN) new Uint8Array(data.buffer).set(bytes.subarray(offset, offset + 8 * count));
  else for (let k = 0; k < count; k++) data[k] = read(offset + k * itemSize);
  return { shape, data: fortran === 'True' ? fortranToC(data, shape) : data, dtype: descr };
}

/** Reorders column-major values into row-major ones. */
function fortranToC(data: Float64Array, shape: number[]): Float64Array {
  if (shape.length < 2) return data;
  const out = new Float64Array(data.length);
  const index = new Array(shape.length).fill(0);
  for (let c = 0; c < data.length; c++) {
    let f = 0;
    for (let d = shape.length - 1; d >= 0; d--) f = f * shape[d] + index[d];
    out[c] = data[f];
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}
