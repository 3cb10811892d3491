import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../engine/errors.js';
import { eigh, eighTridiagonal } from '../../../engine/linalg/index.js';
import { column, diffUpToSign, gaps, loadFixture, maxAbsDiff, maxResidual, orthogonalityError } from './helpers.js';

const fixture = loadFixture();

/** The dense n×n matrix of a tridiagonal one. */
function dense(diag: ArrayLike<number>, offdiag: ArrayLike<number>): Float64Array {
  const n = diag.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = diag[i];
    if (i + 1 < n) a[i * n + i + 1] = a[(i + 1) * n + i] = offdiag[i];
  }
  return a;
}

describe('eighTridiagonal against scipy.linalg.eigh_tridiagonal', () => {
  for (const c of fixture.tridiagonal) {
    const n = c.diag.length;
    const diag = Float64Array.from(c.diag);
    const offdiag = Float64Array.from(c.offdiag);
    const spectralNorm = Math.max(...c.values.map(Math.abs));

    it(`${c.name}: eigenvalues, residuals, orthonormality and eigenvectors up to sign`, () => {
      const { values, vectors } = eighTridiagonal(diag, offdiag);
      expect(maxAbsDiff(values, c.values)).toBeLessThanOrEqual(1e-10 * spectralNorm);
      expect(maxResidual(dense(diag, offdiag), n, values, vectors)).toBeLessThanOrEqual(1e-10 * spectralNorm);
      expect(orthogonalityError(vectors, n)).toBeLessThanOrEqual(1e-12);
      const gap = gaps(c.values);
      for (let j = 0; j < n; j++) {
        expect(diffUpToSign(column(vectors, n, j), column(c.vectors, n, j))).toBeLessThanOrEqual(1e-13 * (spectralNorm / gap[j]));
      }
    });

    it(`${c.name}: the first components of the eigenvectors match scipy's up to sign`, () => {
      const { values, firstComponents } = eighTridiagonal(diag, offdiag, { vectors: 'first' });
      expect(maxAbsDiff(values, c.values)).toBeLessThanOrEqual(1e-10 * spectralNorm);
      expect(maxAbsDiff(firstComponents.map(Math.abs), c.firstComponents.map(Math.abs))).toBeLessThanOrEqual(1e-12);
      // They are the first row of an orthogonal matrix: the quadrature weights sum to 1.
      expect(firstComponents.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 14);
    });
  }

  it('the Legendre Jacobi matrix gives the Gauss–Legendre nodes, and 2·(first components)² the weights', () => {
    const c = fixture.tridiagonal.find((t) => t.name === 'legendre20')!;
    const { values, firstComponents } = eighTridiagonal(Float64Array.from(c.diag), Float64Array.from(c.offdiag), { vectors: 'first' });
    expect(maxAbsDiff(values, c.gaussNodes!)).toBeLessThan(1e-14);
    expect(maxAbsDiff(firstComponents.map((x) => 2 * x * x), c.gaussWeights!)).toBeLessThan(1e-14);
  });
});

