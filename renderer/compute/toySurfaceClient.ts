// The renderer's handle on the toy-surface worker: one Web Worker for the page's lifetime,
// called through comlink. Evaluations run there, never on the UI thread.
import { wrap } from 'comlink';
import type { GridAxes, ToyGrid, ToySurfaceName } from '../../engine/toy/surfaces.js';
import type { ToySurfaceEndpoint } from '../../workers/toySurface.js';

/** What the UI may ask of the toy-surface worker. */
export interface ToySurfaceClient {
  /** Evaluates surface `name` and its gradient on `axes`; rejects if the worker fails. */
  evaluate(name: ToySurfaceName, axes: GridAxes): Promise<ToyGrid>;
}

let client: ToySurfaceClient | null = null;

/** The page's toy-surface worker client, started on first use. */
export function toySurfaceClient(): ToySurfaceClient {
  client ??= startToySurfaceWorker();
  return client;
}

function startToySurfaceWorker(): ToySurfaceClient {
  const worker = new Worker(new URL('../../workers/toySurface.worker.ts', import.meta.url), {
    type: 'module',
    name: 'toy-surface',
  });
  const remote = wrap<ToySurfaceEndpoint>(worker);
  // A worker that fails to load or crashes never answers: turn that into a rejection.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      reject(new Error(`The toy-surface worker failed: ${event.message || 'it could not be started'}`));
    });
  });
  failed.catch(() => undefined);
  return {
    evaluate: (name, axes) => Promise.race([remote.evaluate(name, axes), failed]),
  };
}
