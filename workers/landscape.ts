// The landscape job as a comlink endpoint: plans a surface from a run, then evaluates one
// scan plan tile by tile. Environment-agnostic: the same object runs in Web Workers and
// under worker_threads.
import { transfer } from 'comlink';
import { prepareData } from '../engine/data/index.js';
import { runStateOf, type RunFile } from '../engine/io/index.js';
import type { PlaneEvaluator } from '../engine/landscape/evaluator.js';
import type { AxisRange } from '../engine/landscape/grid.js';
import { lineOf, planLine, type LinePath } from '../engine/landscape/line.js';
import { planEvaluator, type ScanPlan } from '../engine/landscape/plan.js';
import { scanTile, type Tile } from '../engine/landscape/scan.js';
import { planSurface, projectTrajectory, type DirectionInfo, type SurfaceRequest, type TrajectoryPoint } from '../engine/landscape/surface.js';

let current: { plan: ScanPlan; evaluator: PlaneEvaluator } | null = null;

export interface PreparedSurface {
  plan: ScanPlan;
  info: DirectionInfo;
  trajectory: TrajectoryPoint[];
}

/** A 1D slice of a run: which line, the range and number of t values, the split and BN mode. */
export interface LineRequest extends Pick<SurfaceRequest, 'split' | 'norm'> {
  path: LinePath;
  t: AxisRange;
}

export const landscapeEndpoint = {
  /** Plans a surface around a run's θ* (directions, axes, data) and projects its path. */
  prepareSurface(run: RunFile, request: SurfaceRequest): PreparedSurface {
    const state = runStateOf(run);
    const { plan, info } = planSurface(state, prepareData(run.data), request);
    return { plan, info, trajectory: state.trajectory ? projectTrajectory(plan, state.trajectory) : [] };
  },
  /** Plans a line through a run's parameters (initial → trained, or along a direction through θ*); the pool scans it like a grid with one β. */
  prepareLine(run: RunFile, request: LineRequest): ScanPlan {
    const state = runStateOf(run);
    return planLine(state, prepareData(run.data), lineOf(state, request.path), request);
  },
  /** Compiles the evaluator for a plan; later tiles refer to it. */
  setup(plan: ScanPlan): void {
    current = { plan, evaluator: planEvaluator(plan) };
  },
  /** Rows i0 … i1−1 of the current plan's grid; the arrays are transferred. */
  tile(i0: number, i1: number): Tile {
    if (!current) throw new Error('no scan plan: call setup first');
    const tile = scanTile(current.evaluator, current.plan.alpha, current.plan.beta, i0, i1);
    return transfer(tile, [tile.loss.buffer as ArrayBuffer, tile.accuracy.buffer as ArrayBuffer]);
  },
};

/** The endpoint's type, for `wrap<LandscapeEndpoint>()`. */
export type LandscapeEndpoint = typeof landscapeEndpoint;
