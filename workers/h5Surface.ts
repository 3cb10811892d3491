// Li et al.'s loss-landscape .h5 surface files from their bytes, read with h5wasm (the HDF5
// library compiled to WebAssembly, on its in-memory file system), for the app: the same
// datasets the CLI reads from disk (cli/formats/h5Surface.ts), turned into a surface file by
// the engine. Environment-agnostic; h5wasm loads on first use, so only an .h5 pays for it.
import { fromLossLandscape, lossLandscapeDatasets } from '../engine/io/import/h5Surface.js';
import { ImportError } from '../engine/io/import/importError.js';
import { SURFACE_FORMAT, type SurfaceFile } from '../engine/io/surfaceFile.js';
import type { Dataset as H5Dataset, File as H5File } from 'h5wasm';

let opened = 0;

/** The surface file of a loss-landscape .h5 file's bytes, named `name` in messages; throws an ImportError when it is not one. */
export async function surfaceOfH5(bytes: Uint8Array, name: string): Promise<SurfaceFile> {
  const h5wasm = await import('h5wasm');
  const { FS } = await h5wasm.ready;
  const path = `/losscape-open-${++opened}.h5`;
  FS.writeFile(path, bytes);
  try {
    return readSurface(new h5wasm.File(path, 'r'), h5wasm.Dataset, name);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`${name} is not an HDF5 file, or it is damaged (${(e as Error).message})`);
  } finally {
    FS.unlink(path);
  }
}

/** The surface in an open loss-landscape file; closes the file. */
function readSurface(file: H5File, Dataset: typeof H5Dataset, name: string): SurfaceFile {
  try {
    const surface = fromLossLandscape(lossLandscapeDatasets(file, Dataset, name));
    if (surface.format !== SURFACE_FORMAT) throw new ImportError(`${name} holds a 1D loss curve (it has no ycoordinates), not a surface`);
    return surface;
  } finally {
    file.close();
  }
}
