// Loss along a path between two optima, and its barrier. Batch norm uses the statistics of
// the whole split at every point of the path (running statistics of the endpoints do not
// describe the networks in between; recomputing them is what Git Re-Basin's "reset BN"
// does).
import { ValueError } from '../../errors.js';
import { buildLayout, type MlpSpec, type ParamLayout } from '../../nn/index.js';
import { createPlaneEvaluator, type EvalData } from '../../landscape/evaluator.js';

/** The loss along a path θ(t), t from 0 to 1, and its barriers. */
export interface PathProfile {
  t: number[];
  loss: number[];
  /** NaN for regression. */
  accuracy: number[];
  /** max over t of L(θ(t)) − [(1 − t)·L(θ(0)) + t·L(θ(1))]: the loss barrier as Git Re-Basin (and Frankle et al. 2020) define it. */
  barrier: number;
  /** max over t of L(θ(t)) − max(L(θ(0)), L(θ(1))): how far the path climbs above the higher endpoint. */
  barrierAboveEndpoints: number;
  maxLoss: number;
  /** The t of maxLoss. */
  tAtMax: number;
}

/** `count` evenly spaced t from 0 to 1 inclusive. */
export function unitInterval(count: number): number[] {
  if (!Number.isInteger(count) || count < 2) throw new ValueError(`a path needs at least 2 points, got ${count}`);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? 1 : i / (count - 1)));
}

/** Barriers and maximum of a loss profile whose first and last points are the endpoints. */
export function profileOf(t: number[], loss: number[], accuracy: number[]): PathProfile {
  const first = loss[0];
  const last = loss[loss.length - 1];
  let barrier = -Infinity;
  let maxLoss = -Infinity;
  let tAtMax = 0;
  t.forEach((ti, i) => {
    barrier = Math.max(barrier, loss[i] - ((1 - ti) * first + ti * last));
    if (loss[i] > maxLoss) [maxLoss, tAtMax] = [loss[i], ti];
  });
  return { t, loss, accuracy, barrier, barrierAboveEndpoints: maxLoss - Math.max(first, last), maxLoss, tAtMax };
}

/** The loss on the straight line (1 − t)·θ_a + t·θ_b at `points` evenly spaced t (ends included). */
export function linearPath(spec: MlpSpec, thetaA: Float64Array, thetaB: Float64Array, data: EvalData, points = 25, layout: ParamLayout = buildLayout(spec)): PathProfile {
  if (thetaA.length !== layout.size || thetaB.length !== layout.size) {
    throw new ValueError(`both endpoints need ${layout.size} parameters, got ${thetaA.length} and ${thetaB.length}`);
  }
  const evaluator = createPlaneEvaluator(spec, layout, data, thetaA, thetaB.map((v, i) => v - thetaA[i]), null, { kind: 'batch' });
  const t = unitInterval(points);
  const metrics = t.map((ti) => evaluator.at(ti, 0));
  return profileOf(t, metrics.map((m) => m.loss), metrics.map((m) => m.accuracy));
}
