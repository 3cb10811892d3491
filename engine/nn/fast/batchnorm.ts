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

/**
 * The forward tangent of batch norm (R-operator): ḣ → the output's tangent in place,
 * v_γ·x̂ + γ·ẋ̂ + v_β, with ẋ̂ = (ḣ − mean ḣ)/σ − x̂·σ̇/σ for batch statistics (σ̇/σ = mean(x̂·ḣ)/σ),
 * ẋ̂ = ḣ/σ with running ones. Writes ẋ̂ and σ̇/σ per unit for batchNormBackwardTangent.
 */
export function batchNormTangent(
  dh: Float64Array, n: number, m: number, theta: Float64Array, v: Float64Array, gammaAt: number, betaAt: number, batch: boolean,
  xhat: Float64Array, invStd: Float64Array, dotXhat: Float64Array, dotLogStd: Float64Array,
): void {
  for (let j = 0; j < m; j++) {
    let mu = 0;
    let r = 0;
    if (batch) {
      for (let i = 0; i < n; i++) {
        mu += dh[i * m + j];
        r += xhat[i * m + j] * dh[i * m + j];
      }
      mu /= n;
      r *= invStd[j] / n;
    }
    dotLogStd[j] = r;
    const g = theta[gammaAt + j];
    const vg = v[gammaAt + j];
    const vb = v[betaAt + j];
    for (let i = 0; i < n; i++) {
      const k = i * m + j;
      const dx = (dh[k] - mu) * invStd[j] - xhat[k] * r;
      dotXhat[k] = dx;
      dh[k] = vg * xhat[k] + g * dx + vb;
    }
  }
}

/**
 * batchNormBackward and its tangent together: dy → dh and ḋy → ḋh in place, and the tangents of
 * dγ = Σ dy·x̂ and dβ = Σ dy added to `out` (the HVP). With batch statistics
 * dh = γ/(σn)·(n·dy − Σdy − x̂·Σdy·x̂); with running ones dh = γ/σ·dy.
 */
export function batchNormBackwardTangent(
  dy: Float64Array, ddy: Float64Array, n: number, m: number, theta: Float64Array, v: Float64Array, gammaAt: number, betaAt: number, batch: boolean,
  xhat: Float64Array, invStd: Float64Array, dotXhat: Float64Array, dotLogStd: Float64Array, out: Float64Array,
): void {
  for (let j = 0; j < m; j++) {
    let s1 = 0;
    let s2 = 0;
    let ds1 = 0;
    let ds2 = 0;
    for (let i = 0; i < n; i++) {
      const k = i * m + j;
      s1 += dy[k];
      s2 += dy[k] * xhat[k];
      ds1 += ddy[k];
      ds2 += ddy[k] * xhat[k] + dy[k] * dotXhat[k];
    }
    out[gammaAt + j] += ds2;
    out[betaAt + j] += ds1;
    const g = theta[gammaAt + j];
    const scale = (g * invStd[j]) / n;
    const dScale = ((v[gammaAt + j] - g * dotLogStd[j]) * invStd[j]) / n;
    for (let i = 0; i < n; i++) {
      const k = i * m + j;
      const base = batch ? n * dy[k] - s1 - xhat[k] * s2 : n * dy[k];
      const dBase = batch ? n * ddy[k] - ds1 - dotXhat[k] * s2 - xhat[k] * ds2 : n * ddy[k];
      dy[k] = scale * base;
      ddy[k] = dScale * base + scale * dBase;
    }
  }
}
