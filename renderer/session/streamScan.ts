// Streams a scan plan through the worker pool into a job, one state per tile, for the surface
// and line jobs alike; a surface's path gets its losses as the scan finishes. Once cancelled
// the job is final: tiles still in flight are dropped.
import type { ScanPlan } from '../../engine/landscape/plan.js';
import type { Tile } from '../../engine/landscape/scan.js';
import type { TrajectoryPoint } from '../../engine/landscape/surface.js';
import { ScanCancelled, type ScanOptions } from '../../workers/pool.js';
import type { WorkerClients } from './clients.js';
import { messageOf } from './types.js';

interface ScanJob {
  status: string;
  error: string | null;
  revision: number;
}

/** A run's snapshots for the pool to project with their losses after the tiles, and the job with that path in. */
export interface ScanPath<J> {
  snapshots: NonNullable<ScanOptions['path']>;
  withTrajectory: (job: J, trajectory: TrajectoryPoint[]) => J;
}

/** Scans `plan` from the job `start` (already 'scanning'); `withTile` returns the job with a tile's values in, `path` the finished job with its projected path; resolves with the final job. */
export async function streamScan<J extends ScanJob>(
  clients: WorkerClients,
  plan: ScanPlan,
  start: J,
  rowsPerTile: number,
  signal: AbortSignal,
  onChange: (job: J) => void,
  withTile: (job: J, tile: Tile) => J,
  path?: ScanPath<J>,
): Promise<J> {
  let current = start;
  const set = (next: J) => {
    if (current.status === 'cancelled') return current;
    current = next;
    onChange(current);
    return current;
  };
  const cancel = () => set({ ...current, status: 'cancelled', revision: current.revision + 1 });
  set(current);
  if (signal.aborted) return cancel();
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const { trajectory } = await clients.pool.scan(plan, {
      rowsPerTile,
      signal,
      path: path?.snapshots,
      onTile(tile) {
        if (!signal.aborted) set({ ...withTile(current, tile), revision: current.revision + 1 });
      },
    });
    if (signal.aborted) return cancel();
    const finished = path && trajectory ? path.withTrajectory(current, trajectory) : current;
    return set({ ...finished, status: 'ready', revision: current.revision + 1 });
  } catch (error) {
    if (error instanceof ScanCancelled || signal.aborted) return cancel();
    return set({ ...current, status: 'error', error: messageOf(error), revision: current.revision + 1 });
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
