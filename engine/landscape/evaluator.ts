// The tape-free evaluator for grids: loss and accuracy of θ = c + α·d₁ + β·d₂ on a whole
// split, with every buffer allocated once. The first layer uses the problem's structure:
// its pre-activations are X·W_cᵀ + α·X·D₁ᵀ + β·X·D₂ᵀ (+ bias), three products computed
// once; the rest is the compiled network's forward pass. Whole rows of one-hidden-layer
// networks with piecewise-linear units take the faster exact path of breakpointRows.ts, and
// rows of networks whose first layer is logistic that of logisticRows.ts. In the float32 mode
// every dense product (the three above included) runs in float32, point by point.
import type { MlpSpec, NormMode, ParamLayout } from '../nn/index.js';
import type { Precision } from '../nn/fast/linear.js';
import type { Metrics } from '../nn/fast/loss.js';
import { compileMlp, createWorkspace, forwardPass } from '../nn/fast/network.js';
import { breakpointRows, hasBreakpointRows } from './breakpointRows.js';
import { hasLogisticRows, logisticRows } from './logisticRows.js';
import { lossSpread, type LossSpread } from './samples.js';

export type { Metrics };

export interface EvalData {
  /** Inputs [n, spec.inputs]. */
  x: Float64Array;
  n: number;
  /** Targets in the loss's shape [n, spec.outputs] (one-hot, 0/1 or values), as targetsFor makes. */
  targets: Float64Array;
}

/**
 * Writes the metrics at (α, β_j) for every β_j of a row into loss[j] and accuracy[j]; with
 * `variance`, also the sample variance of the per-sample losses there (samples.ts), in a pass
 * of its own that leaves the loss as it is without.
 */
export type RowEvaluator = (alpha: number, beta: ArrayLike<number>, loss: Float64Array, accuracy: Float64Array, variance?: Float64Array) => void;

export interface PlaneEvaluator {
  /** Metrics at θ = c + α·d₁ + β·d₂. */
  at(alpha: number, beta: number): Metrics;
  /** The metrics along a row of the grid. */
  row: RowEvaluator;
}

/**
 * Compiles an evaluator of the plane through `center` spanned by d1 and d2 (d2 may be
 * null for a line). Batch norm uses the statistics of the whole split (`batch`) or the
 * running ones, as `mode` says.
 */
export function createPlaneEvaluator(
  spec: MlpSpec,
  layout: ParamLayout,
  data: EvalData,
  center: Float64Array,
  d1: Float64Array,
  d2: Float64Array | null,
  mode: NormMode,
  precision: Precision = 'float64',
): PlaneEvaluator {
  const { n, x, targets } = data;
  const net = compileMlp(spec, layout, precision);
  const ws = createWorkspace(net, n);
  const P = layout.size;
  const theta = new Float64Array(P);
  const second = d2 ?? new Float64Array(P);
  const h0 = net.widths[0];
  const b0 = net.biasAt[0];
  const project = (v: Float64Array) => {
    const out = new Float64Array(n * h0);
    net.linear(out, x, n, spec.inputs, v, net.weightAt[0], h0, v, -1);
    return out;
  };
  const base = project(center);
  const along1 = project(d1);
  const along2 = project(second);

  const setTheta = (alpha: number, beta: number) => {
    for (let i = 0; i < P; i++) theta[i] = center[i] + alpha * d1[i] + beta * second[i];
  };
  /** Layer 0's pre-activations at (α, β), once θ is set there. */
  const setPre = (alpha: number, beta: number) => {
    const first = ws.pre[0];
    for (let r = 0; r < n; r++) {
      for (let o = 0, k = r * h0; o < h0; o++, k++) {
        first[k] = base[k] + alpha * along1[k] + beta * along2[k] + (b0 >= 0 ? theta[b0 + o] : 0);
      }
    }
  };
  const at = (alpha: number, beta: number): Metrics => {
    setTheta(alpha, beta);
    setPre(alpha, beta);
    return forwardPass(net, ws, theta, x, n, targets, mode, 'linear');
  };
  let spread: LossSpread | null = null;
  /** The spread for a row of `points` points, made on first use (full-set scans never need it). */
  const spreadFor = (points: number): LossSpread => {
    spread ??= lossSpread(spec, n);
    spread.reset(points);
    return spread;
  };
  const logits = () => ws.pre[spec.hidden.length];
  const pointwise: RowEvaluator = (alpha, betas, loss, accuracy, variance) => {
    const s = variance ? spreadFor(betas.length) : null;
    for (let j = 0; j < betas.length; j++) {
      ({ loss: loss[j], accuracy: accuracy[j] } = at(alpha, betas[j]));
      s?.add(j, logits(), targets, n);
    }
    if (s && variance) s.variances(variance);
  };
  const rows = (): RowEvaluator => {
    if (precision === 'float32') return pointwise; // the exact row algorithms are float64's
    if (hasBreakpointRows(net)) return breakpointRows(net, data, { base, along1, along2 }, center, d1, second, spreadFor);
    if (!hasLogisticRows(net)) return pointwise;
    const slope = along2.map((v, k) => v + (b0 >= 0 ? second[b0 + (k % h0)] : 0));
    const finish = () => forwardPass(net, ws, theta, x, n, targets, mode, 'activated');
    return logisticRows(net, ws, data, { theta, setTheta, setPre, finish, slope, spreadFor }, pointwise);
  };
  return { at, row: rows() };
}
