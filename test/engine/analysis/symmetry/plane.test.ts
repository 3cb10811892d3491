// The plane through three points: orthogonal directions of equal norm that put the points at
// (0, 0), (1, 0) and (α, β), and ranges that frame them.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../engine/index.js';
import { planeBounds, planeThroughPoints } from '../../../../engine/analysis/symmetry/index.js';

const dot = (u: Float64Array, v: Float64Array) => u.reduce((s, x, i) => s + x * v[i], 0);

describe('the plane through three points', () => {
  it('puts θ_b at (1, 0) and θ_c at its coordinates (a hand-worked case)', () => {
    const p = planeThroughPoints(Float64Array.of(0, 0, 0), Float64Array.of(2, 0, 0), Float64Array.of(1, 1, 0));
    expect(Array.from(p.d1)).toEqual([2, 0, 0]);
    expect(Array.from(p.d2)).toEqual([0, 2, 0]);
    expect(p.third).toEqual({ alpha: 0.5, beta: 0.5 });
  });

  it('gives orthogonal directions of equal norm that reach θ_c from θ_a (random points in R^50)', () => {
    const rng = createRng(4, 'plane test');
    const point = () => Float64Array.from({ length: 50 }, () => rng.normal());
    const [a, b, c] = [point(), point(), point()];
    const p = planeThroughPoints(a, b, c);
    expect(Math.abs(dot(p.d1, p.d2))).toBeLessThan(1e-12 * dot(p.d1, p.d1));
    expect(dot(p.d2, p.d2)).toBeCloseTo(dot(p.d1, p.d1), 10);
    expect(p.third.beta).toBeGreaterThan(0);
    const reached = a.map((v, i) => v + p.third.alpha * p.d1[i] + p.third.beta * p.d2[i]);
    reached.forEach((v, i) => expect(v).toBeCloseTo(c[i], 12));
  });

  it('refuses points that span no plane, saying why', () => {
    const a = Float64Array.of(1, 2);
    expect(() => planeThroughPoints(a, a, Float64Array.of(0, 0))).toThrow(/first two points are the same/);
    expect(() => planeThroughPoints(a, Float64Array.of(3, 4), Float64Array.of(5, 6))).toThrow(/lies on the line through the first two/);
    expect(() => planeThroughPoints(a, Float64Array.of(3), a)).toThrow(/same number of parameters/);
  });

  it('frames the three points with a margin', () => {
    const box = planeBounds({ alpha: 0.5, beta: 0.5 });
    expect(box.alpha.min).toBeCloseTo(-0.3, 15);
    expect(box.alpha.max).toBeCloseTo(1.3, 15);
    expect(box.beta.min).toBeCloseTo(-0.3, 15);
    expect(box.beta.max).toBeCloseTo(0.8, 15);
    const wide = planeBounds({ alpha: -1, beta: 3 }, 0.1);
    expect(wide.alpha.min).toBeCloseTo(-1.3, 15);
    expect(wide.beta.max).toBeCloseTo(3.3, 15);
  });
});
