// Shared checks for the linalg tests: fixtures from numpy/scipy, random matrices, and the
// residual and orthogonality measures every eigen-decomposition test asserts.
import { readFileSync } from 'node:fs';
import { createRng } from '../../../engine/random.js';
import { orthonormalize } from '../../../engine/linalg/index.js';

export interface DenseCase {
  name: string;
  n: number;
  a: number[];
  values: number[];
  spectralNorm: number;
  vectors?: number[];
}

export interface TridiagonalCase {
  name: string;
  diag: number[];
  offdiag: number[];
  values: number[];
  vectors: number[];
  firstComponents: number[];
  gaussNodes?: number[];
  gaussWeights?: number[];
}

export interface Fixture {
  numpy: string;
  scipy: string;
  dense: DenseCase[];
  tridiagonal: TridiagonalCase[];
}

/** eigh_fixtures.json, written by fixtures/make_eigh_fixtures.py. */
export function loadFixture(): Fixture {
  return JSON.parse(readFileSync(new URL('./fixtures/eigh_fixtures.json', import.meta.url), 'utf8')) as Fixture;
}

/** A seeded n×n symmetric matrix with standard normal entries on and below the diagonal. */
export function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = createRng(seed, 'linalg:symmetric');
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = rng.normal();
      a[i * n + j] = x;
      a[j * n + i] = x;
    }
  }
  return a;
}

/** A seeded random n×n orthogonal matrix (rows orthonormal, hence columns too). */
export function randomOrthogonal(n: number, seed: number): Float64Array {
  const rng = createRng(seed, 'linalg:orthogonal');
  const rows = Array.from({ length: n }, () => Float64Array.from({ length: n }, () => rng.normal()));
  const { basis } = orthonormalize(rows);
  if (basis.length !== n) throw new Error('random Gaussian vectors came out dependent');
  const q = new Float64Array(n * n);
  basis.forEach((row, i) => q.set(row, i * n));
  return q;
}

/** Q·diag(λ)·Qᵀ, exactly symmetric (the lower triangle mirrored). */
export function withSpectrum(q: Float64Array, lambda: ArrayLike<number>): Float64Array {
  const n = lambda.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q[i * n + k] * lambda[k] * q[j * n + k];
      a[i * n + j] = s;
      a[j * n + i] = s;
    }
  }
  return a;
}

/** max_j ‖A·v_j − λ_j·v_j‖₂ with v_j column j of `vectors`. */
export function maxResidual(a: Float64Array, n: number, values: Float64Array, vectors: Float64Array): number {
  let worst = 0;
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let av = 0;
      for (let k = 0; k < n; k++) av += a[i * n + k] * vectors[k * n + j];
      const r = av - values[j] * vectors[i * n + j];
      sum += r * r;
    }
    worst = Math.max(worst, Math.sqrt(sum));
  }
  return worst;
}

/** max |VᵀV − I| over all entries. */
export function orthogonalityError(vectors: Float64Array, n: number): number {
  let worst = 0;
  for (let p = 0; p < n; p++) {
    for (let q = p; q < n; q++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += vectors[i * n + p] * vectors[i * n + q];
      worst = Math.max(worst, Math.abs(s - (p === q ? 1 : 0)));
    }
  }
  return worst;
}

/** The largest |a_i − b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} and ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** Distance from each value to the nearest other one (Infinity for a single value). */
export function gaps(values: ArrayLike<number>): number[] {
  return Array.from({ length: values.length }, (_, j) => {
    let gap = Infinity;
    for (let k = 0; k < values.length; k++) if (k !== j) gap = Math.min(gap, Math.abs(values[k] - values[j]));
    return gap;
  });
}

/** Column j of a row-major matrix with n columns. */
export function column(m: ArrayLike<number>, n: number, j: number): Float64Array {
  return Float64Array.from({ length: m.length / n }, (_, i) => m[i * n + j]);
}

/** max |x_i − y_i| for the better of y and −y: eigenvectors are defined up to sign. */
export function diffUpToSign(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const flipped = Array.from({ length: y.length }, (_, i) => -y[i]);
  return Math.min(maxAbsDiff(x, y), maxAbsDiff(x, flipped));
}
