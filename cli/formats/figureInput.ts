/** What `losscape render` reads: a surface or line file (JSON or .npz), or a loss-landscape .h5 surface. */
import { fileFormat, LINE_FORMAT, readLineFile, readSurfaceFile, SURFACE_FORMAT, SURFACE_PART_FORMAT, type LineFile, type SurfaceFile } from '../../engine/io/index.js';
import { CliError } from '../errors.js';
import { readInput } from '../readInput.js';
import { readLossLandscapeH5 } from './h5Surface.js';

export type FigureInput = { kind: 'surface'; file: SurfaceFile } | { kind: 'line'; file: LineFile };

/** Reads `path`: HDF5 by its signature, otherwise a Losscape file (JSON or binary) by its format field. */
export async function readFigureInput(path: string, options: { split?: 'train' | 'test' } = {}): Promise<FigureInput> {
  const bytes = await readInput(path);
  const hdf5 = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a].every((b, k) => bytes[k] === b);
  if (hdf5) {
    const file = await readLossLandscapeH5(path, options);
    return file.format === SURFACE_FORMAT ? { kind: 'surface', file } : { kind: 'line', file: file as LineFile };
  }
  const format = fileFormat(bytes);
  if (format === LINE_FORMAT) return { kind: 'line', file: readLineFile(bytes) };
  if (format === SURFACE_PART_FORMAT) throw new CliError(`${path} is one part of a sharded surface: join the parts with losscape merge first`);
  return { kind: 'surface', file: readSurfaceFile(bytes) };
}
