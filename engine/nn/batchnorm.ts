// Batch normalization as in the lecture: γ·BN(h) + β, with BN(h) = (h − μ)/√(σ² + ε).
import { add, div, mul, sqrt, sub } from '../autodiff/primitives/arithmetic.js';
import { mean } from '../autodiff/composite.js';
import { fromData, type Tensor } from '../tensor/tensor.js';

/** ε in the denominator (PyTorch's default). */
export const BN_EPS = 1e-5;
/** Weight of the newest batch in the running statistics (PyTorch's momentum). */
export const BN_MOMENTUM = 0.1;

/** The statistics of one batch, per unit: mean and biased variance. */
export interface BatchStats {
  mean: Float64Array;
  variance: Float64Array;
  count: number;
}

/**
 * Normalizes h [N, M] per unit with the batch's statistics (training mode); returns the
 * normalized tensor and the statistics (values only) for the running averages.
 */
export function normalizeWithBatch(h: Tensor, gamma: Tensor, beta: Tensor): { out: Tensor; stats: BatchStats } {
  const mu = mean(h, 0);
  const centered = sub(h, mu);
  const variance = mean(mul(centered, centered), 0);
  const out = add(mul(div(centered, sqrt(add(variance, BN_EPS))), gamma), beta);
  return { out, stats: { mean: mu.data.slice(), variance: variance.data.slice(), count: h.shape[0] } };
}

/** Normalizes h [N, M] with fixed running statistics (evaluation mode). */
export function normalizeWithRunning(h: Tensor, gamma: Tensor, beta: Tensor, runningMean: Float64Array, runningVar: Float64Array): Tensor {
  const m = runningMean.length;
  const scale = fromData(runningVar.map((v) => 1 / Math.sqrt(v + BN_EPS)), [m]);
  return add(mul(mul(sub(h, fromData(runningMean, [m])), scale), gamma), beta);
}

/**
 * Folds one batch into the running statistics in place, as PyTorch does: the running
 * variance uses the unbiased batch variance (× N/(N−1)).
 */
export function updateRunningStats(stats: BatchStats, runningMean: Float64Array, runningVar: Float64Array): void {
  const unbias = stats.count > 1 ? stats.count / (stats.count - 1) : 1;
  for (let j = 0; j < runningMean.length; j++) {
    runningMean[j] = (1 - BN_MOMENTUM) * runningMean[j] + BN_MOMENTUM * stats.mean[j];
    runningVar[j] = (1 - BN_MOMENTUM) * runningVar[j] + BN_MOMENTUM * stats.variance[j] * unbias;
  }
}
