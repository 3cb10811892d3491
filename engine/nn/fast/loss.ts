// The losses on logits [n, k]: value, accuracy and the gradient with respect to the logits.
import type { MlpSpec } from '../spec.js';

export interface Metrics {
  loss: number;
  /** NaN for regression. */
  accuracy: number;
}

/**
 * The loss's data term and the accuracy; with `dLogits` also ∂loss/∂logits (softmax − y)/n,
 * (σ(z) − y)/(n·k) or (ŷ − y)/n, written there.
 */
export function lossOnLogits(spec: MlpSpec, logits: Float64Array, targets: Float64Array, n: number, dLogits: Float64Array | null): Metrics {
  const k = spec.outputs;
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const row = i * k;
    if (spec.loss === 'softmax-ce') {
      let max = -Infinity;
      let best = 0;
      for (let c = 0; c < k; c++) {
        if (logits[row + c] > max) max = logits[row + c];
        if (logits[row + c] > logits[row + best]) best = c;
      }
      let s = 0;
      for (let c = 0; c < k; c++) s += Math.exp(logits[row + c] - max);
      const lse = max + Math.log(s);
      for (let c = 0; c < k; c++) {
        loss -= targets[row + c] * (logits[row + c] - lse);
        if (dLogits) dLogits[row + c] = (Math.exp(logits[row + c] - lse) - targets[row + c]) / n;
      }
      if (targets[row + best] === 1) correct++;
    } else if (spec.loss === 'bce') {
      for (let c = 0; c < k; c++) {
        const z = logits[row + c];
        const y = targets[row + c];
        loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
        if (dLogits) dLogits[row + c] = ((z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))) - y) / (n * k);
        if (z > 0 === y > 0.5) correct++;
      }
    } else {
      for (let c = 0; c < k; c++) {
        const r = logits[row + c] - targets[row + c];
        loss += 0.5 * r * r;
        if (dLogits) dLogits[row + c] = r / n;
      }
    }
  }
  const samples = spec.loss === 'bce' ? n * k : n;
  return { loss: loss / samples, accuracy: spec.loss === 'mse' ? NaN : correct / samples };
}
