// Curvature directions for the landscape scans, and the one-call spectrum report.
import { describe, expect, it } from 'vitest';
import { curvatureDirections, hessianAt, hessianSpectrum, trapezoid } from '../../../engine/analysis/index.js';
import { dot, norm } from '../../../engine/linalg/index.js';
import { ascending, diagonalQuadric, maxAbsDiff, quadratic, withKnownSpectrum } from './helpers.js';

describe('curvatureDirections', () => {
  it('at a saddle: the most negative and the most positive eigenvector, signs fixed, as a "given" pair', () => {
    const loss = diagonalQuadric([1, -2, 3, 0.5]); // Hessian diag(2, −4, 6, 1)
    for (const method of ['full', 'lanczos'] as const) {
      const d = curvatureDirections(loss, new Float64Array(4), { method });
      expect(d.mode).toBe('saddle');
      expect(d.choice.kind).toBe('given');
      expect(maxAbsDiff(d.values, [-4, 6])).toBeLessThan(1e-10);
      expect(maxAbsDiff(d.choice.directions[0], [0, 1, 0, 0])).toBeLessThan(1e-10);
      expect(maxAbsDiff(d.choice.directions[1], [0, 0, 1, 0])).toBeLessThan(1e-10);
      expect(d.choice.label).toMatch(/most negative λ = -4\.000.*most positive λ = 6\.000/);
    }
    expect(curvatureDirections(loss, new Float64Array(4), { mode: 'top' }).values).toEqual([6, 2]);
  });

  it('at a minimum: the top two eigenvectors, unit length, H·d = λ·d', () => {
    const lambda = [0.1, 0.5, 1, 2, 7, 9];
    const loss = quadratic(withKnownSpectrum(lambda, 8), 6);
    const d = curvatureDirections(loss, new Float64Array(6));
    expect(d.mode).toBe('top');
    expect(maxAbsDiff(d.values, [9, 7])).toBeLessThan(1e-10);
    d.choice.directions.forEach((v, k) => {
      expect(Math.abs(norm(v) - 1)).toBeLessThan(1e-12);
      const hv = hessianAt(loss, new Float64Array(6)).apply(v);
      expect(maxAbsDiff(hv, v.map((x) => d.values[k] * x))).toBeLessThan(1e-10);
    });
    expect(Math.abs(dot(d.choice.directions[0], d.choice.directions[1]))).toBeLessThan(1e-12);
  });
});

describe('hessianSpectrum', () => {
  const lambda = Array.from({ length: 50 }, (_, i) => (i < 2 ? -5 + i : i >= 47 ? 10 * (i - 46) : -0.5 + (i - 2) / 30));
  const loss = quadratic(withKnownSpectrum(lambda, 6), 50);
  const theta = new Float64Array(50);
  const sorted = ascending(lambda);

  it('full: every eigenvalue, the exact trace beside Hutchinson’s, the density, the classification', () => {
    const report = hessianSpectrum(loss, theta, { top: 3, bottom: 2, density: { probes: 4, steps: 20 } });
    expect(report.method).toBe('full');
    expect(maxAbsDiff(report.eigenvalues!, sorted)).toBeLessThan(1e-10);
    expect(maxAbsDiff(report.top, [30, 20, 10])).toBeLessThan(1e-10);
    expect(maxAbsDiff(report.bottom, [-5, -4])).toBeLessThan(1e-10);
    const exact = lambda.reduce((s, l) => s + l, 0);
    expect(Math.abs(report.trace.exact! - exact)).toBeLessThan(1e-10);
    expect(Math.abs(report.trace.estimate! - exact)).toBeLessThan(4 * report.trace.standardError!);
    expect(report.trace.probes).toBe(32);
    const density = report.density!;
    expect(Math.abs(trapezoid(density.density, density.grid[1] - density.grid[0]) - 1)).toBeLessThan(1e-12);
    const negatives = lambda.filter((l) => l < -1e-9).length; // −5, −4 and the bulk below 0
    expect(report.classification).toMatchObject({ label: `saddle of index ${negatives}`, critical: true, complete: true });
    expect(report.directions.values[0]).toBeCloseTo(-5, 10);
    // P HVPs for the Hessian, 32 for the trace, 4 × 20 for the density.
    expect(report.hvps).toBe(50 + 32 + 80);
  });

  it('lanczos: the extremes with their residuals, and a classification from them', () => {
    const report = hessianSpectrum(loss, theta, { method: 'lanczos', top: 3, bottom: 2, trace: false });
    expect(report.eigenvalues).toBeUndefined();
    expect(report.trace).toEqual({});
    expect(report.lanczos!.converged).toBe(true);
    expect(maxAbsDiff(report.top, [30, 20, 10])).toBeLessThan(1e-8);
    expect(maxAbsDiff(report.bottom, [-5, -4])).toBeLessThan(1e-8);
    for (const r of [...report.lanczos!.residuals.top, ...report.lanczos!.residuals.bottom]) expect(r).toBeLessThanOrEqual(report.lanczos!.residualTolerance);
    expect(report.classification).toMatchObject({ label: 'saddle of index ≥ 2', complete: false });
    expect(report.hvps).toBe(report.lanczos!.steps);
  });
});
