import { describe, expect, it } from 'vitest';
import { cellCentre, regionPlane, regionSampler } from '../../../engine/analysis/decisionRegions.js';
import { softmax } from '../../../engine/autodiff/composite.js';
import { prepareData } from '../../../engine/data/index.js';
import { buildLayout, forward } from '../../../engine/nn/index.js';
import { fromData } from '../../../engine/tensor/tensor.js';
import { presetRecipe, startRun, type RunRecipe } from '../../../engine/train/index.js';

/** A few epochs of `recipe`, so θ and the batch-norm running statistics have moved. */
function trained(recipe: RunRecipe) {
  const { trainer, data } = startRun({ ...recipe, epochs: 3 });
  while (trainer.advance(100));
  return { spec: trainer.config.spec, theta: trainer.state.theta, buffers: trainer.state.buffers, data };
}

/** p(class | x, y) from the autodiff forward pass (the reference), at one input point. */
function reference(model: ReturnType<typeof trained>, inputs: number[]): number[] {
  const { spec, theta, buffers } = model;
  const out = forward(spec, buildLayout(spec), fromData(theta, [theta.length]), fromData(Float64Array.from(inputs), [1, inputs.length]), { kind: 'running', buffers }).output;
  if (spec.loss === 'bce') {
    const p = 1 / (1 + Math.exp(-out.data[0]));
    return [1 - p, p];
  }
  return Array.from(softmax(out).data);
}

describe('decision regions', () => {
  it('are the forward pass’s class probabilities at every cell centre (batch norm with running statistics)', () => {
    const model = trained(presetRecipe('moons-batchnorm'));
    const plane = regionPlane(model.data)!;
    expect(plane.offset).toBe(0);
    const grid = regionSampler(model.spec, plane, 16)(model.theta, model.buffers);
    expect([grid.size, grid.classes, grid.probabilities.length]).toEqual([16, 2, 16 * 16 * 2]);
    for (const [i, j] of [[0, 0], [3, 11], [8, 8], [15, 2], [15, 15]]) {
      const expected = reference(model, cellCentre(grid, i, j));
      const k = (i * 16 + j) * 2;
      expect(grid.probabilities[k]).toBeCloseTo(expected[0], 6);
      expect(grid.probabilities[k + 1]).toBeCloseTo(expected[1], 6);
    }
    // Trained a little, the model already separates the moons: both classes win somewhere.
    const winners = new Set(Array.from({ length: 256 }, (_, c) => (grid.probabilities[2 * c] > 0.5 ? 0 : 1)));
    expect(winners).toEqual(new Set([0, 1]));
  });

  it('feed x₀ = 1 first when the data have the constant input, and handle binary cross-entropy', () => {
    const base = presetRecipe('moons-batchnorm');
    const model = trained({ ...base, data: { ...base.data, constantInput: true }, model: { ...base.model, hidden: [{ width: 8, activation: 'relu', batchNorm: false }], loss: 'bce' } });
    const plane = regionPlane(model.data)!;
    expect(plane.offset).toBe(1);
    const grid = regionSampler(model.spec, plane, 8)(model.theta, model.buffers);
    expect(grid.classes).toBe(2);
    for (const [i, j] of [[0, 7], [4, 4], [7, 0]]) {
      const expected = reference(model, [1, ...cellCentre(grid, i, j)]);
      expect(grid.probabilities[(i * 8 + j) * 2 + 1]).toBeCloseTo(expected[1], 6);
    }
  });

  it('cover every sample with 6 % to spare, and exist only for two-feature classification', () => {
    const data = prepareData(presetRecipe('moons-batchnorm').data);
    const plane = regionPlane(data)!;
    const xs = [data.train, data.test].flatMap((s) => Array.from({ length: s.n }, (_, k) => s.x[2 * k]));
    const [min, max] = [Math.min(...xs), Math.max(...xs)];
    expect(plane.x.min).toBeCloseTo(min - 0.06 * (max - min), 12);
    expect(plane.x.max).toBeCloseTo(max + 0.06 * (max - min), 12);
    expect(regionPlane(prepareData({ source: { kind: 'builtin', name: 'iris' }, seed: 0 }))).toBeNull();
    expect(regionPlane(prepareData({ source: { kind: 'synthetic', name: 'sine', samples: 50, noise: 0.1 }, seed: 0 }))).toBeNull();
  });
});
