// The landscape pool in the browser: one module Web Worker per core.
import { wrap } from 'comlink';
import type { LandscapeEndpoint } from '../landscape.js';
import { createLandscapePool, type LandscapePool } from '../pool.js';

/** A pool of `size` Web Workers (default: navigator.hardwareConcurrency). */
export function createWebLandscapePool(size = Math.max(1, navigator.hardwareConcurrency || 2)): LandscapePool {
  return createLandscapePool(size, () => {
    const worker = new Worker(new URL('../landscape.worker.ts', import.meta.url), { type: 'module', name: 'landscape' });
    return { remote: wrap<LandscapeEndpoint>(worker), terminate: () => worker.terminate() };
  });
}
