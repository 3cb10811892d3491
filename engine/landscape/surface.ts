// From a trained run to a scan plan: the directions (random and normalized, PCA of the
// path, or given), the axes, the split and batch-norm mode; and the projected path.
import { ValueError } from '../errors.js';
import type { PreparedData } from '../data/index.js';
import { buildLayout, type MlpSpec, type NormMode } from '../nn/index.js';
import { normalizeDirection, orthogonalize, randomDirection, type Normalization } from './directions.js';
import { axisValues, type AxisRange } from './grid.js';
import { trajectoryPca } from './pca.js';
import type { Metrics, PlaneEvaluator } from './evaluator.js';
import { checkPlan, planData, planEvaluator, pointEvaluator, precisionOf, type ScanPlan } from './plan.js';
import type { SampleChoice } from './samples.js';
import type { Precision } from '../nn/fast/linear.js';
import { projectOntoPlane } from './scan.js';

/** How the plane's two directions are chosen. */
export type DirectionChoice =
  | { kind: 'random'; normalization: Normalization; ignore?: 'biasbn' | 'none'; seed: number; orthogonalize?: boolean }
  | { kind: 'pca' }
  | { kind: 'given'; directions: [Float64Array, Float64Array]; label: string };

/** Directions computed elsewhere (Hessian eigenvectors, a symmetry image, a file). */
export type GivenDirections = Extract<DirectionChoice, { kind: 'given' }>;

export interface SurfaceRequest {
  directions: DirectionChoice;
  alpha: AxisRange;
  beta: AxisRange;
  split: 'train' | 'test';
  /** Batch norm with the full split's statistics (the training objective) or the running ones. */
  norm: 'batch' | 'running';
  /** The dense products in float32 (faster on large models), or float64, the reference and the default. */
  precision?: Precision;
  /** A seeded subset of the split's samples, for a quick preview with error bars; the whole split when absent. */
  samples?: SampleChoice;
}

/** What a scan needs of a run. */
export interface RunState {
  spec: MlpSpec;
  theta: Float64Array;
  buffers: Record<string, Float64Array>;
  trajectory?: { steps: number[]; params: Float64Array[] };
}

/** How the directions came about, for the surface file and the UI. */
export interface DirectionInfo {
  kind: DirectionChoice['kind'];
  normalization: Normalization | 'pca' | string;
  ignore?: 'biasbn' | 'none';
  /** PCA only: the fraction of the path's variance along each direction. */
  explainedVarianceRatio?: number[];
}

function normMode(run: RunState, norm: SurfaceRequest['norm']): NormMode {
  return norm === 'batch' ? { kind: 'batch' } : { kind: 'running', buffers: run.buffers };
}

/** The plane's two directions for `choice`, and how they came about. */
export function chooseDirections(run: RunState, choice: DirectionChoice): { d1: Float64Array; d2: Float64Array; info: DirectionInfo } {
  const layout = buildLayout(run.spec);
  switch (choice.kind) {
    case 'random': {
      const options = { normalization: choice.normalization, ignore: choice.ignore ?? 'biasbn' };
      const d1 = normalizeDirection(randomDirection(layout, choice.seed, 0), run.theta, layout, options);
      let d2 = normalizeDirection(randomDirection(layout, choice.seed, 1), run.theta, layout, options);
      if (choice.orthogonalize) d2 = orthogonalize(d2, d1);
      return { d1, d2, info: { kind: 'random', normalization: choice.normalization, ignore: options.ignore } };
    }
    case 'pca': {
      if (!run.trajectory || run.trajectory.params.length < 3) {
        throw new ValueError('PCA directions need the run’s trajectory (at least 3 snapshots); train with snapshots, or choose random directions');
      }
      const pca = trajectoryPca(run.trajectory.params, run.theta, 2);
      return { d1: pca.directions[0], d2: pca.directions[1], info: { kind: 'pca', normalization: 'pca', explainedVarianceRatio: pca.explainedVarianceRatio } };
    }
    case 'given':
      return { d1: choice.directions[0], d2: choice.directions[1], info: { kind: 'given', normalization: choice.label } };
  }
}

/** The scan plan of a surface around a run's θ*. */
export function planSurface(run: RunState, data: PreparedData, request: SurfaceRequest): { plan: ScanPlan; info: DirectionInfo } {
  const split = data[request.split];
  if (split.n === 0) throw new ValueError(`this run has no ${request.split} split (its test fraction is 0); scan the train split`);
  const alpha = axisValues(request.alpha, 'α');
  const beta = axisValues(request.beta, 'β');
  const { d1, d2, info } = chooseDirections(run, request.directions);
  const plan: ScanPlan = {
    spec: run.spec,
    center: run.theta,
    d1,
    d2,
    ...planData(run.spec, split, request.samples),
    norm: normMode(run, request.norm),
    alpha,
    beta,
    ...precisionOf(request),
  };
  checkPlan(plan); // the vectors' lengths now, with a clear message, not in a worker
  return { plan, info };
}

export interface TrajectoryPoint {
  step: number;
  alpha: number;
  beta: number;
  /** The true loss at the snapshot. */
  loss: number;
  /** The loss on the plane at the snapshot's projection. */
  planeLoss: number;
  /** The snapshot's distance from the plane. */
  distance: number;
}

/** What gives a snapshot's losses: the plan's evaluator at θ, and on the plane. */
export interface PathLosses {
  point: (theta: Float64Array) => Metrics;
  plane: PlaneEvaluator;
}

/**
 * The snapshot θ of `step` projected onto the plan's plane, with its true and on-plane losses
 * from `losses`; without them both are NaN (not computed yet: each costs a pass over the data).
 */
export function snapshotOnPlane(plan: ScanPlan, step: number, theta: Float64Array, losses?: PathLosses): TrajectoryPoint {
  const { alpha, beta, distance } = projectOntoPlane(theta, plan.center, plan.d1, plan.d2);
  const loss = losses ? losses.point(theta).loss : NaN;
  return { step, alpha, beta, loss, planeLoss: losses ? losses.plane.at(alpha, beta).loss : NaN, distance };
}

/** Projects the run's snapshots onto the plan's plane, with their true and on-plane losses. */
export function projectTrajectory(plan: ScanPlan, trajectory: { steps: number[]; params: Float64Array[] }): TrajectoryPoint[] {
  const losses = { plane: planEvaluator(plan), point: pointEvaluator(plan) };
  return trajectory.params.map((theta, k) => snapshotOnPlane(plan, trajectory.steps[k], theta, losses));
}
