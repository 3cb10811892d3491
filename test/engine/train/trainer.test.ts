import { describe, expect, it } from 'vitest';
import { fromData, vjp } from '../../../engine/index.js';
import { objective, targetsFor } from '../../../engine/nn/index.js';
import { builtinNames } from '../../../engine/data/index.js';
import { presetRecipe, startRun, train, type RunRecipe } from '../../../engine/train/index.js';

function finish(recipe: RunRecipe) {
  const run = startRun(recipe);
  while (run.trainer.advance(50));
  return run;
}

describe('the lecture’s Iris example (seed-iris)', () => {
  const { trainer, data } = startRun(presetRecipe('seed-iris'));
  const { spec, layout } = { spec: trainer.config.spec, layout: trainer.layout };

  it('has D = 3 inputs (two features and x₀ = 1), 16 logistic units without biases, 3 softmax outputs', () => {
    expect(data.d).toBe(3);
    expect(data.featureNames[0]).toBe('x₀ = 1');
    expect(data.train.n).toBe(150);
    expect(layout.entries.map((e) => `${e.name} [${e.shape}]`)).toEqual(['layers.0.weight [16,3]', 'layers.1.weight [3,16]']);
  });

  it('the gradient equals the closed form dW = zᵀ(ŷ − y)/N, dV = xᵀ((ŷ − y)Wᵀ ⊙ z(1 − z))/N to 1e-12, and the loss the independent formula', () => {
    const theta = trainer.state.theta;
    const x = data.train.x;
    const N = data.train.n;
    const targets = targetsFor(spec, data.train.y, N);
    const [loss, pullback] = vjp((t) => objective(spec, layout, t, { x: fromData(x, [N, 3]), targets }, { kind: 'batch' }).loss, [fromData(theta, [layout.size])]);
    const g = pullback(fromData(Float64Array.of(1), []))[0].data;
    // By hand: V = layers.0.weight [16, 3] (so the lecture's V is its transpose), W = layers.1.weight [3, 16].
    const V = theta.subarray(0, 48);
    const W = theta.subarray(48, 96);
    let expectedLoss = 0;
    const dV = new Float64Array(48);
    const dW = new Float64Array(48);
    for (let n = 0; n < N; n++) {
      const z = Array.from({ length: 16 }, (_, h) => 1 / (1 + Math.exp(-(V[h * 3] * x[n * 3] + V[h * 3 + 1] * x[n * 3 + 1] + V[h * 3 + 2] * x[n * 3 + 2]))));
      const u = [0, 1, 2].map((c) => z.reduce((s, zh, h) => s + W[c * 16 + h] * zh, 0));
      const m = Math.max(...u);
      const lse = m + Math.log(u.reduce((s, uc) => s + Math.exp(uc - m), 0));
      const y: number[] = [0, 1, 2].map((c) => (data.train.y[n] === c ? 1 : 0));
      expectedLoss -= (y.reduce((s, yc, c) => s + yc * u[c], 0) - lse) / N;
      const err = u.map((uc, c) => Math.exp(uc - lse) - y[c]);
      for (let c = 0; c < 3; c++) for (let h = 0; h < 16; h++) dW[c * 16 + h] += (z[h] * err[c]) / N;
      for (let h = 0; h < 16; h++) {
        const back = err.reduce((s, e, c) => s + e * W[c * 16 + h], 0) * z[h] * (1 - z[h]);
        for (let d = 0; d < 3; d++) dV[h * 3 + d] += (x[n * 3 + d] * back) / N;
      }
    }
    expect(Math.abs(loss.data[0] - expectedLoss)).toBeLessThan(1e-12);
    for (let i = 0; i < 48; i++) {
      expect(Math.abs(g[i] - dV[i])).toBeLessThan(1e-12);
      expect(Math.abs(g[48 + i] - dW[i])).toBeLessThan(1e-12);
    }
  });

  it('gradient descent reaches a training accuracy of at least 0.8', () => {
    while (trainer.advance(100));
    const last = trainer.state.history.at(-1)!;
    expect(trainer.state.status).toBe('done');
    expect(last.step).toBe(300);
    expect(last.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(last.loss).toBeLessThan(trainer.state.history[0].loss);
  });
});

describe('reproducibility', () => {
  const recipe = presetRecipe('moons-batchnorm');
  recipe.epochs = 3;

  it('the same seed gives bit-identical parameters, buffers, history and trajectory, however the steps are chunked', () => {
    const a = startRun(recipe).trainer;
    while (a.advance(1000));
    const b = startRun(recipe).trainer;
    while (b.advance(7));
    expect(b.state.theta).toEqual(a.state.theta);
    expect(b.state.buffers).toEqual(a.state.buffers);
    expect(b.state.history).toEqual(a.state.history);
    expect(b.state.stepLosses.values()).toEqual(a.state.stepLosses.values());
    expect(b.state.trajectory).toEqual(a.state.trajectory);
  });

  it('another seed gives another run', () => {
    const a = finish(recipe).trainer;
    const b = finish({ ...recipe, seed: 1 }).trainer;
    expect(b.state.theta).not.toEqual(a.state.theta);
  });

  it('batch norm’s running statistics follow the training batches', () => {
    const { trainer } = finish(recipe);
    expect(trainer.state.buffers['layers.0.bn.running_mean'].some((v) => v !== 0)).toBe(true);
    expect(trainer.state.buffers['layers.1.bn.running_var'].some((v) => v !== 1)).toBe(true);
  });

  it('snapshots start at step 0 and end at the last step', () => {
    const { trainer } = finish(recipe);
    const steps = trainer.state.trajectory.steps;
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(trainer.state.totalSteps);
    expect(trainer.state.trajectory.params[0]).not.toEqual(trainer.state.trajectory.params.at(-1));
  });
});

describe('training reduces the loss on every bundled data set', () => {
  for (const name of builtinNames) {
    it(name, () => {
      const { trainer } = finish({
        data: { source: { kind: 'builtin', name }, seed: 0 },
        model: { hidden: [{ width: 16, activation: 'tanh', batchNorm: false }], bias: true, residual: 0, weightDecay: 0 },
        init: { weights: 'xavier-normal' },
        optimizer: { kind: 'adam', lr: 0.01 },
        batchSize: 64,
        steps: 40,
        seed: 0,
      });
      const h = trainer.state.history;
      expect(h.at(-1)!.loss).toBeLessThan(0.7 * h[0].loss);
      expect(h.at(-1)!.testLoss).toBeLessThan(h[0].testLoss!);
    });
  }
});

describe('a diverging run', () => {
  it('stops at the step where the loss stops being finite, says what to do, and keeps finite parameters', () => {
    const trainer = train({
      spec: { inputs: 1, hidden: [{ width: 8, activation: 'relu', batchNorm: false }], outputs: 1, loss: 'mse', bias: true, residual: 0, weightDecay: 0 },
      train: { x: Float64Array.from({ length: 32 }, (_, i) => i - 16), y: Float64Array.from({ length: 32 }, (_, i) => 100 * (i - 16)), n: 32 },
      init: { weights: 'he-normal' },
      optimizer: { kind: 'sgd', lr: 10 },
      batchSize: 'full',
      steps: 1000,
      seed: 0,
    });
    expect(trainer.state.status).toBe('diverged');
    expect(trainer.state.step).toBeLessThan(1000);
    expect(trainer.state.message).toMatch(new RegExp(`training diverged at step ${trainer.state.step + 1}: .* is not finite`));
    expect(trainer.state.message).toMatch(/Try a smaller learning rate \(now 10\)/);
    expect(trainer.state.theta.every(Number.isFinite)).toBe(true);
  });
});
