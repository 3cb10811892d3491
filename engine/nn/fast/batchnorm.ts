// Batch norm on [n, m] row-major buffers: the forward pass keeps x̂ and 1/σ for the backward.
import { BN_EPS } from '../batchnorm.js';

/** Running statistics to normalize with (evaluation mode), or null for the batch's own. */
export type RunningStats = { mean: Float64Array; variance: Float64Array } | null;

/**
 * h ← γ·x̂ + β in place, x̂ = (h − μ)/√(σ² + ε) per unit; writes x̂, 1/√(σ² + ε), and the
 * batch mean and biased variance (left untouched with running statistics).
 */
export function batchNormForward(
  h: Float64Array, n: number, m: number, theta: Float64Array, gammaAt: number, betaAt: number, running: RunningStats,
  xhat: Float64Array, invStd: Float64Array, mean: Float64Array, variance: Float64Array,
): void {
  for (let j = 0; j < m; j++) {
    let mu: number;
    let v: number;
    if (running) {
      mu = running.mean[j];
      v = running.variance[j];
    } else {
      mu = 0;
      for (let i = 0; i < n; i++) mu += h[i * m + j];
      mu /= n;
      v = 0;
      for (let i = 0; i < n; i++) v += (h[i * m + j] - mu) ** 2;
      v /= n;
      mean[j] = mu;
      variance[j] = v;
    }
    const inv = 1 / Math.sqrt(v + BN_EPS);
    invStd[j] = inv;
    const g = theta[gammaAt + j];
    const b = theta[betaAt + j];
    for (let i = 0; i < n; i++) {
      const x = (h[i * m + j] - mu) * inv;
      xhat[i * m + j] = x;
      h[i * m + j] = g * x + b;
    }
  }
}

/**
 * Backward of batch norm with batch statistics: dy ← dh in place, and dγ, dβ added to grad:
 * dh = (1/σ)/n · (n·dx̂ − Σdx̂ − x̂·Σ dx̂·x̂), dx̂ = γ·dy.
 */
export function batchNormBackward(dy: Float64Array, n: number, m: number, theta: Float64Array, gammaAt: number, betaAt: number, xhat: Float64Array, invStd: Float64Array, grad: Float64Array): void {
  for (let j = 0; j < m; j++) {
    let sumDy = 0;
    let sumDyX = 0;
    for (let i = 0; i < n; i++) {
      sumDy += dy[i * m + j];
      sumDyX += dy[i * m + j] * xhat[i * m + j];
    }
    grad[gammaAt + j] += sumDyX;
    grad[betaAt + j] += sumDy;
    const g = theta[gammaAt + j];
    const scale = (g * invStd[j]) / n;
    for (let i = 0; i < n; i++) dy[i * m + j] = scale * (n * dy[i * m + j] - sumDy - xhat[i * m + j] * sumDyX);
  }
}
