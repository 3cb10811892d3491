import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../engine/errors.js';
import { createRng } from '../../../engine/random.js';
import { axpy, dot, norm, orthogonalizeAgainst, orthonormalize } from '../../../engine/linalg/index.js';

function randomVectors(count: number, length: number, seed: number): Float64Array[] {
  const rng = createRng(seed, 'linalg:gram-schmidt');
  return Array.from({ length: count }, () => Float64Array.from({ length }, () => rng.normal()));
}

/** max |qᵢᵀqⱼ − δᵢⱼ|. */
function orthonormalityError(basis: Float64Array[]): number {
  let worst = 0;
  for (let i = 0; i < basis.length; i++) {
    for (let j = i; j < basis.length; j++) worst = Math.max(worst, Math.abs(dot(basis[i], basis[j]) - (i === j ? 1 : 0)));
  }
  return worst;
}

/** ‖x − Σ (qᵀx)·q‖ / ‖x‖: how far x is from the span of the basis. */
function distanceToSpan(x: Float64Array, basis: Float64Array[]): number {
  const r = new Float64Array(x);
  for (const q of basis) axpy(-dot(q, x), q, r);
  return norm(r) / norm(x);
}

describe('orthonormalize', () => {
  it('returns orthonormal vectors spanning, in order, the same nested spaces as the inputs', () => {
    const inputs = randomVectors(10, 30, 1);
    const copies = inputs.map((v) => new Float64Array(v));
    const { basis, kept, dropped } = orthonormalize(inputs);
    expect(kept).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(dropped).toEqual([]);
    expect(orthonormalityError(basis)).toBeLessThan(1e-15 * 10);
    inputs.forEach((x, i) => {
      expect(distanceToSpan(x, basis.slice(0, i + 1))).toBeLessThan(1e-14);
      if (i > 0) expect(distanceToSpan(x, basis.slice(0, i))).toBeGreaterThan(0.1);
    });
    expect(inputs).toEqual(copies); // inputs untouched
  });

  it('drops linearly dependent vectors, zero vectors and duplicates, and says which', () => {
    const [a, b, c] = randomVectors(3, 8, 2);
    const combination = new Float64Array(a);
    axpy(-2.5, b, combination);
    const { basis, kept, dropped } = orthonormalize([a, new Float64Array(8), b, combination, c, new Float64Array(a)]);
    expect(kept).toEqual([0, 2, 4]);
    expect(dropped).toEqual([1, 3, 5]);
    expect(basis.length).toBe(3);
    expect(orthonormalityError(basis)).toBeLessThan(1e-15 * 5);
  });

  it('keeps at most as many vectors as the dimension', () => {
    const { basis, kept, dropped } = orthonormalize(randomVectors(7, 4, 3));
    expect(kept).toEqual([0, 1, 2, 3]);
    expect(dropped).toEqual([4, 5, 6]);
    expect(orthonormalityError(basis)).toBeLessThan(1e-15 * 5);
  });

  it('stays orthonormal to machine precision on nearly dependent vectors, where one MGS pass does not', () => {
    // Monomials t^k on [0, 1]: a notoriously ill-conditioned basis (condition number ~1e8 for 12 of them).
    const length = 200;
    const vectors = Array.from({ length: 12 }, (_, k) => Float64Array.from({ length }, (_, i) => (i / (length - 1)) ** k));
    const { basis, dropped } = orthonormalize(vectors);
    expect(dropped).toEqual([]);
    expect(orthonormalityError(basis)).toBeLessThan(1e-14);

    // The same with a single modified Gram–Schmidt pass loses orthogonality in proportion to
    // the condition number: that is what the second pass is for.
    const single: Float64Array[] = [];
    for (const x of vectors) {
      const v = new Float64Array(x);
      for (const q of single) axpy(-dot(q, v), q, v);
      single.push(v.map((t) => t / norm(v)));
    }
    expect(orthonormalityError(single)).toBeGreaterThan(1e-9);
  });

  it('orthogonalizes against given vectors, which are not returned, and drops what lies in their span', () => {
    const { basis: against } = orthonormalize(randomVectors(3, 12, 4));
    const [x, y] = randomVectors(2, 12, 5);
    const inSpan = new Float64Array(12);
    axpy(0.3, against[0], inSpan);
    axpy(-7, against[2], inSpan);
    const { basis, kept, dropped } = orthonormalize([x, inSpan, y], { against });
    expect(kept).toEqual([0, 2]);
    expect(dropped).toEqual([1]);
    expect(orthonormalityError([...against, ...basis])).toBeLessThan(1e-15 * 5);
  });

  it('the tolerance sets how small a remainder counts as dependent', () => {
    const [a] = randomVectors(1, 5, 6);
    const nearly = new Float64Array(a);
    nearly[0] += 1e-8 * norm(a);
    expect(orthonormalize([a, nearly]).kept).toEqual([0, 1]);
    expect(orthonormalize([a, nearly], { tolerance: 1e-6 }).kept).toEqual([0]);
  });

  it('handles no vectors, and refuses mismatched lengths, non-finite entries and a bad tolerance', () => {
    expect(orthonormalize([])).toEqual({ basis: [], kept: [], dropped: [] });
    expect(() => orthonormalize([new Float64Array(3), new Float64Array(4)])).toThrow(/vector 1 has length 4, the others 3/);
    expect(() => orthonormalize([new Float64Array(3)], { against: [new Float64Array(2)] })).toThrow(ValueError);
    expect(() => orthonormalize([Float64Array.of(1, Number.NaN)])).toThrow(/non-finite/);
    expect(() => orthonormalize([Float64Array.of(1)], { tolerance: 1 })).toThrow(ValueError);
    expect(() => orthonormalize([Float64Array.of(1)], { tolerance: -1 })).toThrow(ValueError);
  });
});

describe('orthogonalizeAgainst', () => {
  it('removes the components along an orthonormal basis in place and reports the norms after each pass', () => {
    const { basis } = orthonormalize(randomVectors(4, 10, 7));
    const [v] = randomVectors(1, 10, 8);
    const same = v;
    const { first, second } = orthogonalizeAgainst(v, basis);
    expect(same).toBe(v);
    for (const q of basis) expect(Math.abs(dot(q, v))).toBeLessThan(1e-15);
    expect(second).toBe(norm(v));
    expect(Math.abs(first - second)).toBeLessThan(1e-14);
  });
});
