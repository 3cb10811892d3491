// Conjugate gradients for A·x = b with A symmetric positive definite, matrix-free: the inner
// solver of the matrix-free Levenberg–Marquardt step, (H² + μI)·δ = −H·g.
import { axpy, dot, norm } from '../linalg/index.js';

export interface ConjugateGradientOptions {
  /** Stop when ‖b − A·x‖ ≤ tolerance·‖b‖; default 1e-10. */
  tolerance?: number;
  /** Most iterations (applications of A); default b's length. */
  maxIterations?: number;
}

export interface ConjugateGradientResult {
  x: Float64Array;
  iterations: number;
  /** ‖b − A·x‖ / ‖b‖ at the end (by the recurrence). */
  relativeResidual: number;
  converged: boolean;
}

/** Solves A·x = b from x = 0 (Hestenes–Stiefel); stops early on tolerance or non-positive curvature. */
export function conjugateGradient(apply: (v: Float64Array) => Float64Array, b: Float64Array, options: ConjugateGradientOptions = {}): ConjugateGradientResult {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? b.length;
  const x = new Float64Array(b.length);
  const bNorm = norm(b);
  if (bNorm === 0) return { x, iterations: 0, relativeResidual: 0, converged: true };
  const r = Float64Array.from(b);
  const p = Float64Array.from(b);
  let rr = dot(r, r);
  let iterations = 0;
  while (Math.sqrt(rr) > tolerance * bNorm && iterations < maxIterations) {
    const ap = apply(p);
    iterations++;
    const curvature = dot(p, ap);
    if (!(curvature > 0)) break; // A is not positive definite along p (rounding): keep x as is
    const step = rr / curvature;
    axpy(step, p, x);
    axpy(-step, ap, r);
    const next = dot(r, r);
    const ratio = next / rr;
    rr = next;
    for (let i = 0; i < p.length; i++) p[i] = r[i] + ratio * p[i];
  }
  const relativeResidual = Math.sqrt(rr) / bNorm;
  return { x, iterations, relativeResidual, converged: relativeResidual <= tolerance };
}
