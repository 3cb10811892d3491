// The landscape pool under worker_threads, for the CLI and tests.
import { availableParallelism } from 'node:os';
import type { LandscapeEndpoint } from '../landscape.js';
import { createLandscapePool, type LandscapePool } from '../pool.js';
import { spawnNodeWorker } from './spawn.js';

const entry = new URL('./landscape.worker.ts', import.meta.url);

/** A pool of `size` worker threads (default: one per core). */
export function createNodeLandscapePool(size = availableParallelism()): LandscapePool {
  return createLandscapePool(size, () => spawnNodeWorker<LandscapeEndpoint>(entry));
}
