// Eigenvalues and eigenvectors of a dense real symmetric matrix: Householder reduction to
// tridiagonal form (householder.ts) followed by the implicit QL iteration with Wilkinson
// shifts (tridiagonal.ts), the classical EISPACK tred2 + tql2 pair.
import { ValueError } from '../errors.js';
import { tridiagonalize } from './householder.js';
import { safeScaleExponent, scaleByPowerOfTwo, sortEigenpairs, tridiagonalQL } from './tridiagonal.js';

/** The eigen-decomposition A = V·diag(values)·Vᵀ of a symmetric matrix. */
export interface SymmetricEigen {
  /** The n eigenvalues, ascending, each repeated by its multiplicity. */
  values: Float64Array;
  /**
   * The n×n orthogonal matrix V, row-major, eigenvectors in its COLUMNS: column j, i.e. the
   * entries vectors[i*n + j] for i = 0 … n−1, is the unit eigenvector of values[j] (as in
   * numpy.linalg.eigh). Each has an arbitrary sign; within a repeated eigenvalue any
   * orthonormal basis of the eigenspace may come back.
   */
  vectors: Float64Array;
}

/**
 * Checks that `a` is an n×n matrix of finite numbers and copies it, scaled by a power of two
 * if its entries are so large or small that the iteration could overflow or underflow.
 */
function prepare(op: string, a: Float64Array, n: number): { work: Float64Array; exponent: number } {
  if (!Number.isInteger(n) || n < 0) throw new ValueError(`${op}: n must be a non-negative integer (got ${n}).`);
  if (!(a instanceof Float64Array)) throw new ValueError(`${op}: the matrix must be a Float64Array.`);
  if (a.length !== n * n) {
    throw new ValueError(`${op}: a square ${n}×${n} matrix needs ${n * n} entries (got ${a.length}).`);
  }
  // Every entry must be finite, though only the lower triangle (j ≤ i) is used.
  let largest = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = Math.abs(a[i * n + j]);
      if (!(x <= Number.MAX_VALUE)) {
        throw new ValueError(`${op}: entry [${i}, ${j}] of the matrix is ${a[i * n + j]}; eigenvalues need finite entries.`);
      }
      if (j <= i && x > largest) largest = x;
    }
  }
  const exponent = safeScaleExponent(largest);
  const work = new Float64Array(a);
  scaleByPowerOfTwo(work, exponent);
  return { work, exponent };
}

/**
 * All eigenvalues (ascending) and orthonormal eigenvectors of the real symmetric n×n matrix
 * `a` (row-major Float64Array of length n²), like numpy.linalg.eigh. Only the lower triangle
 * of `a` enters the computation (numpy's default UPLO='L'), though every entry must be finite;
 * `a` is not modified. The eigenvector of values[j] is column j of the
 * returned `vectors`: vectors[i*n + j] for i = 0 … n−1.
 *
 * Backward stable: the computed pairs are exact for a matrix within a few ε·‖A‖ of A, so each
 * eigenvalue is accurate to about n·ε·‖A‖ and A·v − λv is about that small. (A strongly graded
 * matrix, with entries shrinking from the top left to the bottom right, gets even its tiny
 * eigenvalues to high relative accuracy; ordered the other way round it does not, as in LAPACK.)
 * O(n³): about 9n³ flops. Throws a ValueError for a wrong length, a non-integer n or a
 * non-finite entry.
 */
export function eigh(a: Float64Array, n: number): SymmetricEigen {
  const { work, exponent } = prepare('eigh', a, n);
  const { d, e } = tridiagonalize(work, n, true);
  // `work` now holds Q with A = Q·T·Qᵀ; the QL rotations turn it into Q·S, T = S·Λ·Sᵀ.
  tridiagonalQL(d, e, work, n);
  sortEigenpairs(d, work, n);
  scaleByPowerOfTwo(d, -exponent);
  return { values: d, vectors: work };
}

/**
 * The eigenvalues of the real symmetric n×n matrix `a`, ascending — the values of `eigh`,
 * bit for bit, without accumulating eigenvectors: about (4/3)n³ flops instead of 9n³. Only the
 * lower triangle is read; same errors as `eigh`.
 */
export function eigvalsh(a: Float64Array, n: number): Float64Array {
  const { work, exponent } = prepare('eigvalsh', a, n);
  const { d, e } = tridiagonalize(work, n, false);
  tridiagonalQL(d, e, work, 0);
  sortEigenpairs(d, work, 0);
  scaleByPowerOfTwo(d, -exponent);
  return d;
}