describe('eighTridiagonal variants and edge cases', () => {
  const c = fixture.tridiagonal[0];
  const diag = Float64Array.from(c.diag);
  const offdiag = Float64Array.from(c.offdiag);

  it("'first' is the first row of 'all' and 'none' the same values, bit for bit (one QL iteration)", () => {
    const all = eighTridiagonal(diag, offdiag, { vectors: 'all' });
    const first = eighTridiagonal(diag, offdiag, { vectors: 'first' });
    const none = eighTridiagonal(diag, offdiag, { vectors: 'none' });
    expect(first.values).toEqual(all.values);
    expect(none.values).toEqual(all.values);
    expect(first.firstComponents).toEqual(all.vectors.subarray(0, diag.length));
    expect(Object.keys(none)).toEqual(['values']);
  });

  it('agrees with eigh on the same matrix given densely', () => {
    const n = diag.length;
    const fromDense = eigh(dense(diag, offdiag), n);
    const { values, vectors } = eighTridiagonal(diag, offdiag);
    expect(maxAbsDiff(values, fromDense.values)).toBeLessThan(1e-13);
    const gap = gaps(values);
    for (let j = 0; j < n; j++) expect(diffUpToSign(column(vectors, n, j), column(fromDense.vectors, n, j))).toBeLessThan(1e-13 / gap[j]);
  });

  it('n = 0 and n = 1', () => {
    expect(eighTridiagonal(new Float64Array(0), new Float64Array(0))).toEqual({ values: new Float64Array(0), vectors: new Float64Array(0) });
    expect(eighTridiagonal(new Float64Array(0), new Float64Array(0), { vectors: 'first' }).firstComponents).toEqual(new Float64Array(0));
    expect(eighTridiagonal(Float64Array.of(4), new Float64Array(0))).toEqual({ values: Float64Array.of(4), vectors: Float64Array.of(1) });
    expect(eighTridiagonal(Float64Array.of(4), new Float64Array(0), { vectors: 'first' })).toEqual({ values: Float64Array.of(4), firstComponents: Float64Array.of(1) });
  });

  it('a zero off-diagonal (a Lanczos run that stopped early) splits into 1×1 blocks', () => {
    const { values, vectors } = eighTridiagonal(Float64Array.of(3, 1, 2), Float64Array.of(0, 0));
    expect(values).toEqual(Float64Array.of(1, 2, 3));
    expect(vectors).toEqual(Float64Array.of(0, 0, 1, 1, 0, 0, 0, 1, 0));
  });

  it('a Lanczos-like matrix with off-diagonals decaying to 1e-300 and one scaled to 1e300', () => {
    const n = 30;
    const d = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const e = Float64Array.from({ length: n - 1 }, (_, i) => 10 ** (-10 * i));
    for (const factor of [1, 1e300, 1e-300]) {
      const dd = d.map((x) => x * factor);
      const ee = e.map((x) => x * factor);
      const { values, vectors } = eighTridiagonal(dd, ee);
      expect(orthogonalityError(vectors, n)).toBeLessThanOrEqual(1e-12);
      const unscaled = values.map((x) => x / factor);
      expect(maxResidual(dense(d, e), n, unscaled, vectors)).toBeLessThanOrEqual(1e-13);
    }
  });

  it('Wilkinson’s W21⁺ (nearly equal pairs) still gets orthonormal eigenvectors', () => {
    const n = 21;
    const d = Float64Array.from({ length: n }, (_, i) => Math.abs(10 - i));
    const e = new Float64Array(n - 1).fill(1);
    const { values, vectors } = eighTridiagonal(d, e);
    expect(orthogonalityError(vectors, n)).toBeLessThanOrEqual(1e-12);
    expect(maxResidual(dense(d, e), n, values, vectors)).toBeLessThanOrEqual(1e-13);
  });

  it('refuses a wrong off-diagonal length, non-finite entries and an unknown option', () => {
    expect(() => eighTridiagonal(Float64Array.of(1, 2), Float64Array.of(1, 2))).toThrow(/needs 1 off-diagonal entries \(got 2\)/);
    expect(() => eighTridiagonal(new Float64Array(0), Float64Array.of(1))).toThrow(ValueError);
    expect(() => eighTridiagonal(Float64Array.of(1, Number.NaN), Float64Array.of(1))).toThrow(/non-finite/);
    expect(() => eighTridiagonal(Float64Array.of(1, 2), Float64Array.of(-Infinity))).toThrow(ValueError);
    expect(() => eighTridiagonal(Float64Array.of(1), new Float64Array(0), { vectors: 'last' as 'none' })).toThrow(ValueError);
  });

  it('leaves its inputs untouched', () => {
    const d = new Float64Array(diag);
    const e = new Float64Array(offdiag);
    eighTridiagonal(d, e);
    expect(d).toEqual(diag);
    expect(e).toEqual(offdiag);
  });
});
