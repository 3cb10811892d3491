// Whole rows from the breakpoint sweep against the autodiff objective at every point.
import { describe, expect, it } from 'vitest';
import { createRng, fromData } from '../../../engine/index.js';
import { accuracy, buildLayout, initTheta, lossKinds, objective, targetsFor, validateSpec, type Activation, type MlpSpec } from '../../../engine/nn/index.js';
import { compileMlp } from '../../../engine/nn/fast/network.js';
import { hasBreakpointRows } from '../../../engine/landscape/breakpointRows.js';
import { createPlaneEvaluator } from '../../../engine/landscape/evaluator.js';

const N = 150;
const D = 4;
const H = 9;

function setup(activation: Activation, loss: MlpSpec['loss'], bias: boolean, weightDecay: number) {
  const spec = validateSpec({ inputs: D, hidden: [{ width: H, activation, batchNorm: false }], outputs: loss === 'bce' ? 1 : 3, loss, bias, residual: 0, weightDecay });
  const layout = buildLayout(spec);
  const rng = createRng(5, `${activation}${loss}${bias}`);
  const randn = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
  const center = initTheta(layout, { weights: 'he-normal', bias: 0.1 }, 3).map((v) => v + 0.05 * rng.normal());
  const d1 = randn(layout.size).map((v) => 0.4 * v);
  const d2 = randn(layout.size).map((v) => 0.4 * v);
  const x = randn(N * D);
  const k = spec.outputs;
  const y = loss === 'mse' ? randn(N * k) : Float64Array.from({ length: N }, (_, i) => (loss === 'bce' ? ((i * 7) % 3 === 0 ? 1 : 0) : i % 3));
  const targets = targetsFor(spec, y, N);
  const evaluator = createPlaneEvaluator(spec, layout, { x, n: N, targets: targets.data }, center, d1, d2, { kind: 'batch' });
  const reference = (a: number, b: number) => {
    const theta = fromData(center.map((c, i) => c + a * d1[i] + b * d2[i]), [layout.size]);
    const r = objective(spec, layout, theta, { x: fromData(x, [N, D]), targets }, { kind: 'batch' });
    return { loss: r.loss.data[0], accuracy: loss === 'mse' ? NaN : accuracy(spec, r.output, targets) };
  };
  return { spec, layout, evaluator, reference };
}

describe('breakpoint rows equal the autodiff objective at every point (relative difference < 1e-10)', () => {
  // An unsorted row with a repeated value, β = 0 and points far out, where most units switch.
  const betas = [0.4, -2.5, 0, 1.7, -0.3, 0.4, 3.2, -1.1];
  for (const activation of ['relu', 'leaky-relu', 'identity'] as const) {
    for (const loss of lossKinds) {
      for (const bias of [true, false]) {
        it(`${activation}, ${loss}, bias ${bias ? 'on' : 'off'}`, () => {
          const { spec, layout, evaluator, reference } = setup(activation, loss, bias, 0.01);
          expect(hasBreakpointRows(compileMlp(spec, layout))).toBe(true);
          for (const alpha of [0, -1.6, 2.3]) {
            const gotLoss = new Float64Array(betas.length);
            const gotAccuracy = new Float64Array(betas.length);
            evaluator.row(alpha, betas, gotLoss, gotAccuracy);
            betas.forEach((b, j) => {
              const want = reference(alpha, b);
              expect(Math.abs(gotLoss[j] - want.loss) / Math.abs(want.loss), `(${alpha}, ${b})`).toBeLessThan(1e-10);
              if (loss === 'mse') expect(gotAccuracy[j]).toBeNaN();
              else expect(gotAccuracy[j], `accuracy at (${alpha}, ${b})`).toBe(want.accuracy);
            });
          }
        });
      }
    }
  }

  it('a row through a unit’s switching point and a single-point row agree with at()', () => {
    const { evaluator } = setup('relu', 'softmax-ce', true, 0);
    const row = [-1, -0.5, 0, 0.5, 1];
    const loss = new Float64Array(row.length);
    const acc = new Float64Array(row.length);
    evaluator.row(0.25, row, loss, acc);
    row.forEach((b, j) => expect(Math.abs(loss[j] / evaluator.at(0.25, b).loss - 1)).toBeLessThan(1e-12));
    const one = new Float64Array(1);
    evaluator.row(0.25, [0.5], one, new Float64Array(1));
    expect(Math.abs(one[0] / loss[3] - 1)).toBeLessThan(1e-14);
  });

  it('rows longer than before regrow the kernel, and rows of many points split the samples into blocks', () => {
    const { evaluator, reference } = setup('relu', 'softmax-ce', true, 0.01);
    // 3 points, then 1001 (a new kernel, and 150 samples in blocks of 10), then 3 again in the larger kernel.
    const lengths = [3, 1001, 3];
    for (const count of lengths) {
      const row = Array.from({ length: count }, (_, j) => -2 + (4 * j) / (count - 1));
      const loss = new Float64Array(count);
      const acc = new Float64Array(count);
      evaluator.row(0.7, row, loss, acc);
      for (let j = 0; j < count; j += count > 3 ? 97 : 1) {
        const want = reference(0.7, row[j]);
        expect(Math.abs(loss[j] - want.loss) / want.loss, `${count} points, β = ${row[j]}`).toBeLessThan(1e-10);
        expect(acc[j]).toBe(want.accuracy);
      }
    }
  });

  it('a NaN in θ gives NaN, as a forward pass does', () => {
    const spec = validateSpec({ inputs: 2, hidden: [{ width: 3, activation: 'relu', batchNorm: false }], outputs: 2, loss: 'softmax-ce', bias: true, residual: 0, weightDecay: 0 });
    const layout = buildLayout(spec);
    const center = new Float64Array(layout.size).fill(0.5);
    center[0] = NaN;
    const targets = targetsFor(spec, Float64Array.of(0, 1), 2);
    const direction = new Float64Array(layout.size).fill(0.1); // every unit switches somewhere, so the NaN meets both sweeps
    const evaluator = createPlaneEvaluator(spec, layout, { x: Float64Array.of(1, 2, 3, 4), n: 2, targets: targets.data }, center, direction, direction, { kind: 'batch' });
    const loss = new Float64Array(2);
    evaluator.row(0, [0, 1], loss, new Float64Array(2));
    expect(Number.isNaN(loss[0]) && Number.isNaN(loss[1])).toBe(true);
  });

  it('applies only to one hidden layer of piecewise-linear units without batch norm', () => {
    const compiled = (hidden: MlpSpec['hidden']) => {
      const spec = validateSpec({ inputs: 2, hidden, outputs: 2, loss: 'softmax-ce', bias: true, residual: 0, weightDecay: 0 });
      return hasBreakpointRows(compileMlp(spec, buildLayout(spec)));
    };
    expect(compiled([{ width: 3, activation: 'relu', batchNorm: false }])).toBe(true);
    expect(compiled([{ width: 3, activation: 'logistic', batchNorm: false }])).toBe(false);
    expect(compiled([{ width: 3, activation: 'relu', batchNorm: true }])).toBe(false);
    expect(compiled([{ width: 3, activation: 'relu', batchNorm: false }, { width: 3, activation: 'relu', batchNorm: false }])).toBe(false);
  });
});
