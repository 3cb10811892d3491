// Scans on a seeded subset of the samples: the mean and standard error at a point against a
// direct computation over the chosen rows with the autodiff reference, n = N against the full
// scan, and the same subset however the grid is tiled.
import { describe, expect, it } from 'vitest';
import { createRng, fromData } from '../../../engine/index.js';
import type { PreparedData } from '../../../engine/data/index.js';
import { planEvaluator } from '../../../engine/landscape/plan.js';
import { sampleRows, standardErrors } from '../../../engine/landscape/samples.js';
import { scanTile } from '../../../engine/landscape/scan.js';
import { planSurface, type RunState, type SurfaceRequest } from '../../../engine/landscape/surface.js';
import { planLine } from '../../../engine/landscape/line.js';
import { accuracy, buildLayout, initTheta, objective, targetsFor, validateSpec, type Activation, type LossKind } from '../../../engine/nn/index.js';

const N = 60;
const D = 3;

/** A random network and data set; `hidden` picks the row algorithm the grid takes. */
function setup(activation: Activation, loss: LossKind, layers: number, batchNorm = false) {
  const spec = validateSpec({
    inputs: D,
    hidden: Array.from({ length: layers }, () => ({ width: 6, activation, batchNorm })),
    outputs: loss === 'bce' ? 1 : 3,
    loss,
    bias: true,
    residual: 0,
    weightDecay: 0.002,
  });
  const layout = buildLayout(spec);
  const rng = createRng(5, `${activation}${loss}${layers}`);
  const theta = initTheta(layout, { weights: 'he-normal', bias: 0.1 }, 7).map((v) => v + 0.1 * rng.normal());
  const x = Float64Array.from({ length: N * D }, () => rng.normal());
  const y = loss === 'mse' ? Float64Array.from({ length: N * 3 }, () => rng.normal()) : loss === 'bce' ? Float64Array.from({ length: N }, () => rng.int(2)) : Float64Array.from({ length: N }, () => rng.int(3));
  const buffers = Object.fromEntries(layout.buffers.map((b) => [b.name, Float64Array.from({ length: 6 }, () => (b.initial ? 0.5 + rng.uniform() : 0.1 * rng.normal()))]));
  const run: RunState = { spec, theta, buffers };
  const data = { train: { x, y, n: N }, test: { x, y, n: 0 } } as unknown as PreparedData;
  return { spec, layout, run, data, x, y };
}

const request: SurfaceRequest = {
  directions: { kind: 'random', normalization: 'filter', seed: 3 },
  alpha: { min: -1, max: 1, count: 7 },
  beta: { min: -1.5, max: 1, count: 9 },
  split: 'train',
  norm: 'batch',
};

const cases: [string, Activation, LossKind, number][] = [
  ['breakpoint rows, softmax in the kernel', 'relu', 'softmax-ce', 1],
  ['breakpoint rows, BCE', 'leaky-relu', 'bce', 1],
  ['breakpoint rows, MSE', 'identity', 'mse', 1],
  ['logistic rows, output layer in the kernel', 'logistic', 'softmax-ce', 1],
  ['logistic rows, forward pass', 'logistic', 'softmax-ce', 2],
  ['point by point', 'tanh', 'bce', 2],
];

