// Acceptance 2: the critical-point search finds saddles as well as minima, and the
// classification gets their index right; it reports convergence and gives up clearly.
import { describe, expect, it } from 'vitest';
import { add, matmul, mul, pow, sub, sum, fromData, type Tensor } from '../../../engine/index.js';
import { ValueError } from '../../../engine/errors.js';
import { createRng } from '../../../engine/random.js';
import { mlp } from '../../../engine/nn/index.js';
import {
  classifySpectrum,
  findCriticalPoint,
  fullSpectrum,
  hessianAt,
  lossFunction,
  lossFunctionOf,
} from '../../../engine/analysis/index.js';
import { norm } from '../../../engine/linalg/index.js';
import { diagonalQuadric, maxAbsDiff, withKnownSpectrum } from './helpers.js';

/** Classifies the point a search ended at, from the full Hessian. */
function classifyAt(loss: ReturnType<typeof lossFunctionOf>, theta: Float64Array, gradientNorm: number) {
  return classifySpectrum(fullSpectrum(hessianAt(loss, theta)).values, gradientNorm);
}

describe('findCriticalPoint', () => {
  it('f(x, y) = x² − y²: from (0.3, −0.2) both LM variants find the saddle at the origin, index 1', () => {
    const loss = diagonalQuadric([1, -1]);
    for (const method of ['lm', 'lm-cg'] as const) {
      const result = findCriticalPoint(loss, Float64Array.of(0.3, -0.2), { method });
      expect(result.converged).toBe(true);
      expect(result.method).toBe(method);
      expect(result.gradientNorm).toBeLessThanOrEqual(1e-8);
      expect(norm(result.theta)).toBeLessThan(1e-8);
      expect(result.message).toMatch(/^converged/);
      expect(result.history[0].iteration).toBe(0);
      expect(result.history[0].gradientNorm).toBeCloseTo(Math.hypot(0.6, 0.4), 14);
      expect(classifyAt(loss, result.theta, result.gradientNorm)).toMatchObject({ label: 'saddle of index 1', critical: true, nearZero: 0 });
    }
  });

  it('a quadratic with 7 negative eigenvalues of 40: LM-CG lands on its centre in a few iterations', () => {
    const lambda = Array.from({ length: 40 }, (_, i) => (i < 7 ? -1 - i : 0.5 + i / 4));
    const a = withKnownSpectrum(lambda, 2);
    const centre = Float64Array.from({ length: 40 }, (_, i) => Math.cos(i));
    const c = fromData(centre, [40]);
    const matrix = fromData(a, [40, 40]);
    const loss = lossFunctionOf((x: Tensor) => {
      const d = sub(x, c);
      return mul(sum(mul(d, matmul(matrix, d))), 0.5);
    }, 40);
    const result = findCriticalPoint(loss, new Float64Array(40), { method: 'lm-cg' });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThanOrEqual(10);
    expect(maxAbsDiff(result.theta, centre)).toBeLessThan(1e-8);
    expect(classifyAt(loss, result.theta, result.gradientNorm).label).toBe('saddle of index 7');
  });

  it('a tanh network at a symmetric point (every hidden unit zero) is a saddle of index 6 = 3 units × rank 2', () => {
    // 2 inputs, 3 tanh units, 2 outputs, no biases, mean squared error. At θ = 0 the gradient
    // vanishes and, per hidden unit j, the Hessian in (row j of W₁, column j of W₂) is
    // [[0, −Mᵀ], [−M, 0]] with M = (1/N)·Σ y·xᵀ: eigenvalues ±σ₁(M), ±σ₂(M), each thrice.
    const rng = createRng(3, 'test:tanh-saddle');
    const n = 20;
    const x = Float64Array.from({ length: 2 * n }, () => rng.normal());
    const y = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      y[2 * i] = Math.tanh(1.5 * x[2 * i] - x[2 * i + 1]) + 0.1 * rng.normal();
      y[2 * i + 1] = 0.5 * x[2 * i + 1] + 0.3 * x[2 * i] + 0.1 * rng.normal();
    }
    const spec = mlp(2, [3], 2, { activation: 'tanh', bias: false, loss: 'mse' });
    const loss = lossFunction({ spec, buffers: {} }, { x, y, n });
    const m = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) m[2 * r + c] += (y[2 * i + r] * x[2 * i + c]) / n;
    // Singular values of the 2×2 M from the eigenvalues of MᵀM.
    const [p, q, r] = [m[0] ** 2 + m[2] ** 2, m[0] * m[1] + m[2] * m[3], m[1] ** 2 + m[3] ** 2];
    const root = Math.sqrt(((p - r) / 2) ** 2 + q * q);
    const [s1, s2] = [Math.sqrt((p + r) / 2 + root), Math.sqrt((p + r) / 2 - root)];

    const start = Float64Array.from({ length: loss.size }, () => 0.05 * rng.normal());
    const result = findCriticalPoint(loss, start, { method: 'lm', tolerance: 1e-10 });
    expect(result.converged).toBe(true);
    expect(norm(result.theta)).toBeLessThan(1e-9);
    const { values } = fullSpectrum(hessianAt(loss, result.theta));
    expect(maxAbsDiff(values, [-s1, -s1, -s1, -s2, -s2, -s2, s2, s2, s2, s1, s1, s1])).toBeLessThan(1e-8);
    expect(classifySpectrum(values, result.gradientNorm)).toMatchObject({ label: 'saddle of index 6', nearZero: 0, critical: true });
    // The matrix-free variant agrees.
    const cg = findCriticalPoint(loss, start, { method: 'lm-cg', tolerance: 1e-10 });
    expect(cg.converged).toBe(true);
    expect(norm(cg.theta)).toBeLessThan(1e-9);
  });

  it('gives up with a clear message: a minimum of ½‖∇L‖² that is not critical, a loss without minimum', () => {
    // f(x) = x + x³/3 has f′ = 1 + x² ≥ 1: ½‖∇L‖² bottoms out at x = 0 with ‖∇L‖ = 1.
    const noCritical = lossFunctionOf((x: Tensor) => add(sum(x), mul(sum(pow(x, 3)), 1 / 3)), 1);
    const stalled = findCriticalPoint(noCritical, Float64Array.of(0.7), { maxIterations: 200 });
    expect(stalled.converged).toBe(false);
    expect(stalled.iterations).toBeLessThan(200);
    expect(Math.abs(stalled.gradientNorm - 1)).toBeLessThan(1e-6);
    expect(stalled.message).toMatch(/^stalled at ‖∇L‖ = 1\.00e\+0 .* not a critical point/);
    // Saddle-free Newton descends x² − y² for ever along y: it stops after maxIterations and says why.
    const unbounded = findCriticalPoint(diagonalQuadric([1, -1]), Float64Array.of(0.3, -0.2), { method: 'saddle-free', maxIterations: 15 });
    expect(unbounded.converged).toBe(false);
    expect(unbounded.iterations).toBe(15);
    expect(unbounded.loss).toBeLessThan(-1);
    expect(unbounded.message).toMatch(/no critical point within 15 iterations.*loss kept falling.*no minimum at finite parameters/);
  });

  it('saddle-free Newton goes to the minimum, not to the saddle, of f = (x² − 1)² + y²', () => {
    const loss = lossFunctionOf((v: Tensor) => {
      const x2 = mul(v, v);
      const w = fromData(Float64Array.of(1, 0), [2]);
      return add(sum(mul(w, pow(sub(x2, 1), 2))), sum(mul(fromData(Float64Array.of(0, 1), [2]), x2)));
    }, 2);
    const start = Float64Array.of(0.05, 0.3); // near the saddle at the origin
    const lm = findCriticalPoint(loss, start, { method: 'lm' });
    expect(norm(lm.theta)).toBeLessThan(1e-8);
    const sf = findCriticalPoint(loss, start, { method: 'saddle-free' });
    expect(sf.converged).toBe(true);
    expect(maxAbsDiff(sf.theta, [1, 0])).toBeLessThan(1e-8);
    expect(classifyAt(loss, sf.theta, sf.gradientNorm).label).toBe('minimum');
  });

  it('bad input is a ValueError', () => {
    const loss = diagonalQuadric([1, -1]);
    expect(() => findCriticalPoint(loss, Float64Array.of(NaN, 0))).toThrow(ValueError);
    expect(() => findCriticalPoint(loss, Float64Array.of(1, 0), { method: 'newton' as never })).toThrow(/unknown method "newton"/);
    expect(() => findCriticalPoint(loss, Float64Array.of(1, 0), { tolerance: 0 })).toThrow(ValueError);
  });
});
