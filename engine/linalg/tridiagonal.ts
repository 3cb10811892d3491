// Eigen-decomposition of a real symmetric tridiagonal matrix by the implicit QL algorithm
// with Wilkinson shifts. `tridiagonalQL` is the one implementation of the QL iteration in
// Losscape: `eigh` runs it after a Householder reduction, `eighTridiagonal` runs it on a
// tridiagonal matrix given directly (the Lanczos matrix T of stochastic Lanczos quadrature).
import { LosscapeError, ValueError } from '../errors.js';

/** Smallest positive normal double: deflation treats anything below it as zero. */
const SAFE_MIN = 2 ** -1022;

/** Each eigenvalue gets this many QL sweeps on average before we give up (LAPACK: 30). */
const SWEEPS_PER_EIGENVALUE = 30;

/**
 * Plane rotations are not applied to the eigenvector rows one sweep at a time: they are
 * recorded and applied in batches of up to this many (c, s) pairs, row by row, so that one
 * row of the eigenvector matrix stays in cache while many sweeps pass over it. This turns
 * the O(n³) vector work from memory-bound into compute-bound for large n.
 */
const ROTATION_BATCH = 1 << 16;

/**
 * Diagonalizes the symmetric tridiagonal matrix T (diagonal `d`, off-diagonal `e` with
 * e[i] = T[i][i+1] = T[i+1][i]) in place, by implicit QL sweeps with Wilkinson shifts.
 *
 * - `d` (length n): on return, the eigenvalues of T, in no particular order.
 * - `e` (length ≥ n): the off-diagonal in e[0 … n−2]; e[n−1] is scratch. Destroyed.
 * - `z` (`rows`×n, row-major; may be empty when `rows` is 0): every rotation G applied to T
 *   (T ← GᵀTG) is also applied to the columns of z (z ← zG). If z starts as W, it ends as
 *   W·S where T = S·diag(d)·Sᵀ; so column j of the result is the eigenvector of d[j] expressed
 *   through W. W = I gives the eigenvectors of T; W = Q with A = Q·T·Qᵀ gives those of A;
 *   W = the first row of I (rows = 1) gives only the first components of the eigenvectors.
 *
 * Costs O(n²) for the values plus about 3·rows·n² multiply-adds for the vectors. Throws a
 * LosscapeError if the iteration fails to converge (it does not in practice).
 *
 * The algorithm is the implicit-shift QL iteration (EISPACK's imtql2, the implicit variant of
 * tql2; see Wilkinson & Reinsch, Handbook for Automatic Computation II, and Golub & Van Loan
 * §8.3 for the QR mirror image). It deflates eigenvalues from the top of T down, and it
 * converges cubically for almost all matrices, in a few sweeps per eigenvalue.
 */
