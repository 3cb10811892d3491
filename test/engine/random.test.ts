import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/index.js';

describe('seeded random streams', () => {
  it('the same seed and purpose repeat bit for bit; other seeds or purposes differ', () => {
    const draw = (seed: number, purpose: string) => Array.from({ length: 5 }, createRng(seed, purpose).uniform);
    expect(draw(42, 'init')).toEqual(draw(42, 'init'));
    expect(draw(42, 'init')).not.toEqual(draw(43, 'init'));
    expect(draw(42, 'init')).not.toEqual(draw(42, 'minibatch'));
  });

  it('normal draws have mean 0 and variance 1 within sampling error', () => {
    const rng = createRng(1, 'moments');
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
    }
    // 5 standard errors: 5/√n for the mean, 5·√2/√n for the variance.
    expect(Math.abs(s / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan((5 * Math.SQRT2) / Math.sqrt(n));
  });

  it('uniform draws lie in [0, 1) and int(n) in 0 … n−1, every value reached', () => {
    const rng = createRng(5, 'ranges');
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      seen.add(rng.int(7));
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
