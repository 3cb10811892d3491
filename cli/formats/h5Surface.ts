/**
 * Li et al.'s loss-landscape .h5 surface files, read with h5wasm (the HDF5 library compiled
 * to WebAssembly, reading the host file system in Node); the engine turns the datasets into
 * a surface or line file.
 */
import fs from 'node:fs';
import { fromLossLandscape, lossLandscapeDatasets } from '../../engine/io/import/h5Surface.js';
import { ImportError } from '../../engine/io/import/importError.js';
import type { LineFile, SurfaceFile } from '../../engine/io/index.js';

/**
 * Runs `read` with HDF5's error stack kept off stderr (the library writes it to fd 2 through
 * fs.writeSync); returns its result, or throws an ImportError with HDF5's innermost reason.
 */
function quietly<T>(path: string, read: () => T): T {
  const writeSync = fs.writeSync;
  let stack = '';
  fs.writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd !== 2) return (writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
    const bytes = data as Uint8Array;
    const [offset = 0, length = bytes.length - (offset as number)] = rest as number[];
    stack += Buffer.from(bytes.buffer, bytes.byteOffset + offset, length).toString('utf8');
    return length;
  }) as typeof fs.writeSync;
  try {
    return read();
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // The first error's innermost frame says what HDF5 found wrong: "#011: … bad superblock version number".
    const first = stack.split(/HDF5-DIAG[^\n]*\n/).find((block) => block.trim()) ?? '';
    const reason = first.match(/#\d+:.*?\(\): (.*)/g)?.pop()?.replace(/#\d+:.*?\(\): /, '');
    throw new ImportError(`${path} is not a loss-landscape surface file, or it is damaged: ${reason ?? (e as Error).message}`);
  } finally {
    fs.writeSync = writeSync;
  }
}

/** Reads a loss-landscape .h5 file at `path`. */
export async function readLossLandscapeH5(path: string, options: { split?: 'train' | 'test' } = {}): Promise<SurfaceFile | LineFile> {
  const h5wasm = await import('h5wasm/node');
  await h5wasm.ready;
  return quietly(path, () => {
    const file = new h5wasm.File(path, 'r');
    try {
      return fromLossLandscape(lossLandscapeDatasets(file, h5wasm.Dataset, path), options);
    } finally {
      file.close();
    }
  });
}
