// A scan plan: everything a worker needs to evaluate tiles of one grid, as plain data that
// structured cloning carries into Web Workers and worker_threads.
import { ValueError } from '../errors.js';
import { buildLayout, type MlpSpec, type NormMode } from '../nn/index.js';
import { createPlaneEvaluator, type EvalData, type PlaneEvaluator } from './evaluator.js';

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
}

/** Checks a plan's vectors against its model and builds its evaluator. */
export function planEvaluator(plan: ScanPlan): PlaneEvaluator {
  const layout = buildLayout(plan.spec);
  for (const [name, v] of [['the centre', plan.center], ['direction 1', plan.d1], ['direction 2', plan.d2]] as const) {
    if (v && v.length !== layout.size) {
      throw new ValueError(`${name} has ${v.length} entries, but the model has ${layout.size} parameters`);
    }
  }
  if (plan.data.x.length !== plan.data.n * plan.spec.inputs) {
    throw new ValueError(`the data have ${plan.data.x.length / Math.max(plan.data.n, 1)} features per sample, the model ${plan.spec.inputs} inputs`);
  }
  return createPlaneEvaluator(plan.spec, layout, plan.data, plan.center, plan.d1, plan.d2, plan.norm);
}
