// The kernels' e^x against Math.exp: within 2 ulp over the whole range, and the edge cases.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../engine/index.js';
import { exp } from '../../../../engine/nn/fast/exp.js';

describe('exp', () => {
  it('is within 2 ulp of Math.exp from −745 to 710', () => {
    const rng = createRng(1, 'exp');
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = -745 + 1455 * rng.uniform();
      const want = Math.exp(x);
      if (!(want > 2.3e-308 && want < Infinity)) continue; // subnormals have fewer bits; overflow is checked below
      const ulp = Math.abs(exp(x) - want) / (want * Number.EPSILON);
      worst = Math.max(worst, ulp);
    }
    expect(worst).toBeLessThan(2);
  });

  it('is exact at 0 and handles the edges as Math.exp does', () => {
    for (const x of [0, -0, 1e-300, -1e-300]) expect(exp(x)).toBe(1);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(NaN)).toBeNaN();
    expect(exp(1)).toBeCloseTo(Math.E, 15);
  });
});
