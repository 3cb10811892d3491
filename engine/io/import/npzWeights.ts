// Model weights from a .npz (numpy.savez of a PyTorch state_dict:
// `np.savez('w.npz', **{k: v.numpy() for k, v in model.state_dict().items()})`).
import { unzipSync } from 'fflate';
import type { StateDict } from '../../nn/index.js';
import { excerpt } from '../../errors.js';
import { ImportError } from './importError.js';
import { readNpy, type NpyTensor } from './npy.js';
import { cleanStateDict } from './stateDict.js';

/** The arrays of a .npz file by name (without `.npy`). */
export function readNpz(bytes: Uint8Array): Record<string, NpyTensor> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportError('this is not a .npz file: it is not a zip archive');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new ImportError(`this .npz file is corrupt or truncated: ${(e as Error).message}`);
  }
  const arrays: Record<string, NpyTensor> = {};
  for (const [file, data] of Object.entries(entries)) {
    if (!file.endsWith('.npy')) throw new ImportError(`this .npz file holds ${excerpt(file)}, which is not a .npy array`);
    arrays[file.slice(0, -4)] = readNpy(data, file);
  }
  if (Object.keys(arrays).length === 0) throw new ImportError('this .npz file holds no arrays');
  return arrays;
}

/** A PyTorch state_dict saved with numpy.savez. */
export function readNpzStateDict(bytes: Uint8Array): StateDict {
  return cleanStateDict(readNpz(bytes));
}
