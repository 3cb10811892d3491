import { describe, expect, it } from 'vitest';
import { LosscapeError, ValueError } from '../../../engine/errors.js';
import { eigh, eigvalsh } from '../../../engine/linalg/index.js';
import {
  column,
  diffUpToSign,
  gaps,
  loadFixture,
  maxAbsDiff,
  maxResidual,
  orthogonalityError,
  randomOrthogonal,
  randomSymmetric,
  withSpectrum,
} from './helpers.js';

const fixture = loadFixture();

/** The three properties every decomposition must have, at the tolerances of the spec. */
function expectGoodDecomposition(a: Float64Array, n: number, spectralNorm: number): { values: Float64Array; vectors: Float64Array } {
  const { values, vectors } = eigh(a, n);
  expect(values.length).toBe(n);
  expect(vectors.length).toBe(n * n);
  for (let j = 1; j < n; j++) expect(values[j]).toBeGreaterThanOrEqual(values[j - 1]);
  expect(maxResidual(a, n, values, vectors)).toBeLessThanOrEqual(1e-10 * spectralNorm);
  expect(orthogonalityError(vectors, n)).toBeLessThanOrEqual(1e-12);
  return { values, vectors };
}

describe('eigh against numpy.linalg.eigh', () => {
  for (const c of fixture.dense) {
    it(`${c.name} (${c.n}×${c.n}): eigenvalues to 1e-10·‖A‖, A·v = λv to 1e-10·‖A‖, VᵀV = I to 1e-12`, () => {
      const a = Float64Array.from(c.a);
      const { values } = expectGoodDecomposition(a, c.n, c.spectralNorm);
      expect(maxAbsDiff(values, c.values)).toBeLessThanOrEqual(1e-10 * c.spectralNorm);
    });
  }

  for (const c of fixture.dense.filter((d) => d.vectors)) {
    it(`${c.name}: each eigenvector matches numpy's up to sign, to within ε-ish·‖A‖/gap`, () => {
      const { vectors } = eigh(Float64Array.from(c.a), c.n);
      const gap = gaps(c.values);
      for (let j = 0; j < c.n; j++) {
        const tolerance = Math.min(1e-12 * (c.spectralNorm / gap[j]), 1e-6);
        expect(diffUpToSign(column(vectors, c.n, j), column(c.vectors!, c.n, j))).toBeLessThanOrEqual(tolerance);
      }
    });
  }

  it('repeated eigenvalues come back with their multiplicities and orthonormal eigenspaces', () => {
    const c = fixture.dense.find((d) => d.name === 'repeated')!;
    const { values } = eigh(Float64Array.from(c.a), c.n);
    const expected = [-2, -2, -2, 0.5, 0.5, 1, 1, 1, 1, 3, 7, 7];
    expect(maxAbsDiff(values, expected)).toBeLessThanOrEqual(1e-12 * c.spectralNorm);
  });

  it('the ill-conditioned matrix (eigenvalues 1e-8 … 1e4) keeps every eigenvalue positive and in order', () => {
    const c = fixture.dense.find((d) => d.name === 'illConditioned')!;
    const values = eigvalsh(Float64Array.from(c.a), c.n);
    expect(c.spectralNorm).toBeCloseTo(1e4, 6);
    expect(maxAbsDiff(values, c.values)).toBeLessThanOrEqual(1e-10 * c.spectralNorm);
    // Backward stability gives absolute errors of a few ε·‖A‖ ≈ 1e-12; the smallest is 1e-8.
    expect(Math.abs(values[0] - 1e-8)).toBeLessThan(1e-10);
  });
});

describe('eigh on a matrix with a known spectrum', () => {
  it('recovers λ of a random 300×300 Q·diag(λ)·Qᵀ to 1e-10·‖A‖, with orthonormal eigenvectors', () => {
    const n = 300;
    const rng = Array.from({ length: n }, (_, i) => Math.sin(1 + i * i) * 50 + (i % 7 === 0 ? 100 : 0));
    const lambda = Float64Array.from(rng);
    lambda[10] = lambda[11] = lambda[12] = 4; // a triple eigenvalue
    const a = withSpectrum(randomOrthogonal(n, 3), lambda);
    const sorted = Float64Array.from(lambda).sort();
    const spectralNorm = Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1]));
    const { values } = expectGoodDecomposition(a, n, spectralNorm);
    expect(maxAbsDiff(values, sorted)).toBeLessThanOrEqual(1e-10 * spectralNorm);
    expect(maxAbsDiff(eigvalsh(a, n), sorted)).toBeLessThanOrEqual(1e-10 * spectralNorm);
  });

  it('eigvalsh returns exactly the eigenvalues of eigh (the same reduction and QL, minus the vectors)', () => {
    for (const n of [3, 17, 64]) {
      const a = randomSymmetric(n, n);
      expect(eigvalsh(a, n)).toEqual(eigh(a, n).values);
    }
  });

  it('random symmetric matrices of sizes 2 … 70 all decompose to full accuracy', () => {
    for (const n of [2, 3, 4, 7, 16, 33, 70]) {
      const a = randomSymmetric(n, 100 + n);
      let frobenius = 0;
      for (const x of a) frobenius += x * x;
      expectGoodDecomposition(a, n, Math.sqrt(frobenius));
    }
  });
});

