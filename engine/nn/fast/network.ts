// A compiled MLP: its layout resolved to offsets once, with workspaces for n samples, so a
// forward pass (and a backward pass) allocates nothing. The tape-free twin of forward.ts
// and objective.ts; tests hold both to 1e-12.
import type { BatchStats } from '../batchnorm.js';
import type { NormMode } from '../forward.js';
import { findEntry, type LayoutEntry, type ParamLayout } from '../layout.js';
import { residualBlocks, type MlpSpec } from '../spec.js';
import { activateInto, multiplySlope } from './activation.js';
import { batchNormBackward, batchNormForward } from './batchnorm.js';
import { accumulateLinearGradient, backpropInput, linearOf, type Precision } from './linear.js';
import { accumulateLinearGradient32, backpropInput32 } from './linearGrad32.js';
import { lossOnLogits, type Metrics } from './loss.js';

export interface CompiledMlp {
  spec: MlpSpec;
  size: number;
  /** Output width of every layer, the output layer last. */
  widths: number[];
  /** Offsets into θ per layer; −1 where the layer has no such tensor. */
  weightAt: number[];
  biasAt: number[];
  gammaAt: number[];
  betaAt: number[];
  /** For the last layer of each residual block, the first layer of the block. */
  blockStart: Map<number, number>;
  weights: LayoutEntry[];
  /** The dense products, forward and backward: float64, or float32 (the float32 mode of grids, lines and training). */
  precision: Precision;
  linear: ReturnType<typeof linearOf>;
  gradient: typeof accumulateLinearGradient;
  backprop: typeof backpropInput;
}

/** Resolves a spec's layout to offsets; `precision` is that of the dense products. */
export function compileMlp(spec: MlpSpec, layout: ParamLayout, precision: Precision = 'float64'): CompiledMlp {
  const widths = [...spec.hidden.map((h) => h.width), spec.outputs];
  const at = (suffix: string) => widths.map((_, l) => findEntry(layout, `layers.${l}.${suffix}`)?.offset ?? -1);
  return {
    spec,
    size: layout.size,
    widths,
    weightAt: at('weight'),
    biasAt: at('bias'),
    gammaAt: at('bn.weight'),
    betaAt: at('bn.bias'),
    blockStart: new Map(residualBlocks(spec).map((b) => [b.last, b.first])),
    weights: layout.entries.filter((e) => e.role === 'weight'),
    precision,
    linear: linearOf(precision),
    gradient: precision === 'float32' ? accumulateLinearGradient32 : accumulateLinearGradient,
    backprop: precision === 'float32' ? backpropInput32 : backpropInput,
  };
}

/** Buffers for passes over n samples: per layer the pre-activations, activations, batch-norm state and gradients. */
export interface Workspace {
  n: number;
  pre: Float64Array[];
  act: Float64Array[];
  xhat: Float64Array[];
  invStd: Float64Array[];
  mean: Float64Array[];
  variance: Float64Array[];
  grad: Float64Array[];
}

/** A workspace for up to n samples. */
export function createWorkspace(net: CompiledMlp, n: number): Workspace {
  const perLayer = (rows: number) => net.widths.map((w) => new Float64Array(rows * w));
  return { n, pre: perLayer(n), act: perLayer(n), xhat: perLayer(n), invStd: perLayer(1), mean: perLayer(1), variance: perLayer(1), grad: perLayer(n) };
}

/**
 * Runs the network on x [n, inputs] and returns loss and accuracy. With `firstLayerDone`
 * 'linear', ws.pre[0] already holds layer 0's linear output; with 'activated', ws.act[0]
 * holds its activations too (layer 0 without batch norm); the plane evaluator fills them.
 */
