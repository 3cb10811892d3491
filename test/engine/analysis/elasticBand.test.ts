// Acceptance 4: the nudged elastic band between two minima finds the path's highest point, and
// the critical-point search refines it to a saddle (index ≥ 1).
import { describe, expect, it } from 'vitest';
import { add, fromData, mul, pow, sub, sum, type Tensor } from '../../../engine/index.js';
import { createRng } from '../../../engine/random.js';
import { buildLayout, initTheta, mlp } from '../../../engine/nn/index.js';
import {
  classifySpectrum,
  findCriticalPoint,
  fullSpectrum,
  hessianAt,
  lossFunction,
  lossFunctionOf,
  nudgedElasticBand,
} from '../../../engine/analysis/index.js';
import { maxAbsDiff } from './helpers.js';

describe('nudged elastic band', () => {
  it('bends to a curved valley and climbs to its saddle: f = (x² − 1)² + 2·(y − (1 − x²)/2)²', () => {
    // Minima at (±1, 0); the valley floor y = (1 − x²)/2 passes the saddle (0, ½), f = 1. The
    // straight line between the minima crosses (0, 0) at f = 1.5.
    const ex = fromData(Float64Array.of(1, 0), [2]);
    const ey = fromData(Float64Array.of(0, 1), [2]);
    const loss = lossFunctionOf((v: Tensor) => {
      const x = sum(mul(v, ex));
      const y = sum(mul(v, ey));
      const valley = sub(y, mul(sub(1, mul(x, x)), 0.5));
      return add(pow(sub(mul(x, x), 1), 2), mul(mul(valley, valley), 2));
    }, 2);
    const band = nudgedElasticBand(loss, Float64Array.of(-1, 0), Float64Array.of(1, 0), { images: 7 });
    expect(band.converged).toBe(true);
    expect(band.path).toHaveLength(9);
    expect(band.climbing).toBe(band.highest);
    expect(maxAbsDiff(band.path[band.highest], [0, 0.5])).toBeLessThan(1e-4);
    expect(band.losses[band.highest]).toBeCloseTo(1, 6);
    // The images follow the valley floor (up to the band's corner-cutting on a coarse, curved
    // path), far from the straight line, and no image is higher than the saddle.
    for (const [x, y] of band.path) expect(Math.abs(y - (1 - x * x) / 2)).toBeLessThan(0.15);
    for (const l of band.losses) expect(l).toBeLessThanOrEqual(1 + 1e-9);
    const saddle = findCriticalPoint(loss, band.path[band.highest]);
    expect(saddle.converged).toBe(true);
    expect(maxAbsDiff(saddle.theta, [0, 0.5])).toBeLessThan(1e-8);
    expect(classifySpectrum(fullSpectrum(hessianAt(loss, saddle.theta)).values, saddle.gradientNorm).label).toBe('saddle of index 1');
  });

  it('between two minima of a tanh network from different seeds: the highest image refines to an index-1 saddle', () => {
    // 1 input → 2 tanh units → 1 output, with biases, on 30 noisy samples of sin 2x; weight decay
    // 0.01 keeps the minima finite (without it the units run off to infinite weights).
    const rng = createRng(5, 'data');
    const n = 30;
    const x = Float64Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
    const y = x.map((v) => Math.sin(2 * v) + 0.3 * rng.normal());
    const spec = mlp(1, [2], 1, { activation: 'tanh', loss: 'mse', weightDecay: 0.01 });
    const loss = lossFunction({ spec, buffers: {} }, { x, y, n });
    const layout = buildLayout(spec);
    const minimumFrom = (seed: number) => {
      const found = findCriticalPoint(loss, initTheta(layout, { weights: 'normal', scale: 1 }, seed), { method: 'saddle-free' });
      expect(found.converged).toBe(true);
      expect(classifySpectrum(fullSpectrum(hessianAt(loss, found.theta)).values, found.gradientNorm)).toMatchObject({ label: 'minimum', nearZero: 0 });
      return found;
    };
    const a = minimumFrom(0);
    const b = minimumFrom(1);
    expect(Math.abs(a.loss - b.loss)).toBeGreaterThan(1e-3); // two different minima
    // A rough band (force ≤ 1e-2) is enough: the search does the rest, as in Draxler et al.
    const band = nudgedElasticBand(loss, a.theta, b.theta, { images: 8, tolerance: 1e-2 });
    expect(band.converged).toBe(true);
    expect(band.path[0]).toEqual(a.theta);
    expect(band.path[9]).toEqual(b.theta);
    expect(band.losses[band.highest]).toBeGreaterThan(Math.max(a.loss, b.loss) + 0.05);
    const saddle = findCriticalPoint(loss, band.path[band.highest], { method: 'lm' });
    expect(saddle.converged).toBe(true);
    // The climbing image was already at the barrier's height: the saddle is 1% away in loss.
    expect(Math.abs(saddle.loss - band.losses[band.highest])).toBeLessThan(0.01 * saddle.loss);
    const c = classifySpectrum(fullSpectrum(hessianAt(loss, saddle.theta)).values, saddle.gradientNorm);
    expect(c.critical).toBe(true);
    expect(c.index).toBeGreaterThanOrEqual(1);
    expect(c.label).toBe('saddle of index 1');
  });

  it('refuses equal ends and ends of the wrong length', () => {
    const loss = lossFunctionOf((v: Tensor) => sum(mul(v, v)), 2);
    expect(() => nudgedElasticBand(loss, Float64Array.of(1, 1), Float64Array.of(1, 1))).toThrow(/same point/);
    expect(() => nudgedElasticBand(loss, Float64Array.of(1), Float64Array.of(1, 1))).toThrow(/length P = 2/);
  });
});
