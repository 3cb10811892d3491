// Orthonormalization by modified Gram–Schmidt with one full re-orthogonalization pass
// ("twice is enough": Kahan, Parlett; Giraud, Langou & Rozložník 2005). Lanczos, Hessian
// deflation and random orthogonal directions use it.
import { ValueError } from '../errors.js';
import { axpy, dot, norm, scale } from './vector.js';

/** A second pass that shrinks a vector by more than this factor means it was mostly rounding error. */
const TWICE_IS_ENOUGH = Math.SQRT1_2;

/**
 * Makes `v` orthogonal to every vector of `basis` (assumed orthonormal), in place, by two
 * passes of modified Gram–Schmidt: v ← v − (qᵀv)·q for each q, twice. One pass leaves
 * components of size ε·‖v‖/‖result‖ along the basis; the second removes them. Returns
 * ‖v‖ after the first pass and after the second, without allocating.
 */
export function orthogonalizeAgainst(v: Float64Array, basis: readonly Float64Array[]): { first: number; second: number } {
  let first = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) axpy(-dot(q, v), q, v);
    if (pass === 0) first = norm(v);
  }
  return { first, second: norm(v) };
}

export interface OrthonormalizeOptions {
  /**
   * Orthonormal vectors to orthogonalize against first (e.g. eigenvectors already found);
   * they are not part of the result. Default none.
   */
  against?: readonly Float64Array[];
  /**
   * A vector is linearly dependent on the ones before it (and `against`) when what is left
   * of it after orthogonalization has norm ≤ tolerance·(its original norm). Default 1e-10.
   */
  tolerance?: number;
}

export interface OrthonormalizeResult {
  /** Orthonormal vectors (new arrays) spanning the same space as the kept inputs. */
  basis: Float64Array[];
  /** kept[i] is the index of the input vector that became basis[i]. */
  kept: number[];
  /** Indices of the inputs dropped as linearly dependent (zero vectors included), ascending. */
  dropped: number[];
}

function checkVector(label: string, v: Float64Array, length: number): void {
  if (!(v instanceof Float64Array)) throw new ValueError(`orthonormalize: ${label} is not a Float64Array.`);
  if (v.length !== length) throw new ValueError(`orthonormalize: ${label} has length ${v.length}, the others ${length}.`);
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) throw new ValueError(`orthonormalize: ${label} has a non-finite entry at ${i} (${v[i]}).`);
  }
}

/**
 * Orthonormalizes `vectors` in order, by modified Gram–Schmidt with re-orthogonalization: the
 * i-th kept output spans, with those before it, the same space as the kept inputs up to i.
 * Vectors that are (numerically) linearly dependent on earlier ones or on `against` are dropped
 * and listed in `dropped`. The inputs are not modified. All vectors must have one length and
 * finite entries (a ValueError otherwise). Orthogonality of the result is about 1e-15.
 */
export function orthonormalize(vectors: readonly Float64Array[], options: OrthonormalizeOptions = {}): OrthonormalizeResult {
  const against = options.against ?? [];
  const tolerance = options.tolerance ?? 1e-10;
  if (!(tolerance >= 0 && tolerance < 1)) throw new ValueError(`orthonormalize: tolerance must be in [0, 1) (got ${tolerance}).`);
  const length = vectors.length > 0 ? vectors[0].length : against.length > 0 ? against[0].length : 0;
  vectors.forEach((v, i) => checkVector(`vector ${i}`, v, length));
  against.forEach((q, i) => checkVector(`against[${i}]`, q, length));

  // One list to project against: the given vectors, then each new basis vector as it comes.
  const projectors: Float64Array[] = [...against];
  const basis: Float64Array[] = [];
  const kept: number[] = [];
  const dropped: number[] = [];
  vectors.forEach((input, index) => {
    const original = norm(input);
    const v = new Float64Array(input);
    const { first, second } = original === 0 ? { first: 0, second: 0 } : orthogonalizeAgainst(v, projectors);
    // Dependent if little is left, or if the second pass still removed a large share of what
    // the first left (Kahan's test: then that was mostly rounding error, whatever the tolerance).
    if (second === 0 || second <= tolerance * original || second < TWICE_IS_ENOUGH * first) {
      dropped.push(index);
      return;
    }
    scale(1 / second, v);
    projectors.push(v);
    basis.push(v);
    kept.push(index);
  });
  return { basis, kept, dropped };
}
