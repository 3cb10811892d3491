// The training objective of a model: the loss for its task (plus weight decay), targets in
// the shape the loss wants, and accuracy.
import { add, mul, sub } from '../autodiff/primitives/arithmetic.js';
import { sum } from '../autodiff/primitives/reductions.js';
import { mean, sigmoidCrossEntropy, softmaxCrossEntropy } from '../autodiff/composite.js';
import { ValueError } from '../errors.js';
import { fromData, type Tensor } from '../tensor/tensor.js';
import { forward, param, type ForwardResult, type NormMode } from './forward.js';
import type { ParamLayout } from './layout.js';
import type { MlpSpec } from './spec.js';

/** Inputs x [N, inputs] and targets in the loss's shape (one-hot, 0/1 or values), [N, outputs]. */
export interface Batch {
  x: Tensor;
  targets: Tensor;
}

/**
 * Targets for a loss from a data set's y: class indices become one-hot rows (softmax-ce),
 * 0/1 columns (bce); regression values are used as they are.
 */
export function targetsFor(spec: MlpSpec, y: Float64Array, n: number): Tensor {
  const k = spec.outputs;
  if (spec.loss === 'mse') {
    if (y.length !== n * k) throw new ValueError(`regression targets: expected ${n}×${k} values, got ${y.length}`);
    return fromData(y, [n, k]);
  }
  if (spec.loss === 'bce') {
    if (k !== 1 || y.some((v) => v !== 0 && v !== 1)) {
      throw new ValueError('binary cross-entropy needs one output and labels 0 or 1; use softmax-ce for more classes');
    }
    return fromData(y, [n, 1]);
  }
  const out = new Float64Array(n * k);
  y.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= k) {
      throw new ValueError(`sample ${i} has class ${c}, but the model has ${k} outputs (classes 0 … ${k - 1})`);
    }
    out[i * k + c] = 1;
  });
  return fromData(out, [n, k]);
}

/** The data term of the loss, from the network's outputs (logits). */
export function dataLoss(spec: MlpSpec, output: Tensor, targets: Tensor): Tensor {
  switch (spec.loss) {
    case 'softmax-ce':
      return softmaxCrossEntropy(output, targets);
    case 'bce':
      return sigmoidCrossEntropy(output, targets);
    case 'mse': {
      const r = sub(output, targets);
      return mul(mean(sum(mul(r, r), -1)), 0.5);
    }
  }
}

/** (λ/2)·Σ‖W‖² over the weight matrices. */
function weightPenalty(spec: MlpSpec, layout: ParamLayout, theta: Tensor): Tensor | null {
  if (spec.weightDecay === 0) return null;
  let total: Tensor | null = null;
  for (const entry of layout.entries) {
    if (entry.role !== 'weight') continue;
    const w = param(theta, entry);
    const s = sum(mul(w, w));
    total = total ? add(total, s) : s;
  }
  return total && mul(total, spec.weightDecay / 2);
}

export interface LossResult extends ForwardResult {
  loss: Tensor;
}

/** The objective L(θ) on a batch, with batch norm in the given mode. */
export function objective(spec: MlpSpec, layout: ParamLayout, theta: Tensor, batch: Batch, mode: NormMode): LossResult {
  const result = forward(spec, layout, theta, batch.x, mode);
  const data = dataLoss(spec, result.output, batch.targets);
  const penalty = weightPenalty(spec, layout, theta);
  return { ...result, loss: penalty ? add(data, penalty) : data };
}

/** Fraction of samples classified correctly (argmax of the logits, or logit > 0 for bce); NaN for regression. */
export function accuracy(spec: MlpSpec, output: Tensor, targets: Tensor): number {
  if (spec.loss === 'mse') return NaN;
  const [n, k] = output.shape;
  const o = output.data;
  const t = targets.data;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    if (spec.loss === 'bce') {
      if (o[i] > 0 === t[i] > 0.5) correct++;
      continue;
    }
    let best = 0;
    for (let c = 1; c < k; c++) if (o[i * k + c] > o[i * k + best]) best = c;
    if (t[i * k + best] === 1) correct++;
  }
  return correct / n;
}
