// One or two updates of every optimizer against PyTorch's formulas, by hand.
import { describe, expect, it } from 'vitest';
import { applyUpdate, clipGradient, initOptimizerState, learningRate, type OptimizerSpec } from '../../../engine/train/index.js';

function run(spec: OptimizerSpec, grads: number[][], theta0 = [1, -2]) {
  const theta = Float64Array.from(theta0);
  const state = initOptimizerState(spec, theta.length);
  for (const g of grads) applyUpdate(spec, state, theta, Float64Array.from(g), spec.lr);
  return [...theta];
}

describe('optimizers', () => {
  const g1 = [0.5, -1];
  const g2 = [0.25, 2];

  it('gradient descent: θ − lr·g', () => {
    expect(run({ kind: 'gd', lr: 0.1 }, [g1])).toEqual([1 - 0.05, -2 + 0.1]);
  });

  it('momentum: v = μv + g, θ −= lr·v', () => {
    const v2 = g1.map((g, i) => 0.9 * g + g2[i]);
    const expected = [1, -2].map((t, i) => t - 0.1 * g1[i] - 0.1 * v2[i]);
    run({ kind: 'momentum', lr: 0.1 }, [g1, g2]).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
  });

  it('Nesterov: θ −= lr·(g + μv)', () => {
    const v1 = g1;
    const v2 = g1.map((g, i) => 0.9 * g + g2[i]);
    const expected = [1, -2].map((t, i) => t - 0.1 * (g1[i] + 0.9 * v1[i]) - 0.1 * (g2[i] + 0.9 * v2[i]));
    run({ kind: 'nesterov', lr: 0.1 }, [g1, g2]).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
  });

  it('Adam: the first step moves each coordinate by lr·sign(g) (bias correction), the second by the corrected ratio', () => {
    const [a, b] = run({ kind: 'adam', lr: 0.01 }, [g1]);
    expect(a).toBeCloseTo(1 - (0.01 * 0.5) / (0.5 + 1e-8), 15);
    expect(b).toBeCloseTo(-2 + (0.01 * 1) / (1 + 1e-8), 15);
    const m = g1.map((g, i) => 0.9 * 0.1 * g + 0.1 * g2[i]);
    const v = g1.map((g, i) => 0.999 * 0.001 * g * g + 0.001 * g2[i] * g2[i]);
    const expected = [a, b].map((t, i) => t - (0.01 * (m[i] / (1 - 0.81))) / (Math.sqrt(v[i] / (1 - 0.999 ** 2)) + 1e-8));
    run({ kind: 'adam', lr: 0.01 }, [g1, g2]).forEach((x, i) => expect(x).toBeCloseTo(expected[i], 14));
  });

  it('AdamW decays θ by lr·λ before the Adam step', () => {
    const [a] = run({ kind: 'adamw', lr: 0.01, weightDecay: 0.1 }, [g1]);
    expect(a).toBeCloseTo(1 * (1 - 0.001) - (0.01 * 0.5) / (0.5 + 1e-8), 15);
  });

  it('RMSProp: v = αv + (1 − α)g², θ −= lr·g/(√v + ε)', () => {
    const [a] = run({ kind: 'rmsprop', lr: 0.01 }, [g1]);
    expect(a).toBeCloseTo(1 - (0.01 * 0.5) / (Math.sqrt(0.01 * 0.25) + 1e-8), 14);
  });

  it('gradient clipping rescales to the maximum norm and reports the original norm', () => {
    const g = Float64Array.of(3, 4);
    expect(clipGradient(g, 1)).toBe(5);
    expect(g[0]).toBeCloseTo(0.6, 15);
    expect(g[1]).toBeCloseTo(0.8, 15);
  });
});

describe('learning-rate schedules', () => {
  it('constant, step decay, cosine annealing and linear warm-up', () => {
    expect(learningRate({ kind: 'constant' }, 0.1, 50, 100)).toBe(0.1);
    expect(learningRate({ kind: 'step', every: 10, factor: 0.5 }, 0.1, 25, 100)).toBe(0.025);
    expect(learningRate({ kind: 'cosine' }, 0.1, 0, 100)).toBe(0.1);
    expect(learningRate({ kind: 'cosine' }, 0.1, 50, 100)).toBeCloseTo(0.05, 15);
    expect(learningRate({ kind: 'cosine', minLr: 0.01 }, 0.1, 100, 100)).toBeCloseTo(0.01, 15);
    expect(learningRate({ kind: 'constant', warmupSteps: 4 }, 0.1, 0, 100)).toBe(0.025);
    expect(learningRate({ kind: 'constant', warmupSteps: 4 }, 0.1, 3, 100)).toBe(0.1);
    expect(learningRate({ kind: 'cosine', warmupSteps: 10 }, 0.1, 10, 110)).toBe(0.1);
  });
});
