// The k largest and k smallest eigenpairs of a symmetric operator by Lanczos: Ritz values and
// vectors, each with its residual norm ‖A·y − θ·y‖, stopped once the wanted ones converge.
import { ValueError } from '../errors.js';
import { axpy, eighTridiagonal } from '../linalg/index.js';
import { lanczos } from './lanczos.js';
import type { SymmetricOperator } from './operator.js';

export interface ExtremeEigenOptions {
  /** How many of the largest eigenpairs; default 1. */
  top?: number;
  /** How many of the smallest eigenpairs; default 0. */
  bottom?: number;
  /** A Ritz pair has converged when ‖A·y − θ·y‖ ≤ tolerance·‖A‖; default 1e-10. */
  tolerance?: number;
  /** Most Lanczos steps (HVPs); default min(P, 300). */
  maxSteps?: number;
  /** Seeds the start vector; default 0. */
  seed?: number;
  /** Called after each step with (steps, maxSteps, wanted pairs converged so far); may throw to cancel. */
  onProgress?: (steps: number, maxSteps: number, converged: number) => void;
}

/** A Ritz pair: θ, the unit vector y (length P) and ‖A·y − θ·y‖. */
export interface RitzPair {
  value: number;
  vector: Float64Array;
  residual: number;
}

export interface ExtremeEigenResult {
  /** The largest eigenpairs, largest first. */
  top: RitzPair[];
  /** The smallest eigenpairs, smallest first. */
  bottom: RitzPair[];
  /** Every wanted pair met the tolerance. */
  converged: boolean;
  /** The tolerance in absolute terms: tolerance·‖A‖ with ‖A‖ estimated by the largest |Ritz value|. */
  residualTolerance: number;
  /** Lanczos steps = HVPs. */
  steps: number;
  restarts: number;
}

/**
 * Eigenvalues of the tridiagonal (diag, off) and the last component of each eigenvector, at
 * O(m²): the reversed matrix has them as its first components.
 */
function ritzEstimates(diag: Float64Array, off: Float64Array): { values: Float64Array; last: Float64Array } {
  const { values, firstComponents } = eighTridiagonal(Float64Array.from(diag).reverse(), Float64Array.from(off).reverse(), { vectors: 'first' });
  return { values, last: firstComponents };
}

/** Indices (into ascending Ritz values) of the `top` largest and `bottom` smallest. */
function wantedIndices(m: number, top: number, bottom: number): { top: number[]; bottom: number[] } {
  return {
    top: Array.from({ length: Math.min(top, m) }, (_, i) => m - 1 - i),
    bottom: Array.from({ length: Math.min(bottom, m) }, (_, i) => i),
  };
}

/**
 * The `top` largest and `bottom` smallest eigenvalues of `op` with their eigenvectors, by
 * Lanczos with full reorthogonalization from a seeded random start. Converged when every
 * wanted Ritz pair has residual ‖A·y − θ·y‖ = |β_m·s_mj| ≤ tolerance·‖A‖ (exact for an
 * orthonormal basis), so each eigenvalue is within that residual of a true eigenvalue (and
 * within residual²/gap when it is isolated). Breakdowns restart from a random orthogonal vector,
 * so exactly repeated eigenvalues come back with their multiplicity; a cluster that is only
 * nearly repeated may show fewer copies than it has (as in every single-vector Lanczos) —
 * `fullSpectrum` counts them exactly where P allows.
 */
export function extremeEigenpairs(op: SymmetricOperator, options: ExtremeEigenOptions = {}): ExtremeEigenResult {
  const top = options.top ?? 1;
  const bottom = options.bottom ?? 0;
  for (const [name, k] of [['top', top], ['bottom', bottom]] as const) {
    if (!Number.isInteger(k) || k < 0) throw new ValueError(`${name} must be a whole number ≥ 0 (got ${k}).`);
  }
  if (top + bottom === 0) throw new ValueError('ask for at least one eigenpair (top or bottom ≥ 1).');
  const tolerance = options.tolerance ?? 1e-10;
  const maxSteps = Math.min(op.size, options.maxSteps ?? 300);
  const wantedCount = Math.min(top + bottom, op.size);
  if (maxSteps < wantedCount) throw new ValueError(`${wantedCount} eigenpairs need at least ${wantedCount} Lanczos steps (maxSteps is ${maxSteps}).`);

  const result = lanczos(op, {
    steps: maxSteps,
    seed: options.seed,
    onStep: (state) => {
      const m = state.steps;
      // At a breakdown the basis is invariant but may have missed copies of repeated
      // eigenvalues: go on (Lanczos restarts) unless the basis is already all of R^P.
      if (m < wantedCount || (state.breakdown && m < op.size)) return false;
      const { values, last } = ritzEstimates(state.alpha, state.beta);
      const scaleOfA = Math.max(Math.abs(values[0]), Math.abs(values[m - 1]));
      const converges = (j: number, l: Float64Array) => Math.abs(state.residualNorm * l[j]) <= tolerance * scaleOfA;
      const wanted = wantedIndices(m, top, bottom);
      const done = [...wanted.top, ...wanted.bottom].filter((j) => converges(j, last)).length;
      options.onProgress?.(m, maxSteps, Math.min(done, wantedCount));
      if (done < wanted.top.length + wanted.bottom.length) return false;
      if (state.blockStart === 0) return true;
      // After a restart, the new block explores the complement of what was found: wait until
      // its own extreme Ritz values converge, so that a missed copy shows up among the wanted.
      const block = ritzEstimates(state.alpha.subarray(state.blockStart), state.beta.subarray(state.blockStart));
      const k = block.values.length;
      return (top === 0 || converges(k - 1, block.last)) && (bottom === 0 || converges(0, block.last));
    },
  });
  const m = result.steps;
  const { values, vectors } = eighTridiagonal(result.alpha, result.beta);
  const scaleOfA = Math.max(Math.abs(values[0]), Math.abs(values[m - 1]));
  const pair = (j: number): RitzPair => {
    const y = new Float64Array(op.size);
    for (let i = 0; i < m; i++) axpy(vectors[i * m + j], result.basis[i], y);
    return { value: values[j], vector: y, residual: Math.abs(result.residualNorm * vectors[(m - 1) * m + j]) };
  };
  const wanted = wantedIndices(m, top, bottom);
  const pairs = { top: wanted.top.map(pair), bottom: wanted.bottom.map(pair) };
  const residualTolerance = tolerance * scaleOfA;
  return {
    ...pairs,
    converged: [...pairs.top, ...pairs.bottom].every((p) => p.residual <= residualTolerance),
    residualTolerance,
    steps: m,
    restarts: result.restarts,
  };
}
