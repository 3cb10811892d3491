// The full Hessian of a small model (P up to a few thousand), column by column from exact
// HVPs, and its complete spectrum by the dense symmetric eigensolver.
import { LosscapeError, ValueError } from '../errors.js';
import { eigh } from '../linalg/index.js';
import type { SymmetricOperator } from './operator.js';

/** Largest P for which the dense Hessian is formed at all: P² doubles = 128 MiB at 4096. */
export const FULL_HESSIAN_LIMIT = 4096;

/**
 * Up to this P, 'auto' methods form the dense Hessian (P HVPs, everything exact); above it
 * they use Lanczos or conjugate gradients (tens to hundreds of HVPs).
 */
export const AUTO_DENSE_LIMIT = 500;

export interface FullHessianOptions {
  /**
   * The computed columns must be symmetric, max|H_ij − H_ji| ≤ tolerance·max(1, max|H_ij|)
   * (absolute for small entries, relative for large ones), before the matrix is symmetrized;
   * default 1e-12. Exact HVPs of a twice-differentiable loss are symmetric up to rounding.
   */
  symmetryTolerance?: number;
  /** Refuse P above this (the matrix has P² entries); default FULL_HESSIAN_LIMIT. */
  maxSize?: number;
  /** Called after each column, (columns done, P); may throw to cancel. */
  onProgress?: (done: number, total: number) => void;
}

export interface FullHessian {
  /** H, P×P row-major, symmetrized: (H + Hᵀ)/2 of the computed columns. */
  matrix: Float64Array;
  size: number;
  /** max|H_ij − H_ji| / max(1, max|H_ij|) of the computed columns, before symmetrizing. */
  asymmetry: number;
}

/** The Hessian is asymmetric beyond rounding: the HVPs are not those of a smooth loss. */
export class AsymmetricHessianError extends LosscapeError {}

/** H = [H·e₁ … H·e_P], P operator applications, checked for symmetry and symmetrized. */
export function fullHessian(op: SymmetricOperator, options: FullHessianOptions = {}): FullHessian {
  const n = op.size;
  const tolerance = options.symmetryTolerance ?? 1e-12;
  const maxSize = options.maxSize ?? FULL_HESSIAN_LIMIT;
  if (n > maxSize) {
    throw new ValueError(`the full Hessian of P = ${n} parameters has ${n}² entries, above the limit of ${maxSize}² here; use Lanczos for the extreme eigenvalues.`);
  }
  const matrix = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e[j] = 1;
    const column = op.apply(e);
    e[j] = 0;
    for (let i = 0; i < n; i++) matrix[i * n + j] = column[i];
    options.onProgress?.(j + 1, n);
  }
  let largest = 0;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const a = matrix[i * n + j];
      const b = matrix[j * n + i];
      if (!Number.isFinite(a) || !Number.isFinite(b)) {
        throw new ValueError(`the Hessian has a non-finite entry at [${i}, ${j}]: the loss is not finite or not smooth at this point.`);
      }
      largest = Math.max(largest, Math.abs(a), Math.abs(b));
      worst = Math.max(worst, Math.abs(a - b));
    }
  }
  const asymmetry = worst / Math.max(1, largest);
  if (asymmetry > tolerance) {
    throw new AsymmetricHessianError(
      `the Hessian-vector products are not symmetric: max|H_ij − H_ji| = ${worst.toExponential(2)} with entries up to ${largest.toExponential(2)} ` +
        `(tolerance ${tolerance}·max(1, ${largest.toExponential(2)})); the loss is not twice differentiable here, or its derivative rules disagree.`,
    );
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = 0.5 * (matrix[i * n + j] + matrix[j * n + i]);
      matrix[i * n + j] = mean;
      matrix[j * n + i] = mean;
    }
  }
  return { matrix, size: n, asymmetry };
}

/** Every eigenvalue (ascending) and eigenvector (column j of `vectors`, row-major P×P) of H. */
export interface FullSpectrum {
  values: Float64Array;
  vectors: Float64Array;
  size: number;
  asymmetry: number;
}

/** The complete spectrum of the operator: the full Hessian, then `eigh`. O(P) HVPs + O(P³). */
export function fullSpectrum(op: SymmetricOperator, options: FullHessianOptions = {}): FullSpectrum {
  const { matrix, size, asymmetry } = fullHessian(op, options);
  const { values, vectors } = eigh(matrix, size);
  return { values, vectors, size, asymmetry };
}

/** Column j of a row-major n×n matrix (an eigenvector of `eigh`), as a new array. */
export function columnOf(vectors: Float64Array, n: number, j: number): Float64Array {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = vectors[i * n + j];
  return v;
}
