/**
 * Array files on the command line (`--dataset xy.npz`, `--dataset X.npy --labels y.npy`, an
 * IDX pair): read, hashed and held in memory; the DataSpec records their paths and hashes.
 * A run file's data is found again at the recorded path or next to the run file, and must
 * have the recorded hash.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { holdArrayFiles, isHeld, type DataFile, type DataSpec, type FileSource } from '../../engine/data/index.js';
import { CliError } from '../errors.js';
import { readInput } from '../readInput.js';

/** Whether a `--dataset` value names an array file: .npz, .npy, or IDX (`…-idx3-ubyte`, `….idx1-ubyte`, gzipped or not). */
export function isArrayFileName(name: string): boolean {
  return /\.(npz|npy)$/i.test(name) || /idx\d-ubyte(\.gz)?$/i.test(name);
}

/** Reads the array files named by `--dataset` and `--labels`, holds their data, and answers the source to record. */
export async function arrayFileSource(dataPath: string, labelsPath?: string): Promise<FileSource> {
  const data = await readDataFile(dataPath);
  return holdArrayFiles(data, labelsPath === undefined ? undefined : await readDataFile(labelsPath));
}

/**
 * Makes sure the data of `spec` is held when it comes from array files: each file is read from
 * its recorded path or, failing that, from the folder of `runPath` (a run moved with its data),
 * and must have the hash the spec records.
 */
export async function holdDataOf(spec: DataSpec, runPath?: string): Promise<void> {
  const source = spec.source;
  if (source?.kind !== 'file' || isHeld(source)) return;
  const data = await findDataFile(source.data, runPath);
  const labels = source.labels && (await findDataFile(source.labels, runPath));
  const read = holdArrayFiles(data, labels);
  if (read.n !== source.n || read.d !== source.d) {
    throw new CliError(`${data.path} holds ${read.n} × ${read.d} samples and features, the run ${source.n} × ${source.d}: not the data it was trained on`);
  }
}

/** A file's bytes, name, absolute path and SHA-256. */
async function readDataFile(file: string) {
  const absolute = path.resolve(file);
  const bytes = await readInput(file);
  return { name: path.basename(absolute), path: absolute, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/** The recorded file at its path or next to the run file, checked against its hash. */
async function findDataFile(recorded: DataFile, runPath?: string) {
  const places = [recorded.path, runPath && path.join(path.dirname(path.resolve(runPath)), recorded.name)].filter((p): p is string => !!p);
  let changed: string | undefined;
  for (const place of new Set(places)) {
    const file = await readDataFile(place).catch(() => null);
    if (file?.sha256 === recorded.sha256) return file;
    if (file) changed ??= `${place} has sha256 ${file.sha256.slice(0, 12)}…, not the run's ${recorded.sha256.slice(0, 12)}…`;
  }
  if (changed) throw new CliError(`the run's data file ${recorded.name} has changed: ${changed}; restore the file it was trained on`);
  throw new CliError(`the run's data file ${recorded.name} is missing: it is not at ${[...new Set(places)].join(' nor at ')}; put it back at one of those places`);
}
