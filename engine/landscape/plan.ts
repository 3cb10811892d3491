// A scan plan: everything a worker needs to evaluate tiles of one grid, as plain data that
// structured cloning carries into Web Workers and worker_threads.
import { ValueError } from '../errors.js';
import type { Split } from '../data/index.js';
import { buildLayout, targetsFor, type MlpSpec, type NormMode, type ParamLayout } from '../nn/index.js';
import type { Precision } from '../nn/fast/linear.js';
import { compileMlp, createWorkspace, forwardPass } from '../nn/fast/network.js';
import { createPlaneEvaluator, type EvalData, type Metrics, type PlaneEvaluator } from './evaluator.js';
import { subsetData, type SampleChoice, type SampleSubset } from './samples.js';

export interface ScanPlan {
  spec: MlpSpec;
  /** θ* (or the line's start). */
  center: Float64Array;
  d1: Float64Array;
  /** null for a 1D scan. */
  d2: Float64Array | null;
  data: EvalData;
  norm: NormMode;
  alpha: Float64Array;
  /** [0] for a 1D scan. */
  beta: Float64Array;
  /** The dense products' precision; float64 (the reference) when absent. */
  precision?: Precision;
  /** Set when `data` is a seeded subset of the split (samples.ts): each point then also gets its mean's standard error. */
  samples?: SampleSubset;
}

/** A plan's data: a split's inputs and targets, or the seeded subset `samples` of them. */
export function planData(spec: MlpSpec, split: Split, samples?: SampleChoice): Pick<ScanPlan, 'data' | 'samples'> {
  const data: EvalData = { x: split.x, n: split.n, targets: targetsFor(spec, split.y, split.n).data };
  return samples ? subsetData(data, spec, samples) : { data };
}

/** The plan's precision field for a request: set only for float32, so float64 plans are as before. */
export function precisionOf(request: { precision?: Precision }): Pick<ScanPlan, 'precision'> {
  return request.precision === 'float32' ? { precision: 'float32' } : {};
}

/** Checks a plan's vectors and data against its model, with a clear message; returns its layout. */
export function checkPlan(plan: ScanPlan): ParamLayout {
  const layout = buildLayout(plan.spec);
  for (const [name, v] of [['the centre', plan.center], ['direction 1', plan.d1], ['direction 2', plan.d2]] as const) {
    if (v && v.length !== layout.size) {
      throw new ValueError(`${name} has ${v.length} entries, but the model has ${layout.size} parameters`);
    }
  }
  if (plan.data.x.length !== plan.data.n * plan.spec.inputs) {
    throw new ValueError(`the data have ${plan.data.x.length / Math.max(plan.data.n, 1)} features per sample, the model ${plan.spec.inputs} inputs`);
  }
  return layout;
}

/** The metrics at any θ on the plan's data: one forward pass each, with one workspace for all. */
export function pointEvaluator(plan: ScanPlan): (theta: Float64Array) => Metrics {
  const net = compileMlp(plan.spec, checkPlan(plan), plan.precision);
  const ws = createWorkspace(net, plan.data.n);
  return (theta) => forwardPass(net, ws, theta, plan.data.x, plan.data.n, plan.data.targets, plan.norm);
}

/** Checks a plan and builds its evaluator. */
export function planEvaluator(plan: ScanPlan): PlaneEvaluator {
  return createPlaneEvaluator(plan.spec, checkPlan(plan), plan.data, plan.center, plan.d1, plan.d2, plan.norm, plan.precision);
}
