// The float32 mode of grids and lines: every dense product in float32 (f32x4), the rest in
// float64. Tolerance: a float32 sum of k products has a rounding error of at most about
// k·ε₃₂·Σ|terms| (ε₃₂ = 2⁻²⁴ ≈ 6e-8); for the widest layer here (k = 784) that is ≈ 5e-5
// relative, and the losses are held to 1e-4 relative of float64's, the reference.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../engine/index.js';
import { buildLayout, initTheta, targetsFor, validateSpec } from '../../../engine/nn/index.js';
import { createPlaneEvaluator } from '../../../engine/landscape/evaluator.js';
import { planEvaluator, pointEvaluator, precisionOf, type ScanPlan } from '../../../engine/landscape/plan.js';
import { linearInto32 } from '../../../engine/nn/fast/linear.js';

const N = 200;

function plane(hidden: number[], activation: 'relu' | 'tanh' | 'logistic', inputs: number) {
  const spec = validateSpec({ inputs, hidden: hidden.map((width) => ({ width, activation, batchNorm: false })), outputs: 10, loss: 'softmax-ce', bias: true, residual: 0, weightDecay: 0 });
  const layout = buildLayout(spec);
  const rng = createRng(8, `float32 ${hidden.join(',')} ${activation}`);
  const randn = (n: number, s = 1) => Float64Array.from({ length: n }, () => s * rng.normal());
  const center = initTheta(layout, { weights: 'he-normal', bias: 0.01 }, 4);
  const data = { x: randn(N * inputs), n: N, targets: targetsFor(spec, Float64Array.from({ length: N }, (_, i) => i % 10), N).data };
  return { spec, layout, center, data, d1: randn(layout.size, 0.02), d2: randn(layout.size, 0.02) };
}

describe('float32 mode', () => {
  it('the float32 product is the plain float32 loop, bit for bit', () => {
    const rows = 5, inner = 37, outs = 19;
    const rng = createRng(3, 'f32 product');
    const a = Float64Array.from({ length: rows * inner }, () => rng.normal());
    const theta = Float64Array.from({ length: inner * outs + outs }, () => rng.normal());
    const out = new Float64Array(rows * outs);
    linearInto32(out, a, rows, inner, theta, 0, outs, theta, inner * outs);
    for (let r = 0; r < rows; r++) {
      for (let o = 0; o < outs; o++) {
        let s = 0;
        for (let i = 0; i < inner; i++) s = Math.fround(s + Math.fround(Math.fround(a[r * inner + i]) * Math.fround(theta[o * inner + i])));
        expect(out[r * outs + o]).toBe(Math.fround(s + Math.fround(theta[inner * outs + o])));
      }
    }
  });

  for (const [hidden, activation, inputs] of [[[256, 64], 'relu', 784], [[32], 'tanh', 20], [[16], 'logistic', 3]] as const) {
    it(`${inputs}→${hidden.join('→')}→10 ${activation}: losses within 1e-4 relative of float64 on a 5 × 5 grid, and not identical`, () => {
      const { spec, layout, center, data, d1, d2 } = plane([...hidden], activation, inputs);
      const f64 = createPlaneEvaluator(spec, layout, data, center, d1, d2, { kind: 'batch' });
      const f32 = createPlaneEvaluator(spec, layout, data, center, d1, d2, { kind: 'batch' }, 'float32');
      let largest = 0;
      let differing = 0;
      for (const alpha of [-1, -0.5, 0, 0.5, 1]) {
        for (const beta of [-1, -0.5, 0, 0.5, 1]) {
          const want = f64.at(alpha, beta).loss;
          const got = f32.at(alpha, beta).loss;
          largest = Math.max(largest, Math.abs(got - want) / Math.abs(want));
          if (got !== want) differing++;
        }
      }
      expect(largest).toBeLessThan(1e-4);
      expect(differing).toBeGreaterThan(20);
      // Rows go point by point in float32 (the exact row algorithms are float64's) and agree with at().
      const loss = new Float64Array(3);
      const accuracy = new Float64Array(3);
      f32.row(0.5, [-1, 0, 1], loss, accuracy);
      expect(Array.from(loss)).toEqual([-1, 0, 1].map((b) => f32.at(0.5, b).loss));
    });
  }

  it('plans carry the precision only for float32, and their evaluators use it', () => {
    expect(precisionOf({})).toEqual({});
    expect(precisionOf({ precision: 'float64' })).toEqual({});
    const { spec, center, data, d1, d2 } = plane([32], 'tanh', 20);
    const plan: ScanPlan = { spec, center, d1, d2, data, norm: { kind: 'batch' }, alpha: Float64Array.of(0), beta: Float64Array.of(0), ...precisionOf({ precision: 'float32' }) };
    expect(plan.precision).toBe('float32');
    // A point's pass adds the bias in float32, the plane's first layer in float64: equal to rounding.
    const point = pointEvaluator(plan)(center).loss;
    const reference = pointEvaluator({ ...plan, precision: undefined })(center).loss;
    expect(Math.abs(point - planEvaluator(plan).at(0, 0).loss)).toBeLessThan(1e-6 * reference);
    expect(point).not.toBe(reference);
    expect(Math.abs(point - reference)).toBeLessThan(1e-4 * reference);
  });
});
