// Data from array files (.npz, .npy, IDX) in a DataSpec: the spec is plain JSON saved in every
// run file, so it records where the arrays came from and their SHA-256, never the numbers. The
// arrays are read once into a Dataset and held here, in memory, by content; `loadDataset` finds
// them by the source. Whoever puts a file source in a spec (the CLI, the data worker) holds its
// data first; a run file's source is held again by reading its files and checking the hashes.
import { ImportError } from '../io/import/importError.js';
import { readArrayDataset, type NamedBytes } from './arrays.js';
import type { Dataset } from './dataset.js';

/** One file a data set was read from. */
export interface DataFile {
  /** The file's name, without folders. */
  name: string;
  /** Where it was read from (absolute), when known; a browser gives no paths. */
  path?: string;
  /** SHA-256 of its bytes, lowercase hex. */
  sha256: string;
}

/** Samples from array files: a .npz holding X and y, or X and y as two .npy or IDX files. */
export interface FileSource {
  kind: 'file';
  /** The .npz, or the file of X. */
  data: DataFile;
  /** The file of y, when X and y are two files. */
  labels?: DataFile;
  /** Samples and features the files hold, as read. */
  n: number;
  d: number;
}

/** A data set held in memory under its source's key. */
export interface HeldDataset {
  key: string;
  dataset: Dataset;
}

const held = new Map<string, Dataset>();

/** What identifies a file source's data: the hashes of its files. */
export function fileSourceKey(source: FileSource): string {
  return source.labels ? `${source.data.sha256}+${source.labels.sha256}` : source.data.sha256;
}

/** Reads array files (bytes with their name, path and hash), holds the data set, and answers the source that names it. */
export function holdArrayFiles(data: NamedBytes & DataFile, labels?: NamedBytes & DataFile): FileSource {
  const dataset = readArrayDataset(data, labels);
  const fileOf = ({ name, path, sha256 }: DataFile): DataFile => ({ name, ...(path !== undefined ? { path } : {}), sha256 });
  const source: FileSource = { kind: 'file', data: fileOf(data), ...(labels ? { labels: fileOf(labels) } : {}), n: dataset.n, d: dataset.d };
  held.set(fileSourceKey(source), dataset);
  return source;
}

/** Whether a file source's data is held. */
export function isHeld(source: FileSource): boolean {
  return held.has(fileSourceKey(source));
}

/** The held data set of a file source; throws ImportError when its files were not read in this process. */
export function heldDataset(source: FileSource): Dataset {
  const dataset = held.get(fileSourceKey(source));
  if (!dataset) {
    const files = [source.data, source.labels].flatMap((f) => (f ? [f.path ?? f.name] : [])).join(' and ');
    throw new ImportError(`the data ${source.data.name} (${source.n} × ${source.d}) is not loaded: open ${files} again`);
  }
  return dataset;
}

/** Every held data set, to hand to another thread. */
export function heldDatasets(): HeldDataset[] {
  return [...held].map(([key, dataset]) => ({ key, dataset }));
}

/** Holds data sets another thread read (see heldDatasets). */
export function holdDatasets(list: readonly HeldDataset[]): void {
  for (const { key, dataset } of list) held.set(key, dataset);
}
