// Ready-made runs: the lecture's examples and the comparisons users come for.
import { ValueError } from '../errors.js';
import type { RunRecipe } from './recipe.js';

export interface Preset {
  description: string;
  recipe: RunRecipe;
}

export const presets: Record<string, Preset> = {
  'seed-iris': {
    description:
      "The lecture's example: Iris petal length and width plus a constant input x₀ = 1 (D = 3), " +
      '16 logistic hidden units without biases, 3-class softmax cross-entropy, full-batch gradient descent.',
    recipe: {
      data: { source: { kind: 'builtin', name: 'iris' }, features: [2, 3], testFraction: 0, constantInput: true, seed: 0 },
      model: { hidden: [{ width: 16, activation: 'logistic', batchNorm: false }], loss: 'softmax-ce', bias: false, residual: 0, weightDecay: 0 },
      init: { weights: 'normal', scale: 0.1 },
      optimizer: { kind: 'gd', lr: 0.5 },
      batchSize: 'full',
      epochs: 300,
      seed: 0,
    },
  },
  'seed-iris-wd': {
    description:
      'seed-iris with L2 weight decay λ = 1e-3: the penalty makes the objective coercive, so it has a true minimum ' +
      '(without it the saturating logistic units let the loss fall towards its infimum at infinite weights).',
    recipe: {
      data: { source: { kind: 'builtin', name: 'iris' }, features: [2, 3], testFraction: 0, constantInput: true, seed: 0 },
      model: { hidden: [{ width: 16, activation: 'logistic', batchNorm: false }], loss: 'softmax-ce', bias: false, residual: 0, weightDecay: 1e-3 },
      init: { weights: 'normal', scale: 0.1 },
      optimizer: { kind: 'gd', lr: 0.5 },
      batchSize: 'full',
      epochs: 300,
      seed: 0,
    },
  },
  'digits-adam': {
    description: 'Digits 8×8 (64 inputs), 128 ReLU units, 10 classes, Adam on minibatches of 32.',
    recipe: {
      data: { source: { kind: 'builtin', name: 'digits' }, testFraction: 0.2, seed: 0 },
      model: { hidden: [{ width: 128, activation: 'relu', batchNorm: false }], bias: true, residual: 0, weightDecay: 0 },
      init: { weights: 'he-normal', bias: 0.01 },
      optimizer: { kind: 'adam', lr: 1e-3 },
      batchSize: 32,
      epochs: 10,
      seed: 0,
    },
  },
  'moons-batchnorm': {
    description: 'Two moons with noise, two tanh layers of 16 units with batch norm, SGD with momentum.',
    recipe: {
      data: { source: { kind: 'synthetic', name: 'moons', samples: 400, noise: 0.15 }, testFraction: 0.25, seed: 0 },
      model: {
        hidden: [
          { width: 16, activation: 'tanh', batchNorm: true },
          { width: 16, activation: 'tanh', batchNorm: true },
        ],
        bias: true,
        residual: 0,
        weightDecay: 0,
      },
      init: { weights: 'xavier-normal' },
      optimizer: { kind: 'momentum', lr: 0.05 },
      batchSize: 32,
      epochs: 30,
      seed: 0,
    },
  },
};

/** A preset's recipe (a fresh copy), or an error listing the presets. */
export function presetRecipe(name: string): RunRecipe {
  const preset = presets[name];
  if (!preset) throw new ValueError(`unknown preset "${name}"; choose one of ${Object.keys(presets).join(', ')}`);
  return JSON.parse(JSON.stringify(preset.recipe)) as RunRecipe;
}
