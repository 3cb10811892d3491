// Rows of networks whose first hidden layer is logistic and not batch-normalized. Along a row
// of evenly spaced β the layer's pre-activations are z_g = z₀ + g·Δβ·Q, so e^{−z} follows
// e^{−z_{g+1}} = e^{−z_g}·e^{−Δβ·Q}: one multiplication per point and unit instead of an exp,
// which is most of a small network's time. Every RESTART points, and wherever the product
// leaves the normal range, it starts again from an exact exp, so rounding compounds over a
// few products only (relative error ~1e-15); the later layers run as in a forward pass.
import type { CompiledMlp } from '../nn/fast/network.js';
import { exp } from '../nn/fast/exp.js';
import type { Metrics } from '../nn/fast/loss.js';
import type { RowEvaluator } from './evaluator.js';

const RESTART = 16;
/** e^{−z} between these is a normal double whose reciprocal-plus-one loses nothing. */
const TINY = 1e-290;
const HUGE = 1e290;

/** What the row needs of the evaluator's point-by-point machinery. */
export interface PointSteps {
  /** Sets θ for (α, β). */
  setTheta(alpha: number, beta: number): void;
  /** Sets layer 0's pre-activations `pre` for (α, β). */
  setPre(alpha: number, beta: number): void;
  /** The metrics once θ and layer 0's activations `act` are in place. */
  finish(): Metrics;
  pre: Float64Array;
  act: Float64Array;
  /** ∂pre/∂β, entry by entry. */
  slope: Float64Array;
}

/** Whether logisticRows applies to the network. */
export function hasLogisticRows(net: CompiledMlp): boolean {
  const first = net.spec.hidden[0];
  return first !== undefined && first.activation === 'logistic' && !first.batchNorm;
}

/** The row evaluator; rows whose β are not evenly spaced go point by point. */
export function logisticRows(point: PointSteps, pointwise: RowEvaluator): RowEvaluator {
  const { pre, act, slope } = point;
  const size = pre.length;
  const e = new Float64Array(size); // e^{−z} at the current point
  const ratio = new Float64Array(size); // e^{−Δβ·Q}
  return (alpha, betas, loss, accuracy) => {
    const G = betas.length;
    const step = G > 1 ? (betas[G - 1] - betas[0]) / (G - 1) : 0;
    if (!evenlySpaced(betas, step)) return pointwise(alpha, betas, loss, accuracy);
    for (let k = 0; k < size; k++) ratio[k] = exp(-step * slope[k]);
    for (let g = 0; g < G; g++) {
      point.setTheta(alpha, betas[g]);
      // The pre-activations are only needed where an exact exp is.
      if (recur(e, ratio, size, g % RESTART === 0)) point.setPre(alpha, betas[g]);
      activate(e, pre, act, size);
      ({ loss: loss[g], accuracy: accuracy[g] } = point.finish());
    }
  };
}

/**
 * e ← e·ratio entry by entry (kernels in functions of their own, which V8 optimizes whole,
 * rather than as loops replaced mid-run); entries that would leave the normal range, and all
 * of them when `fresh`, become NaN for activate to compute exactly. Whether any did.
 */
function recur(e: Float64Array, ratio: Float64Array, size: number, fresh: boolean): boolean {
  let exact = fresh;
  for (let k = 0; k < size; k++) {
    const v = fresh ? NaN : e[k] * ratio[k];
    if (v > TINY && v < HUGE) e[k] = v;
    else {
      e[k] = NaN;
      exact = true;
    }
  }
  return exact;
}

/** act = σ(z) = 1/(1 + e^{−z}), with e^{−z} computed exactly where recur left NaN. */
function activate(e: Float64Array, pre: Float64Array, act: Float64Array, size: number): void {
  for (let k = 0; k < size; k++) {
    let v = e[k];
    if (v !== v) {
      v = exp(-pre[k]);
      e[k] = v > TINY ? v : 0; // a subnormal would carry its lost digits along the row
    }
    if (v < HUGE) act[k] = 1 / (1 + v);
    else {
      const ez = exp(pre[k]); // σ(z) = e^z/(1 + e^z) keeps its tiny value where e^{−z} overflows
      act[k] = ez / (1 + ez);
    }
  }
}

/** Whether β_g = β₀ + g·step to 1e-13 of the row's extent. */
function evenlySpaced(betas: ArrayLike<number>, step: number): boolean {
  const G = betas.length;
  const scale = 1e-13 * Math.max(Math.abs(betas[0]), Math.abs(betas[G - 1]), Math.abs(step));
  for (let g = 0; g < G; g++) if (!(Math.abs(betas[g] - (betas[0] + g * step)) <= scale)) return false;
  return true;
}
