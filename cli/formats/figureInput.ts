/** What `losscape render` reads: a surface or line file (JSON), or a loss-landscape .h5 surface. */
import { readFile } from 'node:fs/promises';
import { LINE_FORMAT, readLineFile, readSurfaceFile, SURFACE_FORMAT, SURFACE_PART_FORMAT, type LineFile, type SurfaceFile } from '../../engine/io/index.js';
import { CliError } from '../errors.js';
import { readLossLandscapeH5 } from './h5Surface.js';

export type FigureInput = { kind: 'surface'; file: SurfaceFile } | { kind: 'line'; file: LineFile };

/** Reads `path`: HDF5 by its signature, otherwise JSON by its format field. */
export async function readFigureInput(path: string, options: { split?: 'train' | 'test' } = {}): Promise<FigureInput> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const hdf5 = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a].every((b, k) => bytes[k] === b);
  if (hdf5) {
    const file = await readLossLandscapeH5(path, options);
    return file.format === SURFACE_FORMAT ? { kind: 'surface', file } : { kind: 'line', file: file as LineFile };
  }
  const text = new TextDecoder().decode(bytes);
  const format = /"format"\s*:\s*"([^"]*)"/.exec(text.slice(0, 4096))?.[1];
  if (format === LINE_FORMAT) return { kind: 'line', file: readLineFile(text) };
  if (format === SURFACE_PART_FORMAT) throw new CliError(`${path} is one part of a sharded surface: join the parts with losscape merge first`);
  return { kind: 'surface', file: readSurfaceFile(text) };
}
