// Reading IDX files, the format of MNIST and Fashion-MNIST (`train-images-idx3-ubyte[.gz]`):
// the magic 00 00 <type> <rank>, rank big-endian uint32 sizes, then the values big-endian.
import { gunzipSync } from 'fflate';
import { ImportError } from '../io/import/importError.js';
import { elementReader, type NpyTensor } from '../io/import/npy.js';

/** IDX type codes as numpy descrs (big-endian). */
const IDX_TYPES: Record<number, string> = { 0x08: '>u1', 0x09: '>i1', 0x0b: '>i2', 0x0c: '>i4', 0x0d: '>f4', 0x0e: '>f8' };

/** Whether bytes start like gzip data (1f 8b). */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Reads an IDX file, gunzipping it first if it is gzipped; `name` goes into error messages. Values as float64 in C order. */
export function readIdx(bytes: Uint8Array, name: string): NpyTensor {
  const raw = isGzip(bytes) ? gunzip(bytes, name) : bytes;
  if (raw.length < 4 || raw[0] !== 0 || raw[1] !== 0) {
    const start = Array.from(raw.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ImportError(`${name} is not an IDX file: it starts with ${start ? `the bytes ${start}` : 'nothing'}, not 00 00 <type> <rank> (MNIST images start 00 00 08 03)`);
  }
  const dtype = IDX_TYPES[raw[2]];
  if (dtype === undefined) {
    throw new ImportError(`${name}: the IDX type code 0x${raw[2].toString(16).padStart(2, '0')} at byte offset 2 is none of 08 (uint8), 09 (int8), 0b (int16), 0c (int32), 0d (float32), 0e (float64)`);
  }
  const rank = raw[3];
  const start = 4 + 4 * rank;
  if (rank === 0) throw new ImportError(`${name}: the IDX rank at byte offset 3 is 0; an IDX file holds an array of rank 1 or more`);
  if (raw.length < start) throw new ImportError(`${name} is truncated: its header of ${rank} sizes ends at byte offset ${start}, the file has ${raw.length} bytes`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const shape = Array.from({ length: rank }, (_, k) => view.getUint32(4 + 4 * k, false));
  const itemSize = Number(dtype.slice(2));
  const needed = shape.reduce((a, b) => a * b, 1) * itemSize;
  const present = raw.length - start;
  if (needed !== present) {
    const problem = needed > present ? 'is truncated' : `has ${present - needed} bytes more than its shape says`;
    throw new ImportError(`${name} ${problem}: shape [${shape.join(', ')}] of ${dtype.slice(1)} needs ${needed} bytes after the header (from byte offset ${start}), the file has ${present}`);
  }
  const read = elementReader(dtype[1], itemSize, false, view)!;
  const data = new Float64Array(needed / itemSize);
  for (let k = 0; k < data.length; k++) data[k] = read(start + k * itemSize);
  return { shape, data, dtype };
}

/** The bytes gzip data decompresses to. */
function gunzip(bytes: Uint8Array, name: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new ImportError(`${name}: the gzip data is corrupt or truncated (${(e as Error).message}); download the file again`);
  }
}
