// Rows of networks with a logistic first layer (e^{−z} by recurrence) against the autodiff objective.
import { describe, expect, it } from 'vitest';
import { createRng, fromData } from '../../../engine/index.js';
import { accuracy, buildLayout, initTheta, objective, targetsFor, validateSpec, type MlpSpec } from '../../../engine/nn/index.js';
import { compileMlp } from '../../../engine/nn/fast/network.js';
import { createPlaneEvaluator } from '../../../engine/landscape/evaluator.js';
import { hasLogisticRows } from '../../../engine/landscape/logisticRows.js';

const N = 40;
const D = 3;

function check(hidden: MlpSpec['hidden'], residual: number, scale: number, betas: number[], loss: MlpSpec['loss'] = 'softmax-ce', bias = true) {
  const spec = validateSpec({ inputs: D, hidden, outputs: loss === 'bce' ? 1 : 3, loss, bias, residual, weightDecay: 0.002 });
  const layout = buildLayout(spec);
  expect(hasLogisticRows(compileMlp(spec, layout))).toBe(true);
  const rng = createRng(9, `${hidden.length}${residual}${scale}`);
  const randn = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
  const center = initTheta(layout, { weights: 'xavier-normal', bias: 0.1 }, 4);
  const d1 = randn(layout.size).map((v) => scale * v);
  const d2 = randn(layout.size).map((v) => scale * v);
  const x = randn(N * D);
  const labels = loss === 'mse' ? randn(N * 3) : Float64Array.from({ length: N }, (_, i) => (loss === 'bce' ? i % 2 : i % 3));
  const targets = targetsFor(spec, labels, N);
  const evaluator = createPlaneEvaluator(spec, layout, { x, n: N, targets: targets.data }, center, d1, d2, { kind: 'batch' });
  let worst = 0;
  for (const alpha of [0, 0.9]) {
    const got = new Float64Array(betas.length);
    const acc = new Float64Array(betas.length);
    evaluator.row(alpha, betas, got, acc);
    betas.forEach((b, j) => {
      const theta = fromData(center.map((c, i) => c + alpha * d1[i] + b * d2[i]), [layout.size]);
      const want = objective(spec, layout, theta, { x: fromData(x, [N, D]), targets }, { kind: 'batch' });
      worst = Math.max(worst, Math.abs(got[j] - want.loss.data[0]) / Math.abs(want.loss.data[0]));
      if (loss === 'mse') expect(acc[j]).toBeNaN();
      else expect(acc[j], `accuracy at (${alpha}, ${b})`).toBe(accuracy(spec, want.output, targets));
    });
  }
  return worst;
}

const linspace = (min: number, max: number, count: number) => Array.from({ length: count }, (_, i) => min + ((max - min) * i) / (count - 1));
const logistic = (width: number) => ({ width, activation: 'logistic' as const, batchNorm: false });

describe('logistic rows equal the autodiff objective (relative difference < 1e-10)', () => {
  it('one hidden layer, a row of 21 points (restarts included)', () => {
    expect(check([logistic(6)], 0, 0.5, linspace(-2, 2, 21))).toBeLessThan(1e-10);
  });

  it('one hidden layer of odd width without biases (the kernels’ last unit outside a SIMD pair)', () => {
    expect(check([logistic(7)], 0, 0.5, linspace(-2, 2, 21), 'softmax-ce', false)).toBeLessThan(1e-10);
  });

  it('one hidden layer with BCE or MSE, finished by the forward pass', () => {
    expect(check([logistic(5)], 0, 0.5, linspace(-2, 2, 21), 'bce')).toBeLessThan(1e-10);
    expect(check([logistic(5)], 0, 0.5, linspace(-2, 2, 21), 'mse')).toBeLessThan(1e-10);
  });

  it('deeper, with a residual block and batch norm after the first layer', () => {
    const hidden = [logistic(5), { width: 5, activation: 'tanh' as const, batchNorm: true }, { width: 5, activation: 'relu' as const, batchNorm: false }];
    expect(check(hidden, 2, 0.4, linspace(-1.5, 1, 17))).toBeLessThan(1e-10);
  });

  it('directions so long that e^{−z} overflows and underflows along the row', () => {
    expect(check([logistic(4)], 0, 300, linspace(-3, 3, 25))).toBeLessThan(1e-10);
    expect(check([logistic(5)], 0, 300, linspace(-3, 3, 25), 'softmax-ce', false)).toBeLessThan(1e-10);
  });

  it('uneven rows and single points go point by point, with the same values', () => {
    expect(check([logistic(4)], 0, 0.5, [0.3, -1, 0.7, 2])).toBeLessThan(1e-10);
    expect(check([logistic(4)], 0, 0.5, [0.25])).toBeLessThan(1e-10);
  });
});
