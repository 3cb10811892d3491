// A pool of landscape workers that splits a grid into tiles of rows, hands them out as
// workers come free, streams each finished tile, and can be cancelled between tiles.
// Every grid point is computed the same way wherever it runs, so results do not depend
// on the number of workers.
import type { Remote } from 'comlink';
import { LosscapeError } from '../engine/errors.js';
import type { ScanPlan } from '../engine/landscape/plan.js';
import { tileRanges, type Tile } from '../engine/landscape/scan.js';
import type { TrajectoryPoint } from '../engine/landscape/surface.js';
import { planSender } from './heldPlan.js';
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
  /** Called with every finished tile, in the order they finish, and the progress (tiles and path points). */
  onTile?: (tile: Tile, done: number, total: number) => void;
  /** Called after every finished tile and path point with the progress. */
  onProgress?: (done: number, total: number) => void;
  /** The run's snapshots, to project onto the plane with their true and on-plane losses, shared among the workers with the tiles. */
  path?: { steps: number[]; params: Float64Array[] };
  signal?: AbortSignal;
}

export interface ScanResult {
  /** loss[i·nβ + j] at (α_i, β_j), likewise accuracy. */
  loss: Float64Array;
  accuracy: Float64Array;
  /** The standard errors of the mean losses, when the plan scans a subset of the samples. */
  lossStdError?: Float64Array;
  /** The projected path, when the scan was given one. */
  trajectory?: TrajectoryPoint[];
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
  const sender = planSender();

  const run = async (plan: ScanPlan, options: ScanOptions): Promise<ScanResult> => {
    while (workers.length < size) workers.push(spawn());
    const nb = plan.beta.length;
    const rows = options.rowsPerTile ?? Math.max(1, Math.floor(plan.alpha.length / (8 * size)));
    const tiles = tileRanges(plan.alpha.length, rows);
    const loss = new Float64Array(plan.alpha.length * nb);
    const accuracy = new Float64Array(plan.alpha.length * nb);
    const lossStdError = plan.samples ? new Float64Array(plan.alpha.length * nb) : null;
    const path = options.path;
    const trajectory: TrajectoryPoint[] = [];
    const total = tiles.length + (path?.params.length ?? 0);
    let next = 0;
    let nextPoint = 0;
    let done = 0;
    const cancelled = () => options.signal?.aborted ?? false;
    await Promise.all(
      workers.map(async (worker) => {
        await sender.setup(worker.remote, plan);
        while (next < tiles.length && !cancelled()) {
          const [i0, i1] = tiles[next++];
          const tile = await worker.remote.tile(i0, i1);
          loss.set(tile.loss, i0 * nb);
          accuracy.set(tile.accuracy, i0 * nb);
          if (tile.lossStdError) lossStdError?.set(tile.lossStdError, i0 * nb);
          done++;
          options.onTile?.(tile, done, total);
          options.onProgress?.(done, total);
        }
        // Each snapshot's losses cost a grid point or two: the workers share them once the tiles are handed out.
        while (path && nextPoint < path.params.length && !cancelled()) {
          const k = nextPoint++;
          trajectory[k] = await worker.remote.pathPoint(path.steps[k], path.params[k]);
          done++;
          options.onProgress?.(done, total);
        }
      }),
    );
    if (done < total) throw new ScanCancelled();
    return { loss, accuracy, ...(lossStdError ? { lossStdError } : {}), ...(path ? { trajectory } : {}) };
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