describe('scans on a subset of the samples', () => {
  it('chooses n distinct rows in order, the same for the same seed, others for another', () => {
    const rows = sampleRows(100, { n: 30, seed: 4 });
    expect(rows.length).toBe(30);
    expect(new Set(rows).size).toBe(30);
    expect(rows.every((r, k) => r >= 0 && r < 100 && (k === 0 || r > rows[k - 1]))).toBe(true);
    expect(sampleRows(100, { n: 30, seed: 4 })).toEqual(rows);
    expect(sampleRows(100, { n: 30, seed: 5 })).not.toEqual(rows);
    expect(Array.from(sampleRows(7, { n: 7, seed: 9 }))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(() => sampleRows(100, { n: 101, seed: 0 })).toThrow("the number of samples must be a whole number from 2 to 100 (the split's size), got 101");
    expect(() => sampleRows(100, { n: 1, seed: 0 })).toThrow(/from 2 to 100/);
  });

  it('the standard error is √((1 − n/N)·s²/n): 0 at n = N', () => {
    expect(standardErrors(Float64Array.of(4, 0, NaN), { n: 10, of: 50, seed: 0 })[0]).toBeCloseTo(Math.sqrt((0.8 * 4) / 10), 15);
    expect(Array.from(standardErrors(Float64Array.of(4), { n: 50, of: 50, seed: 0 }))).toEqual([0]);
    expect(standardErrors(Float64Array.of(NaN), { n: 10, of: 50, seed: 0 })[0]).toBeNaN();
  });

  for (const [name, activation, loss, layers] of cases) {
    it(`${name} (${activation}, ${loss}): mean, accuracy and standard error equal the reference over the chosen rows; n = N is the full scan`, () => {
      const { spec, layout, run, data, x, y } = setup(activation, loss, layers);
      const n = 17;
      const { plan } = planSurface(run, data, { ...request, samples: { n, seed: 11 } });
      expect(plan.samples).toEqual({ n, of: N, seed: 11 });
      const tile = scanTile(planEvaluator(plan), plan.alpha, plan.beta, 0, plan.alpha.length, plan.samples);
      const rows = sampleRows(N, { n, seed: 11 });
      const nb = plan.beta.length;
      for (const [i, j] of [[0, 0], [3, 5], [6, 8], [2, 7]]) {
        const theta = fromData(run.theta.map((c, k) => c + plan.alpha[i] * plan.d1[k] + plan.beta[j] * plan.d2![k]), [layout.size]);
        // Each chosen row alone through the reference (no batch norm here, so a row's loss is its own).
        const one = (r: number) => objective(spec, layout, theta, { x: fromData(x.slice(r * D, (r + 1) * D), [1, D]), targets: targetsFor(spec, y.slice(r * yWidth(loss), (r + 1) * yWidth(loss)), 1) }, { kind: 'batch' }).loss.data[0];
        const losses = Array.from(rows, one);
        const mean = losses.reduce((a, b) => a + b, 0) / n;
        const s2 = losses.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
        const k = i * nb + j;
        expect(Math.abs(tile.loss[k] - mean) / mean, `loss at (${i}, ${j})`).toBeLessThan(1e-10);
        expect(Math.abs(tile.lossStdError![k] - Math.sqrt(((1 - n / N) * s2) / n)) / Math.sqrt(s2 / n), `se at (${i}, ${j})`).toBeLessThan(1e-9);
        if (loss !== 'mse') {
          const subX = fromData(Float64Array.from(Array.from(rows).flatMap((r) => Array.from(x.slice(r * D, (r + 1) * D)))), [n, D]);
          const subY = Float64Array.from(Array.from(rows).flatMap((r) => Array.from(y.slice(r * yWidth(loss), (r + 1) * yWidth(loss)))));
          const targets = targetsFor(spec, subY, n);
          expect(tile.accuracy[k]).toBe(accuracy(spec, objective(spec, layout, theta, { x: subX, targets }, { kind: 'batch' }).output, targets));
        }
      }
      // n = N: every row in order, so the values are the full scan's, bit for bit, and every error 0.
      const full = planSurface(run, data, request).plan;
      const whole = scanTile(planEvaluator(full), full.alpha, full.beta, 0, full.alpha.length);
      const { plan: all } = planSurface(run, data, { ...request, samples: { n: N, seed: 2 } });
      const everyRow = scanTile(planEvaluator(all), all.alpha, all.beta, 0, all.alpha.length, all.samples);
      expect(everyRow.loss).toEqual(whole.loss);
      expect(everyRow.accuracy).toEqual(whole.accuracy);
      expect(everyRow.lossStdError!.every((v) => v === 0)).toBe(true);
      expect(whole.lossStdError).toBeUndefined();
    });
  }

  it('the same subset and values whatever the tiling, each tile planned on its own as a worker does', () => {
    const { run, data } = setup('relu', 'softmax-ce', 1);
    const samples = { n: 23, seed: 8 };
    const { plan } = planSurface(run, data, { ...request, samples });
    const whole = scanTile(planEvaluator(plan), plan.alpha, plan.beta, 0, 7, plan.samples);
    const loss = new Float64Array(whole.loss.length);
    const se = new Float64Array(whole.loss.length);
    for (const [i0, i1] of [[0, 2], [2, 3], [3, 7]]) {
      const own = planSurface(run, data, { ...request, samples }).plan;
      const tile = scanTile(planEvaluator(own), own.alpha, own.beta, i0, i1, own.samples);
      loss.set(tile.loss, i0 * 9);
      se.set(tile.lossStdError!, i0 * 9);
    }
    expect(loss).toEqual(whole.loss);
    expect(se).toEqual(whole.lossStdError);
    expect(se.every((v) => v > 0)).toBe(true);
  });

  it('a line on a subset: its data are the chosen rows; bad n is refused with the split’s size', () => {
    const { run, data } = setup('tanh', 'softmax-ce', 1);
    const line = { start: run.theta, direction: run.theta.map(() => 0.1) };
    const plan = planLine(run, data, line, { t: { min: -1, max: 1, count: 5 }, split: 'train', norm: 'batch', samples: { n: 10, seed: 1 } });
    const rows = sampleRows(N, { n: 10, seed: 1 });
    expect(plan.data.n).toBe(10);
    expect(Array.from(plan.data.x.subarray(0, D))).toEqual(Array.from(data.train.x.subarray(rows[0] * D, rows[0] * D + D)));
    expect(plan.samples).toEqual({ n: 10, of: N, seed: 1 });
    expect(() => planLine(run, data, line, { t: { min: -1, max: 1, count: 5 }, split: 'train', norm: 'batch', samples: { n: 61, seed: 1 } })).toThrow(/from 2 to 60/);
  });
});

/** Target entries per sample in y: a class index or 0/1 label, or (MSE) one value per output. */
function yWidth(loss: LossKind): number {
  return loss === 'mse' ? 3 : 1;
}
