// Directions of curvature for the landscape scans: the surface along the two Hessian
// eigenvectors of largest eigenvalue (the sharpest bowl), or at a saddle along the most negative
// and the most positive one, so that the slice shows the saddle's shape.
import { ValueError } from '../errors.js';
import type { DirectionChoice } from '../landscape/surface.js';
import { extremeEigenpairs } from './extremeEigenpairs.js';
import { AUTO_DENSE_LIMIT, columnOf, fullSpectrum } from './fullHessian.js';
import type { LossFunction } from './lossFunction.js';
import { hessianAt } from './operator.js';

export interface CurvatureDirectionOptions {
  /** 'top': the two largest; 'saddle': most negative and most positive; 'auto' (default): 'saddle' when there is negative curvature. */
  mode?: 'auto' | 'top' | 'saddle';
  /** 'full' (eigh of the dense Hessian), 'lanczos', or 'auto' (default): full up to AUTO_DENSE_LIMIT parameters. */
  method?: 'auto' | 'full' | 'lanczos';
  /** Negative curvature counts when λ_min < −zero·max|λ| (mode 'auto'); default 1e-8. */
  zero?: number;
  /** Seeds Lanczos; default 0. */
  seed?: number;
}

export interface CurvatureDirections {
  /** Unit eigenvectors as a 'given' direction pair for `planSurface`. */
  choice: Extract<DirectionChoice, { kind: 'given' }>;
  /** Their eigenvalues, in the same order. */
  values: [number, number];
  mode: 'top' | 'saddle';
}

/** Flips v so that its entry of largest magnitude is positive: the same direction every time. */
function fixSign(v: Float64Array): Float64Array {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[k])) k = i;
  return v[k] < 0 ? v.map((x) => -x) : v;
}

/** An eigenvalue and its unit eigenvector. */
export interface Eigenpair {
  value: number;
  vector: Float64Array;
}

/**
 * The direction pair from known eigenpairs: the smallest, the largest and the second largest.
 * 'auto' picks 'saddle' when λ_min < −zero·max|λ|.
 */
export function directionsFromEigenpairs(
  smallest: Eigenpair,
  largest: Eigenpair,
  second: Eigenpair,
  mode: CurvatureDirectionOptions['mode'] = 'auto',
  zero = 1e-8,
): CurvatureDirections {
  const negative = smallest.value < -zero * Math.max(Math.abs(smallest.value), Math.abs(largest.value));
  const chosen = mode === 'top' || mode === 'saddle' ? mode : negative ? 'saddle' : 'top';
  const [a, b] = chosen === 'saddle' ? [smallest, largest] : [largest, second];
  const label =
    chosen === 'saddle'
      ? `Hessian eigenvectors: most negative λ = ${a.value.toPrecision(4)}, most positive λ = ${b.value.toPrecision(4)}`
      : `Hessian eigenvectors: top two, λ₁ = ${a.value.toPrecision(4)}, λ₂ = ${b.value.toPrecision(4)}`;
  return { choice: { kind: 'given', directions: [fixSign(a.vector), fixSign(b.vector)], label }, values: [a.value, b.value], mode: chosen };
}

/** The curvature directions of `loss` at θ, as eigenvectors of unit length (scale the axes to taste). */
export function curvatureDirections(loss: LossFunction, theta: Float64Array, options: CurvatureDirectionOptions = {}): CurvatureDirections {
  if (loss.size < 2) throw new ValueError('curvature directions need at least two parameters.');
  const op = hessianAt(loss, theta);
  const method = options.method ?? 'auto';
  if (method === 'full' || (method === 'auto' && loss.size <= AUTO_DENSE_LIMIT)) {
    const { values, vectors, size } = fullSpectrum(op);
    const pair = (j: number): Eigenpair => ({ value: values[j], vector: columnOf(vectors, size, j) });
    return directionsFromEigenpairs(pair(0), pair(size - 1), pair(size - 2), options.mode, options.zero);
  }
  const result = extremeEigenpairs(op, { top: 2, bottom: 1, seed: options.seed });
  return directionsFromEigenpairs(result.bottom[0], result.top[0], result.top[1], options.mode, options.zero);
}
