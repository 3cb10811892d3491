// A pool of landscape workers that splits a grid into tiles of rows, hands them out as
// workers come free, streams each finished tile, and can be cancelled between tiles.
// Every grid point is computed the same way wherever it runs, so results do not depend
// on the number of workers.
import type { Remote } from 'comlink';
import { LosscapeError } from '../engine/errors.js';
import type { ScanPlan } from '../engine/landscape/plan.js';
import { tileRanges, type Tile } from '../engine/landscape/scan.js';
import type { LandscapeEndpoint } from './landscape.js';

/** A started worker, however it was started (Web Worker or worker_threads). */
export interface PoolWorker {
  remote: Remote<LandscapeEndpoint>;
  terminate(): void | Promise<void>;
}

/** A scan that was cancelled; the grid is incomplete and nothing was written. */
export class ScanCancelled extends LosscapeError {
  constructor() {
    super('the scan was cancelled; start it again to compute the whole grid');
  }
}

export interface ScanOptions {
  /** Rows of α per tile (default: about eight tiles per worker). */
  rowsPerTile?: number;
  /** Called with every finished tile, in the order they finish, and the progress. */
  onTile?: (tile: Tile, done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ScanResult {
  /** loss[i·nβ + j] at (α_i, β_j), likewise accuracy. */
  loss: Float64Array;
  accuracy: Float64Array;
}

export interface LandscapePool {
  readonly size: number;
  /** Computes a whole grid; scans run one after another. Rejects with ScanCancelled when aborted. */
  scan(plan: ScanPlan, options?: ScanOptions): Promise<ScanResult>;
  close(): Promise<void>;
}

/** A pool of `size` workers made by `spawn`, started on first use. */
export function createLandscapePool(size: number, spawn: () => PoolWorker): LandscapePool {
  if (!Number.isInteger(size) || size < 1) throw new LosscapeError(`a worker pool needs at least one worker, got ${size}`);
  const workers: PoolWorker[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  const run = async (plan: ScanPlan, options: ScanOptions): Promise<ScanResult> => {
    while (workers.length < size) workers.push(spawn());
    const nb = plan.beta.length;
    const rows = options.rowsPerTile ?? Math.max(1, Math.floor(plan.alpha.length / (8 * size)));
    const tiles = tileRanges(plan.alpha.length, rows);
    const loss = new Float64Array(plan.alpha.length * nb);
    const accuracy = new Float64Array(plan.alpha.length * nb);
    let next = 0;
    let done = 0;
    const cancelled = () => options.signal?.aborted ?? false;
    await Promise.all(
      workers.map(async (worker) => {
        await worker.remote.setup(plan);
        while (next < tiles.length && !cancelled()) {
          const [i0, i1] = tiles[next++];
          const tile = await worker.remote.tile(i0, i1);
          loss.set(tile.loss, i0 * nb);
          accuracy.set(tile.accuracy, i0 * nb);
          done++;
          options.onTile?.(tile, done, tiles.length);
        }
      }),
    );
    if (done < tiles.length) throw new ScanCancelled();
    return { loss, accuracy };
  };

  return {
    size,
    scan(plan, options = {}) {
      const result = queue.then(() => run(plan, options));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.terminate()));
    },
  };
}
