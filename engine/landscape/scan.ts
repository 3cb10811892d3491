// 2D and 1D scans: the metric arrays over a grid, computed in tiles of rows so workers can
// share a grid and stream it; and the optimizer's path projected on the plane.
import { ValueError } from '../errors.js';
import type { PlaneEvaluator } from './evaluator.js';
import { standardErrors, type SampleSubset } from './samples.js';

export type MetricName = 'loss' | 'accuracy';

/** A block of rows i0 … i1−1 of the grid: values[m][(i − i0)·nβ + j] = metric m at (α_i, β_j). */
export interface Tile {
  i0: number;
  i1: number;
  loss: Float64Array;
  accuracy: Float64Array;
  /** The standard error of each mean loss, when the plan scans a subset of the samples. */
  lossStdError?: Float64Array;
}

/** Evaluates rows i0 … i1−1 of the grid α × β (β may be [0] for a line); on a subset `samples`, with the losses' standard errors. */
export function scanTile(evaluator: PlaneEvaluator, alpha: ArrayLike<number>, beta: ArrayLike<number>, i0: number, i1: number, samples?: SampleSubset): Tile {
  const nb = beta.length;
  const loss = new Float64Array((i1 - i0) * nb);
  const accuracy = new Float64Array((i1 - i0) * nb);
  const variance = samples ? new Float64Array((i1 - i0) * nb) : null;
  for (let i = i0; i < i1; i++) {
    const at = (i - i0) * nb;
    evaluator.row(alpha[i], beta, loss.subarray(at, at + nb), accuracy.subarray(at, at + nb), variance?.subarray(at, at + nb));
  }
  return { i0, i1, loss, accuracy, ...(samples && variance ? { lossStdError: standardErrors(variance, samples) } : {}) };
}

/** Splits n rows into tiles of about `rowsPerTile` rows. */
export function tileRanges(n: number, rowsPerTile: number): [number, number][] {
  if (!(rowsPerTile >= 1)) throw new ValueError(`tiles need at least one row, got ${rowsPerTile}`);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i += rowsPerTile) out.push([i, Math.min(n, i + rowsPerTile)]);
  return out;
}

/** A snapshot's place relative to the plane. */
export interface ProjectedPoint {
  alpha: number;
  beta: number;
  /** ‖θ − (c + α·d₁ + β·d₂)‖: how far the snapshot lies off the plane. */
  distance: number;
}

/**
 * Projects θ onto the plane c + α·d₁ + β·d₂ by least squares (the 2×2 normal equations;
 * Li et al. use plain dot products, which agree when d₁ ⊥ d₂).
 */
export function projectOntoPlane(theta: Float64Array, center: Float64Array, d1: Float64Array, d2: Float64Array | null): ProjectedPoint {
  let a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
  for (let i = 0; i < theta.length; i++) {
    const r = theta[i] - center[i];
    a11 += d1[i] * d1[i];
    b1 += d1[i] * r;
    if (d2) {
      a12 += d1[i] * d2[i];
      a22 += d2[i] * d2[i];
      b2 += d2[i] * r;
    }
  }
  let alpha: number;
  let beta = 0;
  if (d2) {
    const det = a11 * a22 - a12 * a12;
    if (!(Math.abs(det) > 1e-300)) throw new ValueError('the two directions are parallel (or zero): they do not span a plane');
    alpha = (b1 * a22 - b2 * a12) / det;
    beta = (a11 * b2 - a12 * b1) / det;
  } else {
    if (!(a11 > 0)) throw new ValueError('the direction is zero');
    alpha = b1 / a11;
  }
  let sq = 0;
  for (let i = 0; i < theta.length; i++) {
    const r = theta[i] - center[i] - alpha * d1[i] - (d2 ? beta * d2[i] : 0);
    sq += r * r;
  }
  return { alpha, beta, distance: Math.sqrt(sq) };
}
