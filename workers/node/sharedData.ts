// Data sets read from array files are held per thread (engine/data/fileSource.ts). A worker
// thread gets its parent's in workerData, in shared memory, so N workers do not make N copies.
import { workerData } from 'node:worker_threads';
import { heldDatasets, holdDatasets, type Dataset, type HeldDataset } from '../../engine/data/index.js';

/** The held data sets with x and y in shared memory (copied there once, then held so). */
export function sharedDatasets(): HeldDataset[] {
  const list = heldDatasets().map(({ key, dataset }) => ({ key, dataset: inSharedMemory(dataset) }));
  holdDatasets(list);
  return list;
}

/** In a worker thread: holds the data sets its parent passed in workerData. */
export function adoptSharedDatasets(): void {
  holdDatasets((workerData as { datasets?: HeldDataset[] } | null)?.datasets ?? []);
}

/** The data set with x and y in SharedArrayBuffers. */
function inSharedMemory(dataset: Dataset): Dataset {
  return { ...dataset, x: shared(dataset.x), y: shared(dataset.y) };
}

/** The array itself if it is in shared memory already, else a copy there. */
function shared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const out = new Float64Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}
