// Model weights from safetensors (Hugging Face's format, `safetensors.torch.save_file`):
// an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape
// and byte range, then the little-endian data.
import { strFromU8 } from 'fflate';
import type { StateDict } from '../../nn/index.js';
import { excerpt } from '../../errors.js';
import { parseFile } from '../schema.js';
import { ImportError } from './importError.js';
import { elementReader } from './npy.js';
import { cleanStateDict, type RawTensor } from './stateDict.js';

/** safetensors dtypes Losscape reads, as numpy kind and size. */
const DTYPES: Record<string, [string, number]> = {
  F64: ['f', 8], F32: ['f', 4], F16: ['f', 2], BF16: ['bf', 2],
  I64: ['i', 8], I32: ['i', 4], I16: ['i', 2], I8: ['i', 1], U8: ['u', 1], BOOL: ['b', 1],
};

/** The tensors of a safetensors file by name, and its `__metadata__`. */
export function readSafetensors(bytes: Uint8Array): { tensors: Record<string, RawTensor>; metadata: Record<string, string> } {
  if (bytes.length < 8) throw new ImportError('this safetensors file is truncated: it has no header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0, true) + 2 ** 32 * view.getUint32(4, true);
  if (length > bytes.length - 8) throw new ImportError(`this is not a safetensors file, or it is truncated: the header claims ${length} bytes, the file has ${bytes.length - 8}`);
  const header = parseFile(strFromU8(bytes.subarray(8, 8 + length)), 'this is not a safetensors file, or its header is damaged', (m) => new ImportError(m)) as Record<string, unknown>;
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new ImportError('this is not a safetensors file: its header is not a JSON object');
  const data = 8 + length;
  const size = bytes.length - data;
  const tensors: Record<string, RawTensor> = {};
  let metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || !Object.values(entry).every((v) => typeof v === 'string')) {
        throw new ImportError('this safetensors file is damaged: its __metadata__ must map names to text');
      }
      metadata = entry as Record<string, string>;
      continue;
    }
    const label = `tensor "${excerpt(name)}"`;
    const { dtype, shape, data_offsets: offsets } = (entry ?? {}) as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (typeof dtype !== 'string' || !Array.isArray(shape) || !Array.isArray(offsets) || offsets.length !== 2) {
      throw new ImportError(`safetensors ${label} needs dtype, shape and data_offsets`);
    }
    const kind = DTYPES[dtype];
    if (!kind) throw new ImportError(`${label} has dtype ${excerpt(dtype)}; Losscape reads ${Object.keys(DTYPES).join(', ')}`);
    if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new ImportError(`${label} has shape ${excerpt(JSON.stringify(shape))}, not a list of sizes`);
    const [begin, end] = offsets as number[];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (!(Number.isSafeInteger(begin) && Number.isSafeInteger(end) && begin >= 0 && begin <= end && end <= size)) {
      throw new ImportError(`${label}: its bytes ${excerpt(JSON.stringify(offsets))} lie outside the file's ${size} bytes of data (truncated?)`);
    }
    if (end - begin !== count * kind[1]) throw new ImportError(`${label}: shape [${shape.join(', ')}] of ${dtype} needs ${count * kind[1]} bytes, its range holds ${end - begin}`);
    const read = kind[0] === 'bf' ? (at: number) => bfloat16(view.getUint16(at, true)) : elementReader(kind[0], kind[1], true, view)!;
    const values = new Float64Array(count);
    for (let k = 0; k < count; k++) values[k] = read(data + begin + k * kind[1]);
    tensors[name] = { shape: shape as number[], data: values };
  }
  return { tensors, metadata };
}

/** A bfloat16 from its 16 bits: the high half of a float32. */
function bfloat16(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, bits << 16);
  return view.getFloat32(0);
}

/** A PyTorch state_dict saved with safetensors. */
export function readSafetensorsStateDict(bytes: Uint8Array): StateDict {
  return cleanStateDict(readSafetensors(bytes).tensors);
}
