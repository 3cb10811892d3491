// The landscape job as a comlink endpoint: plans a surface from a run, then evaluates one
// scan plan tile by tile. Environment-agnostic: the same object runs in Web Workers and
// under worker_threads.
import { transfer } from 'comlink';
import { prepareData } from '../engine/data/index.js';
import { runStateOf, type RunFile } from '../engine/io/index.js';
import type { Metrics, PlaneEvaluator } from '../engine/landscape/evaluator.js';
import type { AxisRange } from '../engine/landscape/grid.js';
import { mergePlan, type HeavyPart, type HeldPlan, type PlanParts } from './heldPlan.js';
import { lineOf, planLine, type LinePath } from '../engine/landscape/line.js';
import { planEvaluator, pointEvaluator, type ScanPlan } from '../engine/landscape/plan.js';
import { scanTile, type Tile } from '../engine/landscape/scan.js';
import { planSurface, snapshotOnPlane, type DirectionInfo, type SurfaceRequest, type TrajectoryPoint } from '../engine/landscape/surface.js';

let current: (HeldPlan & { evaluator: PlaneEvaluator; point?: (theta: Float64Array) => Metrics }) | null = null;

export interface PreparedSurface {
  plan: ScanPlan;
  info: DirectionInfo;
  /**
   * The run's path on the plane: step, α, β and distance. Its loss and planeLoss are NaN (not
   * computed yet, as in a job's grid): each costs a pass over the data, so the pool computes
   * them with the scan (ScanOptions.path).
   */
  trajectory: TrajectoryPoint[];
}

/** A 1D slice of a run: which line, the range and number of t values, the split and BN mode. */
export interface LineRequest extends Pick<SurfaceRequest, 'split' | 'norm' | 'samples'> {
  path: LinePath;
  t: AxisRange;
}

export const landscapeEndpoint = {
  /** Plans a surface around a run's θ* (directions, axes, data) and projects its path onto the plane, without the losses. */
  prepareSurface(run: RunFile, request: SurfaceRequest): PreparedSurface {
    const state = runStateOf(run);
    const { plan, info } = planSurface(state, prepareData(run.data), request);
    const path = state.trajectory ?? { steps: [], params: [] };
    return { plan, info, trajectory: path.params.map((theta, k) => snapshotOnPlane(plan, path.steps[k], theta)) };
  },
  /** Plans a line through a run's parameters (initial → trained, or along a direction through θ*); the pool scans it like a grid with one β. */
  prepareLine(run: RunFile, request: LineRequest): ScanPlan {
    const state = runStateOf(run);
    return planLine(state, prepareData(run.data), lineOf(state, request.path), request);
  },
  /** Compiles the evaluator for a plan (its large parts left out where this worker holds them); later tiles refer to it. Answers the parts it lacks, if any: nothing is set up then. */
  setup(parts: PlanParts): HeavyPart[] {
    const merged = mergePlan(current, parts);
    if ('missing' in merged) return merged.missing;
    const { plan, ids } = merged.held;
    current = { plan, ids, evaluator: merged.sameEvaluator && current ? current.evaluator : planEvaluator(plan) };
    return [];
  },
  /** A path snapshot θ of `step` on the current plane: its projection, its true loss and the loss on the plane there. */
  pathPoint(step: number, theta: Float64Array): TrajectoryPoint {
    if (!current) throw new Error('no scan plan: call setup first');
    current.point ??= pointEvaluator(current.plan);
    return snapshotOnPlane(current.plan, step, theta, { point: current.point, plane: current.evaluator });
  },
  /** Rows i0 … i1−1 of the current plan's grid; the arrays are transferred. */
  tile(i0: number, i1: number): Tile {
    if (!current) throw new Error('no scan plan: call setup first');
    const tile = scanTile(current.evaluator, current.plan.alpha, current.plan.beta, i0, i1, current.plan.samples);
    return transfer(tile, [tile.loss, tile.accuracy, ...(tile.lossStdError ? [tile.lossStdError] : [])].map((a) => a.buffer as ArrayBuffer));
  },
};

/** The endpoint's type, for `wrap<LandscapeEndpoint>()`. */
export type LandscapeEndpoint = typeof landscapeEndpoint;