export function forwardPass(net: CompiledMlp, ws: Workspace, theta: Float64Array, x: Float64Array, n: number, targets: Float64Array, mode: NormMode, firstLayerDone: false | 'linear' | 'activated' = false, dLogits: Float64Array | null = null): Metrics {
  const { spec, widths } = net;
  const layers = spec.hidden.length;
  let input = x;
  let inner = spec.inputs;
  for (let l = 0; l <= layers; l++) {
    const m = widths[l];
    const pre = ws.pre[l];
    if (l > 0 || !firstLayerDone) net.linear(pre, input, n, inner, theta, net.weightAt[l], m, theta, net.biasAt[l]);
    if (l === layers) break;
    if (l === 0 && firstLayerDone === 'activated') {
      input = ws.act[0];
      inner = m;
      continue;
    }
    const hidden = spec.hidden[l];
    if (hidden.batchNorm) {
      const running =
        mode.kind === 'running' ? { mean: mode.buffers[`layers.${l}.bn.running_mean`], variance: mode.buffers[`layers.${l}.bn.running_var`] } : null;
      batchNormForward(pre, n, m, theta, net.gammaAt[l], net.betaAt[l], running, ws.xhat[l], ws.invStd[l], ws.mean[l], ws.variance[l]);
    }
    const first = net.blockStart.get(l);
    if (first !== undefined) {
      const skip = ws.act[first - 1];
      for (let k = 0; k < n * m; k++) pre[k] += skip[k];
    }
    const act = ws.act[l];
    activateInto(hidden.activation, pre, act, n * m);
    input = act;
    inner = m;
  }
  const metrics = lossOnLogits(spec, ws.pre[layers], targets, n, dLogits);
  metrics.loss += weightDecayTerm(net, theta);
  return metrics;
}

/** The weight decay's share of the loss, λ/2·‖w‖² over the weight tensors (0 without decay). */
export function weightDecayTerm(net: CompiledMlp, theta: Float64Array): number {
  if (!(net.spec.weightDecay > 0)) return 0;
  let sq = 0;
  for (const e of net.weights) for (let i = e.offset; i < e.offset + e.size; i++) sq += theta[i] * theta[i];
  return (net.spec.weightDecay / 2) * sq;
}

/** The batch statistics the last forward pass used, per batch-norm layer (copies). */
export function batchStatsOf(net: CompiledMlp, ws: Workspace, n: number): Map<number, BatchStats> {
  const stats = new Map<number, BatchStats>();
  net.spec.hidden.forEach((h, l) => {
    if (h.batchNorm) stats.set(l, { mean: ws.mean[l].slice(), variance: ws.variance[l].slice(), count: n });
  });
  return stats;
}

/**
 * Loss, accuracy and ∇L(θ) on a batch with batch-norm batch statistics (the training
 * objective): a forward pass, then backpropagation through the stored activations.
 */
export function lossAndGradient(net: CompiledMlp, ws: Workspace, theta: Float64Array, x: Float64Array, n: number, targets: Float64Array, grad: Float64Array): Metrics {
  const { spec, widths } = net;
  const layers = spec.hidden.length;
  const dOut = ws.grad[layers];
  const metrics = forwardPass(net, ws, theta, x, n, targets, { kind: 'batch' }, false, dOut);
  grad.fill(0);
  for (let l = 0; l < layers; l++) ws.grad[l].fill(0, 0, n * widths[l]);
  for (let l = layers; l >= 0; l--) {
    const m = widths[l];
    const dz = ws.grad[l];
    if (l < layers) {
      // dz holds ∂L/∂act here: turn it into ∂L/∂pre, pass it along the skip, then through BN.
      multiplySlope(spec.hidden[l].activation, dz, ws.pre[l], ws.act[l], n * m);
      const first = net.blockStart.get(l);
      if (first !== undefined) {
        const skip = ws.grad[first - 1];
        for (let k = 0; k < n * m; k++) skip[k] += dz[k];
      }
      if (spec.hidden[l].batchNorm) batchNormBackward(dz, n, m, theta, net.gammaAt[l], net.betaAt[l], ws.xhat[l], ws.invStd[l], grad);
    }
    const below = l === 0 ? x : ws.act[l - 1];
    const inner = l === 0 ? spec.inputs : widths[l - 1];
    net.gradient(grad, net.weightAt[l], net.biasAt[l], dz, below, n, m, inner);
    if (l > 0) net.backprop(ws.grad[l - 1], dz, theta, net.weightAt[l], n, m, inner);
  }
  if (spec.weightDecay > 0) {
    for (const e of net.weights) for (let i = e.offset; i < e.offset + e.size; i++) grad[i] += spec.weightDecay * theta[i];
  }
  return metrics;
}
