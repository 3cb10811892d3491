// 1D slices: L(start + t·direction) along a line, as a scan plan whose second axis is the
// single point β = 0. The line from the initial to the trained parameters is Goodfellow
// et al.'s (2015) interpolation; a line through θ* along a surface's first direction is
// that surface's profile at β = 0.
import { ValueError } from '../errors.js';
import type { PreparedData } from '../data/index.js';
import { axisValues, type AxisRange } from './grid.js';
import { checkPlan, planData, precisionOf, type ScanPlan } from './plan.js';
import { chooseDirections, type DirectionChoice, type RunState, type SurfaceRequest } from './surface.js';

/** A line in parameter space: the points start + t·direction. */
export interface Line {
  start: Float64Array;
  direction: Float64Array;
}

/** The interpolation from the run's first snapshot θ₀ to its trained θ*: t = 0 is θ₀, t = 1 is θ*. */
export function interpolationLine(run: RunState): Line {
  const trajectory = run.trajectory;
  if (!trajectory || trajectory.steps[0] !== 0) throw new ValueError('the run has no snapshot of its initial parameters (step 0)');
  const start = trajectory.params[0];
  return { start, direction: run.theta.map((v, i) => v - start[i]) };
}

/** Which line: initial → trained, or through θ* along the first direction of a plane. */
export type LinePath = { kind: 'interpolation' } | { kind: 'direction'; directions: DirectionChoice };

/** The line `path` names for a run. */
export function lineOf(run: RunState, path: LinePath): Line {
  return path.kind === 'interpolation' ? interpolationLine(run) : { start: run.theta, direction: chooseDirections(run, path.directions).d1 };
}

/** The scan plan of `line` over t on one split of the run's data (nβ = 1). */
export function planLine(run: RunState, data: PreparedData, line: Line, request: { t: AxisRange } & Pick<SurfaceRequest, 'split' | 'norm' | 'precision' | 'samples'>): ScanPlan {
  const split = data[request.split];
  if (split.n === 0) throw new ValueError(`this run has no ${request.split} split (its test fraction is 0); scan the train split`);
  const plan: ScanPlan = {
    spec: run.spec,
    center: line.start,
    d1: line.direction,
    d2: null,
    ...planData(run.spec, split, request.samples),
    norm: request.norm === 'batch' ? { kind: 'batch' } : { kind: 'running', buffers: run.buffers },
    alpha: axisValues(request.t, 't'),
    beta: Float64Array.of(0),
    ...precisionOf(request),
  };
  checkPlan(plan); // the vectors' lengths now, with a clear message, not in a worker
  return plan;
}
