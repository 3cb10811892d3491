// Rows of networks whose first hidden layer is logistic and not batch-normalized. Along a row
// of evenly spaced β the layer's pre-activations are z_g = z₀ + g·Δβ·Q, so e^{−z} follows
// e^{−z_{g+1}} = e^{−z_g}·e^{−Δβ·Q}: one multiplication per point and unit instead of an exp,
// which is most of a small network's time. Every RESTART points, and wherever the product
// leaves the normal range, it starts again from an exact exp, so rounding compounds over a
// few products only (relative error ~1e-15); the later layers run as in a forward pass.
// The recurrence, the activations and (one hidden layer, softmax) the output layer and the
// loss run in the WebAssembly kernels (engine/kernels/assembly/logistic.ts).
import { instantiateKernels } from '../kernels/kernels.js';
import { exp } from '../nn/fast/exp.js';
import { metricsOf, type Metrics } from '../nn/fast/loss.js';
import { weightDecayTerm, type CompiledMlp, type Workspace } from '../nn/fast/network.js';
import type { EvalData, RowEvaluator } from './evaluator.js';
import type { LossSpread } from './samples.js';

const RESTART = 16;

/** What the row needs of the evaluator's point-by-point machinery. */
export interface PointSteps {
  theta: Float64Array;
  /** Sets θ for (α, β). */
  setTheta(alpha: number, beta: number): void;
  /** Sets layer 0's pre-activations ws.pre[0] for (α, β). */
  setPre(alpha: number, beta: number): void;
  /** The metrics by a forward pass, once θ and layer 0's activations ws.act[0] are in place. */
  finish(): Metrics;
  /** ∂pre/∂β, entry by entry. */
  slope: Float64Array;
  /** The per-sample losses' spread for a row of `points` points that asks for variances. */
  spreadFor(points: number): LossSpread;
}

/** Whether logisticRows applies to the network. */
export function hasLogisticRows(net: CompiledMlp): boolean {
  const first = net.spec.hidden[0];
  return first !== undefined && first.activation === 'logistic' && !first.batchNorm;
}

/**
 * The row evaluator; rows whose β are not evenly spaced go point by point. Layer 0's
 * pre-activations and activations move into the kernels' memory (ws.pre[0] and ws.act[0]
 * become views of it); a network with one hidden layer and softmax cross-entropy finishes
 * each point there too, the others by the forward pass.
 */
export function logisticRows(net: CompiledMlp, ws: Workspace, data: EvalData, point: PointSteps, pointwise: RowEvaluator): RowEvaluator {
  const { spec } = net;
  const { n } = data;
  const units = net.widths[0];
  const K = spec.outputs;
  const size = n * units;
  const dense = spec.hidden.length === 1 && spec.loss === 'softmax-ce';
  const { exports: wasm, f64: a, at } = instantiateKernels(
    { e: size, ratio: size, pre: size, act: size, targets: dense ? n * K : 0, weights: K * units, bias: K, logits: K, sums: 2 },
    {},
  );
  ws.pre[0] = a.pre;
  ws.act[0] = a.act;
  wasm.bindLogistic(at.e, at.ratio, at.pre, at.act);
  if (dense) a.targets.set(data.targets);
  const { theta, slope } = point;
  const [w1, b1] = [net.weightAt[1], net.biasAt[1]];
  /** The output layer and the loss in the kernel: logits = W₁·σ(z) + b₁, softmax cross-entropy. */
  const finishDense = (): Metrics => {
    a.weights.set(theta.subarray(w1, w1 + K * units));
    if (b1 >= 0) a.bias.set(theta.subarray(b1, b1 + K));
    wasm.denseSoftmaxSums(n, units, K, at.weights, at.bias, at.targets, at.logits, at.sums);
    const metrics = metricsOf(spec, { loss: a.sums[0], correct: a.sums[1] }, n);
    metrics.loss += weightDecayTerm(net, theta);
    return metrics;
  };
  const finish = dense ? finishDense : point.finish;
  const last = spec.hidden.length;
  /** The logits of the last point for its spread: the dense kernel keeps none, so they are computed again. */
  const logitsOfPoint = () => {
    if (dense) net.linear(ws.pre[last], ws.act[0], n, units, theta, w1, K, theta, b1);
    return ws.pre[last];
  };
  return (alpha, betas, loss, accuracy, variance) => {
    const G = betas.length;
    const step = G > 1 ? (betas[G - 1] - betas[0]) / (G - 1) : 0;
    if (!evenlySpaced(betas, step)) return pointwise(alpha, betas, loss, accuracy, variance);
    const spread = variance ? point.spreadFor(G) : null;
    for (let k = 0; k < size; k++) a.ratio[k] = exp(-step * slope[k]);
    for (let g = 0; g < G; g++) {
      point.setTheta(alpha, betas[g]);
      // The pre-activations are only needed where an exact exp is.
      if (wasm.recur(size, g % RESTART === 0)) point.setPre(alpha, betas[g]);
      wasm.activate(size);
      ({ loss: loss[g], accuracy: accuracy[g] } = finish());
      spread?.add(g, logitsOfPoint(), data.targets, n);
    }
    if (spread && variance) spread.variances(variance);
  };
}
/** Whether β_g = β₀ + g·step to 1e-13 of the row's extent. */
function evenlySpaced(betas: ArrayLike<number>, step: number): boolean {
  const G = betas.length;
  const scale = 1e-13 * Math.max(Math.abs(betas[0]), Math.abs(betas[G - 1]), Math.abs(step));
  for (let g = 0; g < G; g++) if (!(Math.abs(betas[g] - (betas[0] + g * step)) <= scale)) return false;
  return true;
}
