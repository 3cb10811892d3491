import { describe, expect, it } from 'vitest';
import { presetRecipe, presets } from '../../../engine/train/presets.js';
import { parameterCount } from '../../../renderer/state/parameters.js';
import { applyPreset, dataSpecOf, defaultProject, recipeOf, surfaceRequestOf } from '../../../renderer/state/project.js';

describe('project settings to engine requests', () => {
  it('gives back every preset’s recipe after applying it', () => {
    for (const name of Object.keys(presets)) {
      const recipe = recipeOf(applyPreset(defaultProject(), name));
      const expected = presetRecipe(name);
      expect(recipe.data).toEqual(expected.data.testFraction === undefined ? { ...expected.data, testFraction: 0.2, constantInput: false } : { constantInput: false, ...expected.data });
      expect(recipe.model.hidden).toEqual(expected.model.hidden);
      expect(recipe.optimizer.kind).toBe(expected.optimizer.kind);
      expect(recipe.optimizer.lr).toBe(expected.optimizer.lr);
      expect(recipe.batchSize).toEqual(expected.batchSize);
      expect(recipe.epochs).toBe(expected.epochs);
      expect(recipe.init).toEqual(expected.init);
    }
  });

  it('makes full-batch gradient descent full batch whatever the batch size says', () => {
    const p = defaultProject();
    expect(recipeOf({ ...p, train: { ...p.train, optimizer: 'gd', batchSize: 16 } }).batchSize).toBe('full');
    expect(recipeOf({ ...p, train: { ...p.train, optimizer: 'sgd', batchSize: 16 } }).batchSize).toBe(16);
  });

  it('trains in float32 when the Train section says so; float64 is no field at all, as in older projects and recipes', () => {
    const p = defaultProject();
    expect(recipeOf({ ...p, train: { ...p.train, precision: 'float32' } }).precision).toBe('float32');
    expect('precision' in recipeOf(p)).toBe(false);
    expect('precision' in recipeOf({ ...p, train: { ...p.train, precision: undefined } })).toBe(false);
    const chosen = { ...p, train: { ...p.train, precision: 'float32' as const } };
    expect(applyPreset(chosen, 'digits-adam').train.precision).toBe('float32');
    const { precision, ...rest } = recipeOf(applyPreset(chosen, 'digits-adam'));
    expect(precision).toBe('float32');
    expect(rest).toEqual(recipeOf(applyPreset(p, 'digits-adam')));
  });

  it('passes momentum only to the optimizers that use it', () => {
    const p = defaultProject();
    expect(recipeOf({ ...p, train: { ...p.train, optimizer: 'momentum', momentum: 0.8 } }).optimizer).toEqual({ kind: 'momentum', lr: p.train.lr, momentum: 0.8 });
    expect(recipeOf({ ...p, train: { ...p.train, optimizer: 'adam' } }).optimizer).toEqual({ kind: 'adam', lr: p.train.lr });
  });

  it('describes synthetic data with its generator settings', () => {
    const p = defaultProject();
    const spec = dataSpecOf({ ...p.data, source: 'synthetic', features: null });
    expect(spec.source).toEqual({ kind: 'synthetic', name: 'moons', samples: 400, noise: 0.15 });
    expect(spec.features).toBeUndefined();
  });

  it('asks for filter-normalized random directions or PCA on the chosen grid', () => {
    const { landscape } = defaultProject();
    expect(surfaceRequestOf(landscape)).toEqual({
      directions: { kind: 'random', normalization: 'filter', ignore: 'biasbn', seed: 0 },
      alpha: { min: -1, max: 1, count: 41 },
      beta: { min: -1, max: 1, count: 41 },
      split: 'train',
      norm: 'batch',
    });
    expect(surfaceRequestOf({ ...landscape, directions: 'pca', ignoreBiasBn: false }).directions).toEqual({ kind: 'pca' });
    expect(surfaceRequestOf({ ...landscape, ignoreBiasBn: false }).directions).toMatchObject({ ignore: 'none' });
  });
});

describe('the parameter count', () => {
  it('counts P of the lecture’s model and reports impossible models', () => {
    const { model } = defaultProject();
    // 3 inputs (x₀ and two petal features) → 16 logistic units without biases → 3 classes.
    expect(parameterCount(model, 3, 3)).toEqual({ count: 3 * 16 + 16 * 3 });
    expect(parameterCount({ ...model, bias: true, hidden: [{ width: 16, activation: 'tanh', batchNorm: true }] }, 3, 3)).toEqual({ count: 48 + 32 + 48 + 3 });
    const broken = parameterCount({ ...model, residual: 1, hidden: [{ width: 4, activation: 'relu', batchNorm: false }, { width: 8, activation: 'relu', batchNorm: false }] }, 3, 3);
    expect('error' in broken && broken.error).toMatch(/width 4/);
  });
});
