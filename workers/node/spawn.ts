/**
 * Runs comlink endpoints in Node `worker_threads`, for the CLI and the tests: the same
 * endpoint objects the renderer uses in Web Workers, over comlink's Node adapter.
 * TypeScript entries start through tsBootstrap.js, which registers tsx in the worker.
 */
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { Worker } from 'node:worker_threads';
import { sharedDatasets } from './sharedData.js';

/** A started worker: its comlink proxy, a promise that rejects if it dies, and a way to stop it. */
export interface NodeWorker<T> {
  remote: Remote<T>;
  /** Rejects when the worker throws uncaught or exits before `terminate()`; never resolves. */
  crashed: Promise<never>;
  terminate(): Promise<void>;
}

const tsBootstrap = new URL('./tsBootstrap.js', import.meta.url);

/** Starts `entry` (a worker file that `expose`s an endpoint on `parentPort`) and wraps it; it gets the held data sets (sharedData.ts). */
export function spawnNodeWorker<T>(entry: URL): NodeWorker<T> {
  const datasets = sharedDatasets();
  const worker = /\.[cm]?ts$/.test(entry.pathname)
    ? new Worker(tsBootstrap, { workerData: { entry: entry.href, datasets } })
    : new Worker(entry, { workerData: { datasets } });
  let terminating = false;
  const crashed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!terminating) reject(new Error(`worker ${entry.pathname} exited with code ${code}`));
    });
  });
  crashed.catch(() => undefined); // callers race it; an unobserved crash must not be an unhandled rejection
  return {
    remote: wrap<T>(nodeEndpoint(worker)),
    crashed,
    async terminate() {
      terminating = true;
      await worker.terminate();
    },
  };
}

/** Runs `job` against a fresh worker for `entry`, failing if the worker dies, and stops it after. */
export async function withNodeWorker<T, R>(entry: URL, job: (remote: Remote<T>) => Promise<R>): Promise<R> {
  const worker = spawnNodeWorker<T>(entry);
  try {
    return await Promise.race([job(worker.remote), worker.crashed]);
  } finally {
    await worker.terminate();
  }
}
