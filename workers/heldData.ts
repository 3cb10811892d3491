// Array-file data sets in Web Workers: each worker holds its own copy (engine/data/fileSource.ts),
// so the renderer sends every worker the files' bytes once (renderer/session/heldArrays.ts).
// The data worker opens them first: it hashes them, which records them in the DataSpec.
import { holdArrayFiles, type DataFile, type FileSource, type NamedBytes } from '../engine/data/index.js';

/** A file the user opened, as the renderer keeps it; `sha256` once the data worker has hashed it. */
export interface ArrayFileBytes extends NamedBytes {
  path?: string;
  sha256?: string;
}

export const heldDataEndpoint = {
  /** Hashes and reads array files (a .npz, or X and y), holds the data set, and answers its source. */
  async openArrayFiles(data: ArrayFileBytes, labels?: ArrayFileBytes): Promise<FileSource> {
    return holdArrayFiles(await hashed(data), labels && (await hashed(labels)));
  },
  /** Holds files another worker opened (hashes given); synchronous, so calls after it find the data. */
  holdArrayFiles(data: NamedBytes & DataFile, labels?: NamedBytes & DataFile): void {
    holdArrayFiles(data, labels);
  },
};

/** The endpoint's type, for the renderer's remotes. */
export type HeldDataEndpoint = typeof heldDataEndpoint;

/** The file with its SHA-256 (lowercase hex). */
async function hashed(file: ArrayFileBytes): Promise<NamedBytes & DataFile> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', file.bytes as Uint8Array<ArrayBuffer>));
  return { ...file, sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') };
}
