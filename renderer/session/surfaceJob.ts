// Computes one surface around a trained run: the landscape worker plans it (directions,
// data, projected path), then the pool scans it row by row, and every row lands in the
// job's arrays as it arrives, so the surface fills in live.
import type { RunFile } from '../../engine/io/runFile.js';
import type { DirectionChoice } from '../../engine/landscape/surface.js';
import type { PreparedSurface } from '../../workers/landscape.js';
import { linspace, rangeCovering, unionRange } from '../landscape/autoRange.js';
import { surfaceRequestOf, type AxisBounds, type LandscapeSettings } from '../state/project.js';
import type { WorkerClients } from './clients.js';
import { streamScan } from './streamScan.js';
import type { SurfaceJob } from './types.js';

/** A job waiting for its plan. */
export function newSurfaceJob(id: number, trainingId: number, settings: LandscapeSettings): SurfaceJob {
  const empty = new Float64Array(0);
  return {
    id,
    trainingId,
    settings,
    status: 'preparing',
    alpha: empty,
    beta: empty,
    loss: empty,
    accuracy: empty,
    rowsDone: new Uint8Array(0),
    rowsComputed: 0,
    trajectory: [],
    info: null,
    error: null,
    revision: 0,
  };
}

/** The α and β ranges a prepared surface asks for: PCA with auto range frames the path. */
export function plannedRanges(prepared: PreparedSurface, settings: LandscapeSettings): { alpha: AxisBounds; beta: AxisBounds } {
  if (settings.directions === 'pca' && settings.autoRange && prepared.trajectory.length > 0) {
    return { alpha: rangeCovering(prepared.trajectory.map((p) => p.alpha)), beta: rangeCovering(prepared.trajectory.map((p) => p.beta)) };
  }
  return { alpha: settings.alpha, beta: settings.beta };
}

/** Shared ranges for surfaces that are shown side by side. */
export function sharedRanges(ranges: { alpha: AxisBounds; beta: AxisBounds }[]): { alpha: AxisBounds; beta: AxisBounds } {
  return ranges.reduce((a, b) => ({ alpha: unionRange(a.alpha, b.alpha), beta: unionRange(a.beta, b.beta) }));
}

/** Plans the surface of `run` in the landscape worker. */
export function prepareSurface(clients: WorkerClients, run: RunFile, settings: LandscapeSettings, directions?: DirectionChoice): Promise<PreparedSurface> {
  const request = surfaceRequestOf(settings);
  return clients.prepareSurface(run, directions ? { ...request, directions } : request);
}

/**
 * Scans a prepared surface over `ranges` in the pool, reporting every new state of the job.
 * Resolves with the final job: ready, cancelled (when `signal` aborts) or error.
 */
export async function scanSurface(
  clients: WorkerClients,
  job: SurfaceJob,
  prepared: PreparedSurface,
  ranges: { alpha: AxisBounds; beta: AxisBounds },
  signal: AbortSignal,
  onChange: (job: SurfaceJob) => void,
): Promise<SurfaceJob> {
  const n = job.settings.resolution;
  const alpha = linspace(ranges.alpha, n);
  const beta = linspace(ranges.beta, n);
  const plan = { ...prepared.plan, alpha, beta };
  const start: SurfaceJob = {
    ...job,
    status: 'scanning',
    alpha,
    beta,
    loss: new Float64Array(n * n).fill(NaN),
    accuracy: new Float64Array(n * n).fill(NaN),
    rowsDone: new Uint8Array(n),
    trajectory: prepared.trajectory,
    info: prepared.info,
    revision: job.revision + 1,
  };
  return streamScan(clients, plan, start, 1, signal, onChange, (current, tile) => {
    current.loss.set(tile.loss, tile.i0 * n);
    current.accuracy.set(tile.accuracy, tile.i0 * n);
    current.rowsDone.fill(1, tile.i0, tile.i1);
    return { ...current, rowsComputed: current.rowsComputed + (tile.i1 - tile.i0) };
  });
}
