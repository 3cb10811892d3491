import { describe, expect, it } from 'vitest';
import { createRng } from '../../../engine/index.js';
import { trajectoryPca } from '../../../engine/landscape/pca.js';

const P = 60;
const rng = createRng(8, 'pca');
const unit = (v: Float64Array) => v.map((x) => x / Math.hypot(...v));
const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('PCA of a trajectory', () => {
  // A path around the final point on an ellipse with axes along known orthogonal directions
  // u and v: over a full turn its coordinates are uncorrelated, so u and v are exactly the
  // principal directions.
  const u = unit(Float64Array.from({ length: P }, () => rng.normal()));
  const w = Float64Array.from({ length: P }, () => rng.normal());
  const v = unit(w.map((x, i) => x - dot(w, u) * u[i]));
  const final = Float64Array.from({ length: P }, () => rng.normal());
  const snapshots = Array.from({ length: 40 }, (_, t) => {
    const a = 3 * Math.cos((2 * Math.PI * t) / 40);
    const b = 0.8 * Math.sin((2 * Math.PI * t) / 40);
    return final.map((x, i) => x + a * u[i] + b * v[i]);
  });
  const pca = trajectoryPca([...snapshots, final], final);

  it('recovers the two directions the path was built along', () => {
    expect(Math.abs(Math.abs(dot(pca.directions[0], u)) - 1)).toBeLessThan(1e-10);
    expect(Math.abs(Math.abs(dot(pca.directions[1], v)) - 1)).toBeLessThan(1e-10);
  });

  it('gives orthonormal directions and explained-variance ratios that sum to at most 1', () => {
    const [d1, d2] = pca.directions;
    expect(dot(d1, d1)).toBeCloseTo(1, 12);
    expect(dot(d2, d2)).toBeCloseTo(1, 12);
    expect(Math.abs(dot(d1, d2))).toBeLessThan(1e-12);
    const [r1, r2] = pca.explainedVarianceRatio;
    expect(r1).toBeGreaterThan(r2);
    expect(r1 + r2).toBeLessThanOrEqual(1 + 1e-12);
    // The path lies in the plane: the two ratios carry all the variance.
    expect(r1 + r2).toBeCloseTo(1, 10);
  });

  it('a path with too few distinct snapshots is refused with advice', () => {
    expect(() => trajectoryPca([final, final], final)).toThrow(/at least 2 snapshots away from the final point, got 0; record snapshots more often/);
  });
});
