// The array files (.npz, .npy, IDX) the user opened, kept as bytes here so that every worker
// holds the data set (workers/heldData.ts): a worker gets all of them when it starts, and each
// new one as it is opened. A DataSpec names them by hash; the numbers never go into it.
import type { Remote } from 'comlink';
import type { NamedBytes } from '../../engine/data/arrays.js';
import { fileSourceKey, type DataFile, type FileSource } from '../../engine/data/fileSource.js';
import type { ArrayFileBytes, HeldDataEndpoint } from '../../workers/heldData.js';

type HashedFile = NamedBytes & DataFile;

const opened = new Map<string, { data: HashedFile; labels?: HashedFile }>();
const workers = new Set<WeakRef<Remote<HeldDataEndpoint>>>();

/** Gives a just-started worker the files opened so far, and later ones as they are opened. */
export function shareArraysWith(remote: Remote<HeldDataEndpoint>): void {
  for (const { data, labels } of opened.values()) void remote.holdArrayFiles(data, labels);
  workers.add(new WeakRef(remote));
}

/** Opens array files in `opener` (the data worker: it hashes and reads them), then hands them to every other worker. */
export async function openArrays(opener: Remote<HeldDataEndpoint>, data: ArrayFileBytes, labels?: ArrayFileBytes): Promise<FileSource> {
  const source = await opener.openArrayFiles(data, labels);
  const files = { data: { ...data, ...source.data }, ...(labels && source.labels ? { labels: { ...labels, ...source.labels } } : {}) };
  if (!opened.has(fileSourceKey(source))) {
    opened.set(fileSourceKey(source), files);
    for (const ref of workers) {
      const remote = ref.deref();
      if (!remote) workers.delete(ref);
      else if (remote !== opener) void remote.holdArrayFiles(files.data, files.labels);
    }
  }
  return source;
}