describe('eigh edge cases', () => {
  it('n = 0 gives empty results, n = 1 the entry itself with eigenvector [1]', () => {
    expect(eigh(new Float64Array(0), 0)).toEqual({ values: new Float64Array(0), vectors: new Float64Array(0) });
    expect(eigvalsh(new Float64Array(0), 0)).toEqual(new Float64Array(0));
    expect(eigh(Float64Array.of(-2.5), 1)).toEqual({ values: Float64Array.of(-2.5), vectors: Float64Array.of(1) });
  });

  it('the zero matrix, the identity and a diagonal matrix (already reduced)', () => {
    const zero = eigh(new Float64Array(16), 4);
    expect(zero.values).toEqual(new Float64Array(4));
    expect(orthogonalityError(zero.vectors, 4)).toBe(0);

    const identity = new Float64Array(25);
    for (let i = 0; i < 5; i++) identity[i * 6] = 1;
    expectGoodDecomposition(identity, 5, 1);
    expect(eigvalsh(identity, 5)).toEqual(Float64Array.of(1, 1, 1, 1, 1));

    const diagonal = new Float64Array(16);
    [3, -1, 0, 2].forEach((x, i) => (diagonal[i * 5] = x));
    const { values, vectors } = expectGoodDecomposition(diagonal, 4, 3);
    expect(values).toEqual(Float64Array.of(-1, 0, 2, 3));
    // Eigenvectors of a diagonal matrix are unit vectors: column j is ±e of the entry's index.
    expect(Array.from(vectors, Math.abs)).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
  });

  it('a block-diagonal matrix (the QL iteration splits it) and a tridiagonal one', () => {
    const n = 6;
    const a = new Float64Array(n * n);
    const set = (i: number, j: number, x: number) => {
      a[i * n + j] = x;
      a[j * n + i] = x;
    };
    set(0, 0, 2);
    set(1, 0, 1);
    set(1, 1, 2);
    set(2, 2, 5);
    set(3, 3, 1);
    set(4, 3, 1e-3);
    set(4, 4, 1);
    set(5, 4, 3);
    set(5, 5, -1);
    expectGoodDecomposition(a, n, 6);
  });

  it('Wilkinson’s W21⁺, whose top eigenvalues come in pairs agreeing to 15 digits', () => {
    const n = 21;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      a[i * n + i] = Math.abs(10 - i);
      if (i + 1 < n) a[i * n + i + 1] = a[(i + 1) * n + i] = 1;
    }
    const { values } = expectGoodDecomposition(a, n, 11);
    expect(values[n - 1] - values[n - 2]).toBeLessThan(1e-13);
    expect(values[n - 1]).toBeCloseTo(10.746194182903393, 12);
  });

  it('entries near the overflow and underflow limits: eigenvalues scale exactly with the matrix', () => {
    const n = 8;
    const a = randomSymmetric(n, 8);
    const reference = eigvalsh(a, n);
    const top = Math.max(Math.abs(reference[0]), Math.abs(reference[n - 1]));
    for (const factor of [2 ** 1000, 2 ** -1000, 1e300, 1e-300]) {
      const scaled = a.map((x) => x * factor);
      const { values, vectors } = eigh(scaled, n);
      for (let j = 0; j < n; j++) expect(Math.abs(values[j] / factor - reference[j])).toBeLessThanOrEqual(1e-13 * top);
      expect(orthogonalityError(vectors, n)).toBeLessThanOrEqual(1e-12);
    }
    // Subnormal entries have lost bits already (1e-315 keeps about 30), but nothing breaks.
    const tiny = eigh(a.map((x) => x * 1e-315), n);
    for (let j = 0; j < n; j++) expect(Math.abs(tiny.values[j] / 1e-315 - reference[j])).toBeLessThanOrEqual(1e-6 * top);
    expect(orthogonalityError(tiny.vectors, n)).toBeLessThanOrEqual(1e-12);
  });

  it('a matrix graded from 2 at the top left down to 2e-30 keeps even its tiny eigenvalues to relative accuracy', () => {
    const n = 6;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = 10 ** -(3 * (i + j)) * (i === j ? 2 : 1);
    expectGoodDecomposition(a, n, 2);
    // mpmath.eigsy at 60 digits.
    const exact = [1.1666666342591964e-30, 1.1999999853332573e-24, 1.2499999718749204e-18, 1.3333332685183424e-12, 1.4999997916665438e-6, 2.000000500000875];
    const values = eigvalsh(a, n);
    for (let j = 0; j < n; j++) expect(Math.abs(values[j] / exact[j] - 1)).toBeLessThan(1e-12);
  });

  it('reads only the lower triangle and leaves the input untouched', () => {
    const n = 5;
    const a = randomSymmetric(n, 5);
    const messy = new Float64Array(a);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) messy[i * n + j] = 1e300 * (i - j);
    const copy = new Float64Array(messy);
    expect(eigh(messy, n)).toEqual(eigh(a, n));
    expect(messy).toEqual(copy);
  });
});

describe('eigh input checks', () => {
  it('refuses a non-square length, a bad n, and NaN or infinite entries with a ValueError', () => {
    for (const f of [eigh, eigvalsh]) {
      expect(() => f(new Float64Array(5), 2)).toThrow(ValueError);
      expect(() => f(new Float64Array(6), 3)).toThrow(/3×3 matrix needs 9 entries \(got 6\)/);
      expect(() => f(new Float64Array(4), -2)).toThrow(ValueError);
      expect(() => f(new Float64Array(4), 1.5)).toThrow(ValueError);
      expect(() => f(Float64Array.of(1, 0, 0, Number.NaN), 2)).toThrow(/entry \[1, 1\].*NaN/);
      expect(() => f(Float64Array.of(1, Infinity, Infinity, 1), 2)).toThrow(ValueError);
      expect(() => f([1, 0, 0, 1] as unknown as Float64Array, 2)).toThrow(ValueError);
    }
    try {
      eigh(Float64Array.of(-Infinity), 1);
    } catch (err) {
      expect(err).toBeInstanceOf(LosscapeError);
    }
  });
});
