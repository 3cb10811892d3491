// Acceptance 3 on the lecture's model: the trained seed-iris network (16 logistic hidden units,
// no biases, softmax output). Softmax ignores a common shift of the logits, so adding one vector
// c ∈ R^16 to every row of layers.1.weight leaves the loss unchanged: 16 flat directions, which
// the Hessian must show as 16 near-zero eigenvalues, reported apart by the classification. The
// full Hessian's extreme eigenvalues must match Lanczos'.
//
// What the trained point is NOT: a minimum. After the preset's 300 epochs of gradient descent
// the Hessian has 28 clearly negative eigenvalues (down to −5.2e-3 against λ_max = 0.79) and
// ‖∇L‖ = 2.1e-2; longer training, Adam, saddle-free Newton and Levenberg–Marquardt all keep
// lowering the loss towards its infimum at infinite weights (duplicated iris points with different
// labels and saturating logistic units), so this loss has no minimum at finite θ to classify.
// The classification says so: a saddle-shaped point, not critical. A softmax model that does
// have a minimum is classified 'minimum' with its shift directions flat in the last test.
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../../../engine/data/index.js';
import { mlp } from '../../../engine/nn/index.js';
import {
  classifySpectrum,
  columnOf,
  extremeEigenpairs,
  findCriticalPoint,
  fullSpectrum,
  hessianAt,
  hessianSpectrum,
  lossFunction,
  type FullSpectrum,
  type LossFunction,
} from '../../../engine/analysis/index.js';
import { axpy, dot, norm } from '../../../engine/linalg/index.js';
import { maxAbsDiff, softmaxShifts, trainedPreset } from './helpers.js';

let loss: LossFunction;
let theta: Float64Array;
let spectrum: FullSpectrum;
let shifts: Float64Array[];

beforeAll(() => {
  const run = trainedPreset('seed-iris');
  loss = run.loss;
  theta = run.theta;
  spectrum = fullSpectrum(hessianAt(loss, theta));
  // The shift directions: for hidden unit j, +1/√3 on layers.1.weight[c, j] for every class c.
  shifts = softmaxShifts(run.spec);
});

describe('the trained seed-iris model', () => {
  it('has P = 96 and exactly 16 near-zero Hessian eigenvalues, spanning the softmax-shift directions', () => {
    expect(loss.size).toBe(96);
    expect(shifts).toHaveLength(16);
    const { values, vectors, size } = spectrum;
    const largest = Math.max(-values[0], values[size - 1]);
    const flat = Array.from(values.keys()).filter((j) => Math.abs(values[j]) <= 1e-8 * largest);
    expect(flat).toHaveLength(16);
    // A clear gap: the flat ones are rounding (≤ 1e-14·λ_max), the next is ≥ 1e-5·λ_max.
    for (const j of flat) expect(Math.abs(values[j])).toBeLessThan(1e-14 * largest);
    const others = Array.from(values).filter((_, j) => !flat.includes(j)).map(Math.abs);
    expect(Math.min(...others)).toBeGreaterThan(1e-5 * largest);
    // H·v = 0 along every shift, and every shift lies in the span of the 16 flat eigenvectors.
    const basis = flat.map((j) => columnOf(vectors, size, j));
    for (const v of shifts) {
      expect(norm(loss.hvp(theta, v))).toBeLessThan(1e-14 * largest);
      const rest = Float64Array.from(v);
      for (const u of basis) axpy(-dot(u, v), u, rest);
      expect(norm(rest)).toBeLessThan(1e-10);
    }
  });

  it('the classification reports the 16 flat directions apart; the point is saddle-shaped and not critical', () => {
    const c = classifySpectrum(spectrum.values, norm(loss.gradient(theta)));
    expect(c.nearZero).toBe(16);
    expect(c.index + c.positive + c.nearZero).toBe(96);
    expect(c.label).toBe(`saddle of index ${c.index}`);
    expect(c.index).toBe(28);
    expect(c.critical).toBe(false);
    expect(c.gradientNorm).toBeGreaterThan(1e-2);
  });

  it("the full Hessian's extreme eigenvalues match Lanczos' (top 5 and bottom 5, to 1e-8) in fewer than P HVPs", () => {
    const result = extremeEigenpairs(hessianAt(loss, theta), { top: 5, bottom: 5, seed: 0 });
    expect(result.converged).toBe(true);
    expect(result.steps).toBeLessThan(96);
    const v = spectrum.values;
    expect(maxAbsDiff(result.top.map((p) => p.value), [v[95], v[94], v[93], v[92], v[91]])).toBeLessThan(1e-8);
    expect(maxAbsDiff(result.bottom.map((p) => p.value), [v[0], v[1], v[2], v[3], v[4]])).toBeLessThan(1e-8);
    // The report from Lanczos alone classifies the same way ('≥' since only 5 of 28 negatives are seen).
    const report = hessianSpectrum(loss, theta, { method: 'lanczos', top: 5, bottom: 5, trace: false });
    expect(report.classification.label).toBe('saddle of index ≥ 5');
    expect(report.directions.mode).toBe('saddle');
  });
});

describe('a softmax model with a minimum', () => {
  it('is classified "minimum", its shift directions (one per input) reported as near-zero', () => {
    // Softmax regression on three overlapping blobs: convex, with a finite minimum, and flat
    // along adding one vector to every row of the weight matrix (3 inputs: x₀ = 1 and 2 features).
    const data = prepareData({ source: { kind: 'synthetic', name: 'blobs', samples: 60, noise: 1, classes: 3 }, testFraction: 0, constantInput: true, seed: 0 });
    const spec = mlp(data.d, [], 3, { bias: false });
    const softmaxLoss = lossFunction({ spec, buffers: {} }, data.train);
    const found = findCriticalPoint(softmaxLoss, new Float64Array(softmaxLoss.size), { tolerance: 1e-10 });
    expect(found.converged).toBe(true);
    const report = hessianSpectrum(softmaxLoss, found.theta, { trace: false });
    expect(report.classification).toMatchObject({ label: 'minimum', nearZero: 3, positive: 6, critical: true });
  });
});
