// Computes one surface around a trained run: the landscape worker plans it (directions,
// data, the path's projection), then the pool scans it row by row, and every row lands in the
// job's arrays as it arrives, so the surface fills in live; the path is drawn from the start
// and gets its losses, which the pool computes after the rows, as the scan finishes.
import { runStateOf, type RunFile } from '../../engine/io/runFile.js';
import type { Tile } from '../../engine/landscape/scan.js';
import type { DirectionChoice, RunState } from '../../engine/landscape/surface.js';
import type { PreparedSurface } from '../../workers/landscape.js';
import { linspace, rangeCovering, unionRange } from '../landscape/autoRange.js';
import { surfaceRequestOf, type AxisBounds, type LandscapeSettings } from '../state/project.js';
import type { WorkerClients } from './clients.js';
import { streamScan } from './streamScan.js';
import type { SurfaceJob } from './types.js';

/** A planned surface with the run's snapshots, whose losses the scan computes. */
export interface PlannedSurface extends PreparedSurface {
  snapshots: RunState['trajectory'];
}

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
export async function prepareSurface(clients: WorkerClients, run: RunFile, settings: LandscapeSettings, directions?: DirectionChoice): Promise<PlannedSurface> {
  const request = surfaceRequestOf(settings);
  const prepared = await clients.prepareSurface(run, directions ? { ...request, directions } : request);
  return { ...prepared, snapshots: runStateOf(run).trajectory };
}

/**
 * Scans a prepared surface over `ranges` in the pool, reporting every new state of the job.
 * Resolves with the final job: ready (its path with the losses), cancelled (when `signal`
 * aborts; the path without them) or error.
 */
export async function scanSurface(
  clients: WorkerClients,
  job: SurfaceJob,
  prepared: PlannedSurface,
  ranges: { alpha: AxisBounds; beta: AxisBounds },
  signal: AbortSignal,
  onChange: (job: SurfaceJob) => void,
): Promise<SurfaceJob> {
  const n = job.settings.resolution;
  const alpha = linspace(ranges.alpha, n);
  const beta = linspace(ranges.beta, n);
  const plan = { ...prepared.plan, alpha, beta };
  const { samples } = prepared.plan;
  const start: SurfaceJob = {
    ...job,
    status: 'scanning',
    alpha,
    beta,
    loss: new Float64Array(n * n).fill(NaN),
    accuracy: new Float64Array(n * n).fill(NaN),
    rowsDone: new Uint8Array(n),
    ...(samples ? { samples, lossStdError: new Float64Array(n * n).fill(NaN) } : {}),
    trajectory: prepared.trajectory,
    info: prepared.info,
    revision: job.revision + 1,
  };
  const { snapshots } = prepared;
  const path = snapshots && { snapshots, withTrajectory: (done: SurfaceJob, trajectory: SurfaceJob['trajectory']) => ({ ...done, trajectory }) };
  const withTile = (current: SurfaceJob, tile: Tile): SurfaceJob => {
    current.loss.set(tile.loss, tile.i0 * n);
    current.accuracy.set(tile.accuracy, tile.i0 * n);
    if (tile.lossStdError) current.lossStdError?.set(tile.lossStdError, tile.i0 * n);
    current.rowsDone.fill(1, tile.i0, tile.i1);
    return { ...current, rowsComputed: current.rowsComputed + (tile.i1 - tile.i0) };
  };
  return streamScan(clients, plan, start, 1, signal, onChange, withTile, path);
}
