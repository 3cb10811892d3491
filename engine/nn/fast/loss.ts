// The losses on logits [n, k]: value, accuracy and the gradient with respect to the logits.
import type { MlpSpec } from '../spec.js';
import { exp } from './exp.js';

export interface Metrics {
  loss: number;
  /** NaN for regression. */
  accuracy: number;
}

/** Sums over a block of samples, so blocks can be added before taking the means. */
export interface MetricSums {
  loss: number;
  correct: number;
}

/** How many terms the loss's mean divides by: samples, or samples × outputs for BCE. */
export const lossTerms = (spec: MlpSpec, n: number): number => (spec.loss === 'bce' ? n * spec.outputs : n);

/** The means of summed metrics (accuracy NaN for regression). */
export function metricsOf(spec: MlpSpec, sums: MetricSums, n: number): Metrics {
  const terms = lossTerms(spec, n);
  return { loss: sums.loss / terms, accuracy: spec.loss === 'mse' ? NaN : sums.correct / terms };
}

/**
 * The loss's data term and the accuracy; with `dLogits` also ∂loss/∂logits (softmax − y)/n,
 * (σ(z) − y)/(n·k) or (ŷ − y)/n, written there.
 */
export function lossOnLogits(spec: MlpSpec, logits: Float64Array, targets: Float64Array, n: number, dLogits: Float64Array | null): Metrics {
  return metricsOf(spec, lossSumsOnLogits(spec, logits, targets, n, dLogits), n);
}

/**
 * The summed loss terms and correct predictions of rows 0 … n−1 (and `dLogits` as lossOnLogits
 * writes it); with `perSample` also each row's sum of loss terms, written there (the sums are
 * added in the same order either way).
 */
export function lossSumsOnLogits(spec: MlpSpec, logits: Float64Array, targets: Float64Array, n: number, dLogits: Float64Array | null, perSample: Float64Array | null = null): MetricSums {
  const k = spec.outputs;
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const row = i * k;
    if (spec.loss === 'softmax-ce') {
      // −Σ_c y_c·(z_c − lse) = lse·Σ_c y_c − Σ_c y_c·z_c, with the sums taken in the max pass.
      let max = -Infinity;
      let best = 0;
      let yz = 0;
      let y = 0;
      for (let c = 0; c < k; c++) {
        const z = logits[row + c];
        if (z > max) {
          max = z;
          best = c;
        }
        yz += targets[row + c] * z;
        y += targets[row + c];
      }
      let s = 0;
      for (let c = 0; c < k; c++) s += exp(logits[row + c] - max);
      const lse = max + Math.log(s);
      loss += y * lse - yz;
      if (perSample) perSample[i] = y * lse - yz;
      if (dLogits) for (let c = 0; c < k; c++) dLogits[row + c] = (exp(logits[row + c] - lse) - targets[row + c]) / n;
      if (targets[row + best] === 1) correct++;
    } else if (spec.loss === 'bce') {
      if (perSample) perSample[i] = 0;
      for (let c = 0; c < k; c++) {
        const z = logits[row + c];
        const y = targets[row + c];
        const term = Math.max(z, 0) + Math.log1p(exp(-Math.abs(z))) - y * z;
        loss += term;
        if (perSample) perSample[i] += term;
        if (dLogits) dLogits[row + c] = ((z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))) - y) / (n * k);
        if (z > 0 === y > 0.5) correct++;
      }
    } else {
      if (perSample) perSample[i] = 0;
      for (let c = 0; c < k; c++) {
        const r = logits[row + c] - targets[row + c];
        loss += 0.5 * r * r;
        if (perSample) perSample[i] += 0.5 * r * r;
        if (dLogits) dLogits[row + c] = r / n;
      }
    }
  }
  return { loss, correct };
}

/**
 * out = ∇²ℓ(z)·ż per sample, the tangent of lossOnLogits' dLogits along ż [n, k]:
 * (p⊙ż − p·(pᵀż))/n for softmax p, σ′(z)·ż/(n·k), or ż/n.
 */
export function lossCurvatureInto(spec: MlpSpec, logits: Float64Array, dotLogits: Float64Array, n: number, out: Float64Array): void {
  const k = spec.outputs;
  for (let i = 0; i < n; i++) {
    const row = i * k;
    if (spec.loss === 'softmax-ce') {
      let max = -Infinity;
      for (let c = 0; c < k; c++) if (logits[row + c] > max) max = logits[row + c];
      let s = 0;
      for (let c = 0; c < k; c++) s += Math.exp(logits[row + c] - max);
      let pDot = 0;
      for (let c = 0; c < k; c++) {
        const p = Math.exp(logits[row + c] - max) / s;
        out[row + c] = p;
        pDot += p * dotLogits[row + c];
      }
      for (let c = 0; c < k; c++) out[row + c] = (out[row + c] * (dotLogits[row + c] - pDot)) / n;
    } else if (spec.loss === 'bce') {
      for (let c = 0; c < k; c++) {
        const z = logits[row + c];
        const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        out[row + c] = (p * (1 - p) * dotLogits[row + c]) / (n * k);
      }
    } else {
      for (let c = 0; c < k; c++) out[row + c] = dotLogits[row + c] / n;
    }
  }
}
