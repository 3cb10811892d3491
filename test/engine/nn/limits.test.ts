// The training memory limit: the estimate, the refusal, and the trainer applying it before it allocates.
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../engine/errors.js';
import { checkTrainingMemory, TRAINING_MEMORY_LIMIT, trainingMemory } from '../../../engine/nn/limits.js';
import { mlp } from '../../../engine/nn/index.js';
import { createTrainer, presetRecipe, startRun } from '../../../engine/train/index.js';

/** MNIST's split as the app makes it (test fraction 0.2), batches of 128 and ~100 snapshots. */
const mnistFootprint = { rows: 128 + 48_000 + 12_000, thetaCopies: 3 + 2 + 102 };

describe('trainingMemory', () => {
  it('counts P and 8 bytes per θ copy and per sample, unit and workspace array', () => {
    const spec = mlp(784, [256, 256], 10);
    const { parameters, bytes } = trainingMemory(spec, mnistFootprint);
    expect(parameters).toBe(784 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10);
    expect(bytes).toBe(8 * (107 * 269_322 + 4 * 60_128 * (256 + 256 + 10)));
  });

  it('counts the batch-norm parameters and no biases where the spec has none', () => {
    const spec = mlp(3, [5], 2, { bias: false, batchNorm: true });
    expect(trainingMemory(spec, { rows: 1, thetaCopies: 1 })).toEqual({ parameters: 15 + 10 + 10, bytes: 8 * (35 + 4 * 7) });
  });
});

describe('checkTrainingMemory', () => {
  it('admits the MNIST MLPs people bring, 784→256→256→10 and 784→1000→1000→10', () => {
    expect(() => checkTrainingMemory(mlp(784, [256, 256], 10), mnistFootprint)).not.toThrow();
    expect(() => checkTrainingMemory(mlp(784, [1000, 1000], 10), mnistFootprint)).not.toThrow();
  });

  it('refuses a hidden layer a million wide with P, the estimate and the limit', () => {
    const spec = mlp(4, [1_000_000], 3);
    const check = () => checkTrainingMemory(spec, { rows: 270, thetaCopies: 107 });
    expect(check).toThrow(ValueError);
    expect(check).toThrow(
      'the model is too large to train: 8,000,003 parameters, and the run would need about 14 GiB (107 copies of θ, activations of 270 samples), ' +
        'more than the limit of 8 GiB; use fewer or narrower hidden layers, a smaller batch or fewer trajectory snapshots',
    );
  });

  it('refuses exactly above the limit it is given', () => {
    const spec = mlp(2, [3], 2);
    const { bytes } = trainingMemory(spec, { rows: 10, thetaCopies: 4 });
    expect(() => checkTrainingMemory(spec, { rows: 10, thetaCopies: 4 }, bytes)).not.toThrow();
    expect(() => checkTrainingMemory(spec, { rows: 10, thetaCopies: 4 }, bytes - 1)).toThrow(/more than the limit of/);
  });

  it('is 8 GiB by default', () => {
    expect(TRAINING_MEMORY_LIMIT).toBe(8 * 2 ** 30);
  });
});

describe('the trainer applies the limit before allocating', () => {
  it('startRun (the path of the CLI and the app’s training worker) refuses a recipe a million units wide, at once', () => {
    const recipe = presetRecipe('seed-iris');
    recipe.model.hidden = [{ width: 1_000_000, activation: 'logistic', batchNorm: false }];
    const started = performance.now();
    // seed-iris: 3 inputs, 3 classes, no biases; 150 samples in full batches (a workspace for the
    // batch, one for the metrics), 300 steps with snapshots bounded to 64 MiB (every 150th: the
    // first, two more, the last; with θ, its gradient, the last finite θ and 2 moments, 8 copies).
    expect(() => startRun(recipe)).toThrow('the model is too large to train: 6,000,000 parameters, and the run would need about 9.3 GiB (8 copies of θ, activations of 300 samples)');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts the batch, the test split and the snapshots the recipe asks for', () => {
    const recipe = presetRecipe('seed-iris');
    recipe.model.hidden = [{ width: 10_000_000, activation: 'logistic', batchNorm: false }];
    Object.assign(recipe, { optimizer: { kind: 'sgd', lr: 0.1 }, batchSize: 10, snapshotEvery: 150 });
    recipe.data.testFraction = 0.2;
    // 120 training samples: 12 steps an epoch, 3600 steps, 24 snapshots besides the first and the last.
    expect(() => startRun(recipe)).toThrow('(31 copies of θ, activations of 160 samples)');
  });

  const data = { x: new Float64Array([0, 1, 1, 0]), y: new Float64Array([0, 1]), n: 2 };
  const config = { spec: mlp(2, [3], 2), train: data, init: { weights: 'xavier-normal' as const }, optimizer: { kind: 'gd' as const, lr: 0.1 }, batchSize: 'full' as const, steps: 2, seed: 0 };

  it.each([0, -1, 1.5])('refuses the batch size %d even where gd trains on the full batch', (batchSize) => {
    expect(() => createTrainer({ ...config, batchSize })).toThrow(`the batch size must be a whole number ≥ 1 (or full), got ${batchSize}`);
  });

  it('takes a batch larger than the training split as the whole split, one step an epoch', () => {
    const trainer = createTrainer({ ...config, optimizer: { kind: 'sgd', lr: 0.1 }, batchSize: 1000, steps: undefined, epochs: 3 });
    expect(trainer.state.stepsPerEpoch).toBe(1);
    expect(trainer.state.totalSteps).toBe(3);
  });

  it.each([0, -2, 0.5])('refuses snapshots every %d steps', (snapshotEvery) => {
    expect(() => createTrainer({ ...config, snapshotEvery })).toThrow(`the trajectory keeps θ every n steps, n a whole number ≥ 1; got ${snapshotEvery}`);
  });
});