export function tridiagonalQL(d: Float64Array, e: Float64Array, z: Float64Array, rows: number): void {
  const n = d.length;
  if (e.length < n) throw new ValueError(`tridiagonalQL: e needs length ≥ n = ${n} (got ${e.length}).`);
  if (z.length < rows * n) throw new ValueError(`tridiagonalQL: z needs ${rows}×${n} entries (got ${z.length}).`);
  if (n === 0) return;
  e[n - 1] = 0;

  const eps = Number.EPSILON;
  const rotations = new Rotations(z, rows, n);
  let sweepsLeft = SWEEPS_PER_EIGENVALUE * n;

  // Eigenvalues are found from the top: when the block starting at row l has split off
  // (e[l] negligible), d[l] is an eigenvalue and we move on to l + 1.
  for (let l = 0; l < n; l++) {
    for (;;) {
      // The unreduced block is l … m: the first negligible off-diagonal at or after l.
      // "Negligible" is relative to its two diagonal neighbours (LAPACK's local test), which
      // keeps small eigenvalues of graded matrices accurate.
      let m = l;
      while (m < n - 1 && Math.abs(e[m]) > eps * (Math.abs(d[m]) + Math.abs(d[m + 1])) + SAFE_MIN) m++;
      if (m === l) break; // d[l] has converged.
      if (--sweepsLeft < 0) {
        throw new LosscapeError(`The QL eigenvalue iteration did not converge for a ${n}×${n} tridiagonal matrix (stuck at row ${l}).`);
      }

      // Wilkinson shift σ: the eigenvalue of the leading 2×2 block [d_l e_l; e_l d_{l+1}]
      // closer to d_l. With θ = (d_{l+1} − d_l)/(2e_l), σ = d_l − e_l/(θ + sign(θ)·√(θ²+1)).
      // The sweep starts from g = d_m − σ: the bottom entry of T − σI in the block.
      const theta = (d[l + 1] - d[l]) / (2 * e[l]);
      const root = Math.hypot(theta, 1);
      let g = d[m] - d[l] + e[l] / (theta + (theta >= 0 ? root : -root));

      // One implicit QL sweep: a rotation in plane (m−1, m) chosen as if annihilating the
      // top of the last column of T − σI, then rotations in planes (i, i+1) for i = m−2 … l
      // chasing the bulge it creates up and out of the block. Throughout:
      //   s, c  the current rotation; p  how much d[i+1] has moved so far; g  the entry that
      //   the next rotation annihilates against; b  the unrotated part of e[i].
      let s = 1;
      let c = 1;
      let p = 0;
      let underflow = false;
      rotations.beginSweep(m - 1);
      for (let i = m - 1; i >= l; i--) {
        const f = s * e[i];
        const b = c * e[i];
        let r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // Both f and g underflowed: T has split at i + 1. Undo the partial shift and retry
          // with the smaller block.
          d[i + 1] -= p;
          e[m] = 0;
          underflow = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        rotations.push(c, s);
      }
      rotations.endSweep();
      if (underflow) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  rotations.flush();
}

/**
 * The rotations of consecutive QL sweeps, waiting to be applied to the columns of z.
 * A sweep is a run of rotations in planes (i, i+1) for i = bottom, bottom−1, …; applying it
 * to one row of z is a single pass down that row with the running value kept in a register.
 */
class Rotations {
  private readonly cs: Float64Array;
  private readonly sweepBottom: Int32Array;
  private readonly sweepLength: Int32Array;
  private size = 0; // (c, s) pairs recorded
  private sweeps = 0; // sweeps recorded
  private readonly capacity: number;

  constructor(
    private readonly z: Float64Array,
    private readonly rows: number,
    private readonly n: number,
  ) {
    // A sweep has at most n − 1 rotations, so any sweep fits in an empty batch. Small
    // problems (and the single row of 'first' components) gain nothing from batching: their
    // buffer stays no bigger than z itself.
    this.capacity = rows === 0 ? 0 : Math.max(n, Math.min(ROTATION_BATCH, (rows * n) >> 1));
    this.cs = new Float64Array(2 * this.capacity);
    this.sweepBottom = new Int32Array(this.capacity);
    this.sweepLength = new Int32Array(this.capacity);
  }

  /** Starts a sweep whose first rotation is in plane (bottom, bottom + 1). */
  beginSweep(bottom: number): void {
    if (this.rows === 0) return;
    if (this.size + bottom + 1 > this.capacity) this.flush();
    this.sweepBottom[this.sweeps] = bottom;
    this.sweepLength[this.sweeps] = 0;
  }

  push(c: number, s: number): void {
    if (this.rows === 0) return;
    this.cs[2 * this.size] = c;
    this.cs[2 * this.size + 1] = s;
    this.size++;
    this.sweepLength[this.sweeps]++;
  }

  endSweep(): void {
    if (this.rows === 0) return;
    if (this.sweepLength[this.sweeps] > 0) this.sweeps++;
  }

  /** Applies every recorded rotation to z, in order, and empties the batch. */
  flush(): void {
    if (this.sweeps === 0) return;
    // Four rows at a time: each row's pass is a chain of dependent multiply-adds, so four
    // independent chains keep the floating-point units busy and share the loads of (c, s).
    let row = 0;
    for (; row + 4 <= this.rows; row += 4) this.applyToFourRows(row * this.n);
    for (; row < this.rows; row++) this.applyToRow(row * this.n);
    this.size = 0;
    this.sweeps = 0;
  }

  /** Applies the batch to the row of z that starts at `base`. */
  private applyToRow(base: number): void {
    const { z, cs, sweepBottom, sweepLength } = this;
    let k = 0; // index of the next (c, s) pair
    for (let sweep = 0; sweep < this.sweeps; sweep++) {
      const bottom = base + sweepBottom[sweep];
      const top = bottom - sweepLength[sweep] + 1;
      // Rotation in plane (i, i+1): z_i ← c·z_i − s·z_{i+1}, z_{i+1} ← s·z_i + c·z_{i+1}.
      // z_{i+1} for the next (lower i) rotation is the z_i just computed: keep it in `carry`.
      let carry = z[bottom + 1];
      for (let i = bottom; i >= top; i--) {
        const c = cs[k++];
        const s = cs[k++];
        const zi = z[i];
        z[i + 1] = s * zi + c * carry;
        carry = c * zi - s * carry;
      }
      z[top] = carry;
    }
  }

  /** `applyToRow` for the four consecutive rows starting at `base`, interleaved. */
  private applyToFourRows(base: number): void {
    const { z, cs, n, sweepBottom, sweepLength } = this;
    let k = 0;
    for (let sweep = 0; sweep < this.sweeps; sweep++) {
      const bottom = base + sweepBottom[sweep];
      const top = bottom - sweepLength[sweep] + 1;
      let carry0 = z[bottom + 1];
      let carry1 = z[bottom + 1 + n];
      let carry2 = z[bottom + 1 + 2 * n];
      let carry3 = z[bottom + 1 + 3 * n];
      for (let i = bottom; i >= top; i--) {
        const c = cs[k++];
        const s = cs[k++];
        const z0 = z[i];
        const z1 = z[i + n];
        const z2 = z[i + 2 * n];
        const z3 = z[i + 3 * n];
        z[i + 1] = s * z0 + c * carry0;
        z[i + 1 + n] = s * z1 + c * carry1;
        z[i + 1 + 2 * n] = s * z2 + c * carry2;
        z[i + 1 + 3 * n] = s * z3 + c * carry3;
        carry0 = c * z0 - s * carry0;
        carry1 = c * z1 - s * carry1;
        carry2 = c * z2 - s * carry2;
        carry3 = c * z3 - s * carry3;
      }
      z[top] = carry0;
      z[top + n] = carry1;
      z[top + 2 * n] = carry2;
      z[top + 3 * n] = carry3;
    }
  }
}

/**
 * The permutation that sorts `values` ascending (ties keep their order), then applies it to
 * `values` and to the columns of the `rows`×n matrix z, in place.
 */
export function sortEigenpairs(values: Float64Array, z: Float64Array, rows: number): void {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const scratch = new Float64Array(n);
  scratch.set(values);
  for (let j = 0; j < n; j++) values[j] = scratch[order[j]];
  for (let row = 0; row < rows; row++) {
    const base = row * n;
    scratch.set(z.subarray(base, base + n));
    for (let j = 0; j < n; j++) z[base + j] = scratch[order[j]];
  }
}

/**
 * The exponent k for which 2^k·`largest` (the largest |entry| of a matrix) is near 1, or 0 if
 * `largest` is already in a range where the iteration can neither overflow nor underflow.
 * Scaling by a power of two is exact, so it costs no accuracy.
 */
export function safeScaleExponent(largest: number): number {
  if (largest === 0 || (largest > 2 ** -400 && largest < 2 ** 400)) return 0;
  return -Math.round(Math.log2(largest));
}

/** x ← 2^k·x in place, in steps small enough that no factor overflows (k may exceed ±1023). */
export function scaleByPowerOfTwo(x: Float64Array, k: number): void {
  while (k !== 0) {
    const step = Math.max(-600, Math.min(600, k));
    const factor = 2 ** step;
    for (let i = 0; i < x.length; i++) x[i] *= factor;
    k -= step;
  }
}

/** Which eigenvectors `eighTridiagonal` returns. */
export type TridiagonalVectors = 'all' | 'first' | 'none';

export interface TridiagonalOptions {
  /**
   * 'all' (default): the n×n eigenvector matrix. 'first': only the first component of each
   * eigenvector (the weights of Gauss quadrature / stochastic Lanczos quadrature), at O(n²)
   * cost. 'none': eigenvalues only.
   */
  vectors?: TridiagonalVectors;
}

/** Eigenvalues ascending and, in column j (vectors[i*n + j]), the eigenvector of values[j]. */
export interface TridiagonalEigen {
  values: Float64Array;
  vectors: Float64Array;
}

/** Eigenvalues ascending and firstComponents[j], the first entry of the eigenvector of values[j]. */
export interface TridiagonalFirstComponents {
  values: Float64Array;
  firstComponents: Float64Array;
}

/**
 * Eigen-decomposition of the symmetric tridiagonal matrix with diagonal `diag` (length n) and
 * off-diagonal `offdiag` (length n − 1; offdiag[i] = T[i][i+1] = T[i+1][i]), the arguments of
 * scipy.linalg.eigh_tridiagonal. Eigenvalues come back ascending; eigenvectors are orthonormal,
 * each with an arbitrary sign. Non-finite entries or a wrong offdiag length raise a ValueError;
 * the inputs are not modified.
 *
 * `{ vectors: 'first' }` returns only the first component of every eigenvector: the Gauss
 * quadrature weights τ_j² = firstComponents[j]² of a Lanczos matrix (they sum to 1).
 */
export function eighTridiagonal(diag: Float64Array, offdiag: Float64Array, options?: { vectors?: 'all' }): TridiagonalEigen;
export function eighTridiagonal(diag: Float64Array, offdiag: Float64Array, options: { vectors: 'first' }): TridiagonalFirstComponents;
export function eighTridiagonal(diag: Float64Array, offdiag: Float64Array, options: { vectors: 'none' }): { values: Float64Array };
export function eighTridiagonal(
  diag: Float64Array,
  offdiag: Float64Array,
  options: TridiagonalOptions = {},
): TridiagonalEigen | TridiagonalFirstComponents | { values: Float64Array } {
  const want = options.vectors ?? 'all';
  if (want !== 'all' && want !== 'first' && want !== 'none') {
    throw new ValueError(`eighTridiagonal: vectors must be 'all', 'first' or 'none' (got ${String(want)}).`);
  }
  const n = diag.length;
  if (offdiag.length !== Math.max(n - 1, 0)) {
    throw new ValueError(`eighTridiagonal: a ${n}×${n} tridiagonal matrix needs ${Math.max(n - 1, 0)} off-diagonal entries (got ${offdiag.length}).`);
  }
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(diag[i]));
  for (let i = 0; i < n - 1; i++) largest = Math.max(largest, Math.abs(offdiag[i]));
  if (!Number.isFinite(largest)) throw new ValueError('eighTridiagonal: the matrix has a non-finite entry (NaN or ±Infinity).');

  const exponent = safeScaleExponent(largest);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  d.set(diag);
  e.set(offdiag);
  scaleByPowerOfTwo(d, exponent);
  scaleByPowerOfTwo(e, exponent);

  // Start from W = I (all rows), or just its first row.
  const rows = want === 'all' ? n : want === 'first' ? Math.min(n, 1) : 0;
  const z = new Float64Array(rows * n);
  for (let i = 0; i < rows; i++) z[i * n + i] = 1;

  tridiagonalQL(d, e, z, rows);
  sortEigenpairs(d, z, rows);
  scaleByPowerOfTwo(d, -exponent);

  if (want === 'all') return { values: d, vectors: z };
  if (want === 'first') return { values: d, firstComponents: z };
  return { values: d };
}
