// Acceptance 1: on quadratics with known spectra, the full eigensolver and Lanczos give the
// eigenvalues to 1e-8; Hutchinson's trace lies within its confidence interval; the SLQ
// density integrates to 1 and carries the right mass and mean.
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../engine/errors.js';
import {
  AsymmetricHessianError,
  countingOperator,
  extremeEigenpairs,
  fullHessian,
  fullSpectrum,
  hessianAt,
  hutchinsonTrace,
  lanczos,
  matrixOperator,
  spectralDensity,
  trapezoid,
} from '../../../engine/analysis/index.js';
import { dot, norm } from '../../../engine/linalg/index.js';
import { ascending, maxAbsDiff, quadratic, withKnownSpectrum } from './helpers.js';

// 80 eigenvalues: a bulk in [−1, 2], isolated outliers on both sides (as in trained networks).
const lambda = Array.from({ length: 80 }, (_, i) => {
  if (i < 3) return -8 + 2 * i; // −8, −6, −4
  if (i >= 76) return 20 + 5 * (i - 76); // 20, 25, 30, 35
  return -1 + (3 * (i - 3)) / 72; // the bulk
});
const n = lambda.length;
const a = withKnownSpectrum(lambda, 1);
const loss = quadratic(a, n);
const theta = Float64Array.from({ length: n }, (_, i) => Math.sin(i)); // H is A anywhere
const sorted = ascending(lambda);

