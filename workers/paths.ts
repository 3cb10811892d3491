// Paths from a run's θ* to a second optimum, as the app's Symmetry section asks for them: the
// straight line, the line after weight matching and a trained Bezier curve, plus the planes
// through θ*, the second optimum and a third point (the curve's control point or the aligned
// optimum) for a one-click slice. The second optimum is θ*'s symmetry image or another run.
import type { Split } from '../engine/data/index.js';
import { runStateOf, type RunFile } from '../engine/io/index.js';
import { connectOptima, planeThroughPoints, transformNetwork, type ConnectStage, type NetworkState, type PathProfile, type PlaneThroughPoints, type SymmetryTransform } from '../engine/analysis/symmetry/index.js';
import { targetsFor } from '../engine/nn/index.js';

/** The second endpoint: the image of θ* under a symmetry, or the θ* of another run of the same model. */
export type PathsEnd = { kind: 'image'; transform: SymmetryTransform } | { kind: 'run'; run: RunFile };

export interface PathsRequest {
  end: PathsEnd;
  split: 'train' | 'test';
  /** Points along each path. */
  points: number;
  /** Adam steps on the Bezier curve's control point. */
  curveSteps: number;
  seed: number;
}

export type PathsStage = ConnectStage;

/** The plane through θ*, the second endpoint and a third point, or why there is none. */
export type PlaneOrReason = PlaneThroughPoints | { reason: string };

export interface PathsReport {
  linear: PathProfile;
  aligned: PathProfile;
  curve: PathProfile;
  matching: { sweeps: number; converged: boolean };
  /** Through θ*, the endpoint and the curve's control point; through θ*, the endpoint and the aligned endpoint. */
  planes: { control: PlaneOrReason; aligned: PlaneOrReason };
}

/** Most progress messages a curve sends (comlink posts each one). */
const PROGRESS_MESSAGES = 50;

function planeOrReason(a: Float64Array, b: Float64Array, c: Float64Array, onLine: string): PlaneOrReason {
  try {
    return planeThroughPoints(a, b, c);
  } catch {
    return { reason: onLine };
  }
}

/** Connects the run's θ* to the request's second endpoint on `split` (batch-norm statistics of the split at every point). */
export function connectRuns(run: RunFile, split: Split, request: PathsRequest, onProgress?: (stage: PathsStage, done: number, total: number) => void): PathsReport {
  const spec = run.spec;
  const state = runStateOf(run);
  const a: NetworkState = { theta: state.theta, buffers: state.buffers };
  let b: NetworkState;
  if (request.end.kind === 'image') {
    b = transformNetwork(spec, a, request.end.transform);
  } else {
    if (JSON.stringify(request.end.run.spec) !== JSON.stringify(spec)) throw new Error('the second run has a different model: paths between optima need the same architecture');
    const other = runStateOf(request.end.run);
    b = { theta: other.theta, buffers: other.buffers };
  }
  const data = { x: split.x, n: split.n, targets: targetsFor(spec, split.y, split.n).data };
  const report = onProgress && ((stage: PathsStage, done: number, total: number) => {
    if (stage !== 'curve' || done === total || done % Math.max(1, Math.floor(total / PROGRESS_MESSAGES)) === 0) onProgress(stage, done, total);
  });
  const c = connectOptima(spec, a, b, data, { points: request.points, seed: request.seed, curve: { steps: request.curveSteps }, onProgress: report });
  return {
    linear: c.linear,
    aligned: c.aligned,
    curve: c.curve,
    matching: { sweeps: c.matching.sweeps, converged: c.matching.converged },
    planes: {
      control: planeOrReason(a.theta, b.theta, c.control, 'the curve’s control point lies on the straight line (the curve did not bend)'),
      aligned: planeOrReason(a.theta, b.theta, c.alignedState.theta, 'the aligned endpoint lies on the straight line through θ* and the endpoint (weight matching mapped it back onto θ*)'),
    },
  };
}