describe('Hessian spectra of a quadratic with a known spectrum', () => {
  it('the full Hessian from HVPs is A, and eigh gives every eigenvalue to 1e-8', () => {
    const h = fullHessian(hessianAt(loss, theta));
    expect(h.asymmetry).toBeLessThanOrEqual(1e-12);
    expect(maxAbsDiff(h.matrix, a)).toBeLessThan(1e-12);
    const { values } = fullSpectrum(hessianAt(loss, theta));
    expect(maxAbsDiff(values, sorted)).toBeLessThan(1e-8);
  });

  it('Lanczos: the 4 largest and 3 smallest eigenpairs to 1e-8, converged by residual in fewer than P steps', () => {
    const op = countingOperator(hessianAt(loss, theta));
    const result = extremeEigenpairs(op, { top: 4, bottom: 3, seed: 7 });
    expect(result.converged).toBe(true);
    expect(result.steps).toBeLessThan(n);
    expect(op.count).toBe(result.steps);
    expect(result.top.map((p) => p.value)).toHaveLength(4);
    expect(maxAbsDiff(result.top.map((p) => p.value), [35, 30, 25, 20])).toBeLessThan(1e-8);
    expect(maxAbsDiff(result.bottom.map((p) => p.value), [-8, -6, -4])).toBeLessThan(1e-8);
    for (const p of [...result.top, ...result.bottom]) {
      // The reported residual is the true one: ‖A·y − θ·y‖, with ‖y‖ = 1.
      const r = hessianAt(loss, theta).apply(p.vector).map((x, i) => x - p.value * p.vector[i]);
      expect(Math.abs(norm(p.vector) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(norm(r) - p.residual)).toBeLessThan(1e-9);
      expect(p.residual).toBeLessThanOrEqual(result.residualTolerance);
    }
  });

  it('Lanczos finds repeated eigenvalues with their multiplicity (restarts after breakdown)', () => {
    const repeated = [5, 5, 5, 1, 1, 0.5, -2, -2];
    const op = matrixOperator(withKnownSpectrum(repeated, 3), repeated.length);
    const result = extremeEigenpairs(op, { top: 3, bottom: 2, seed: 1 });
    expect(maxAbsDiff(result.top.map((p) => p.value), [5, 5, 5])).toBeLessThan(1e-10);
    expect(maxAbsDiff(result.bottom.map((p) => p.value), [-2, -2])).toBeLessThan(1e-10);
    expect(result.restarts).toBeGreaterThan(0);
    // The three Ritz vectors of 5 are orthonormal: a basis of the eigenspace, not one vector thrice.
    const [u, v, w] = result.top.map((p) => p.vector);
    for (const [x, y] of [[u, v], [u, w], [v, w]]) expect(Math.abs(dot(x, y))).toBeLessThan(1e-10);
  });

  it('the Lanczos basis stays orthonormal (full reorthogonalization) and T = QᵀAQ', () => {
    const op = hessianAt(loss, theta);
    const run = lanczos(op, { steps: 40, seed: 2 });
    let worst = 0;
    for (let i = 0; i < run.steps; i++) for (let j = 0; j <= i; j++) worst = Math.max(worst, Math.abs(dot(run.basis[i], run.basis[j]) - (i === j ? 1 : 0)));
    expect(worst).toBeLessThan(1e-13);
    const aq = op.apply(run.basis[5]);
    expect(Math.abs(dot(run.basis[5], aq) - run.alpha[5])).toBeLessThan(1e-12);
    expect(Math.abs(dot(run.basis[6], aq) - run.beta[5])).toBeLessThan(1e-12);
  });

  it("Hutchinson's estimate lies within 4 standard errors of tr(A) for every seed", () => {
    const trace = lambda.reduce((s, l) => s + l, 0);
    for (const seed of [0, 1, 2, 3, 4]) {
      const t = hutchinsonTrace(hessianAt(loss, theta), { probes: 30, seed });
      expect(t.probes).toBe(30);
      expect(t.standardError).toBeGreaterThan(0);
      expect(Math.abs(t.estimate - trace)).toBeLessThan(4 * t.standardError);
    }
    // Same seed, same numbers.
    expect(hutchinsonTrace(hessianAt(loss, theta), { probes: 5, seed: 9 }).samples).toEqual(hutchinsonTrace(hessianAt(loss, theta), { probes: 5, seed: 9 }).samples);
  });

  it('the SLQ density integrates to 1; each probe’s weights sum to 1; mass and mean match the spectrum', () => {
    const d = spectralDensity(hessianAt(loss, theta), { probes: 12, steps: 30, seed: 4 });
    const h = d.grid[1] - d.grid[0];
    expect(Math.abs(trapezoid(d.density, h) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(d.mass - 1)).toBeLessThan(1e-6); // the grid covers the nodes ±5σ
    for (const rule of d.rules) expect(Math.abs(rule.weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
    expect(d.grid[0]).toBeLessThan(-8);
    expect(d.grid[d.grid.length - 1]).toBeGreaterThan(35);
    // Quadrature is exact for the mean of λ over the probe's measure; its average over probes
    // estimates tr(A)/P, within a few standard errors.
    const means = d.rules.map((r) => r.nodes.reduce((s, x, j) => s + r.weights[j] * x, 0));
    const mean = means.reduce((s, m) => s + m, 0) / means.length;
    const se = Math.sqrt(means.reduce((s, m) => s + (m - mean) ** 2, 0) / (means.length - 1) / means.length);
    expect(Math.abs(mean - lambda.reduce((s, l) => s + l, 0) / n)).toBeLessThan(4 * se);
    // 73 of 80 eigenvalues lie in the bulk [−1, 2]: about that share of the density's mass.
    let bulk = 0;
    for (let i = 0; i < d.grid.length; i++) if (d.grid[i] > -2 && d.grid[i] < 3) bulk += d.density[i] * h;
    expect(bulk).toBeGreaterThan(0.8);
    expect(bulk).toBeLessThan(1);
  });

  it('SLQ stops at an invariant Krylov space: a matrix with 3 distinct eigenvalues gives 3 nodes, exactly them', () => {
    const op = matrixOperator(withKnownSpectrum([2, 2, 2, -1, -1, 7], 5), 6);
    const d = spectralDensity(op, { probes: 3, steps: 6 });
    for (const rule of d.rules) {
      expect(rule.nodes).toHaveLength(3);
      expect(maxAbsDiff(rule.nodes, [-1, 2, 7])).toBeLessThan(1e-12);
    }
  });

  it('an asymmetric "Hessian" is refused before it is symmetrized; bad options are ValueErrors', () => {
    const skewed = Float64Array.of(1, 2, 2 + 1e-6, 3);
    expect(() => fullHessian(matrixOperator(skewed, 2))).toThrow(AsymmetricHessianError);
    expect(() => fullHessian(matrixOperator(skewed, 2), { symmetryTolerance: 1e-5 })).not.toThrow();
    expect(() => extremeEigenpairs(hessianAt(loss, theta), { top: 0, bottom: 0 })).toThrow(ValueError);
    expect(() => hutchinsonTrace(hessianAt(loss, theta), { probes: 0 })).toThrow(ValueError);
    expect(() => fullHessian(hessianAt(loss, theta), { maxSize: 10 })).toThrow(/Lanczos/);
  });
});
