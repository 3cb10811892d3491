// Acceptance 3 and 4 on trained networks: weight matching undoes a random permutation
// exactly and lowers the linear barrier between independently trained networks; a trained
// Bezier curve stays lower than the straight line.
import { beforeAll, describe, expect, it } from 'vitest';
import { fromData } from '../../../../engine/index.js';
import { buildLayout, objective, targetsFor, type MlpSpec } from '../../../../engine/nn/index.js';
import { presetRecipe, startRun } from '../../../../engine/train/index.js';
import type { EvalData } from '../../../../engine/landscape/evaluator.js';
import {
  bezierPath,
  bezierPoint,
  fitBezierCurve,
  linearPath,
  permuteHiddenUnits,
  randomPermutation,
  unitGroups,
  weightMatching,
  type NetworkState,
} from '../../../../engine/analysis/symmetry/index.js';
import { randomCase } from './helpers.js';

interface Trained {
  spec: MlpSpec;
  a: NetworkState;
  b: NetworkState;
  data: EvalData;
}

/** Two runs of a preset that differ only in their seed. */
function trainPair(preset: string): Trained {
  const run = (seed: number) => {
    const recipe = presetRecipe(preset);
    recipe.seed = seed;
    const { trainer, data } = startRun(recipe);
    while (trainer.advance(1000));
    return { spec: trainer.config.spec, state: { theta: trainer.state.theta, buffers: trainer.state.buffers }, data };
  };
  const [a, b] = [run(0), run(1)];
  const train = a.data.train;
  return { spec: a.spec, a: a.state, b: b.state, data: { x: train.x, n: train.n, targets: targetsFor(a.spec, train.y, train.n).data } };
}

/** Every group of units permuted at random. */
function scramble(spec: MlpSpec, state: NetworkState, seed: number): NetworkState {
  return unitGroups(spec).reduce((s, g, i) => permuteHiddenUnits(spec, s, g.layers[0], randomPermutation(g.width, seed, `group ${i}`)), state);
}

const pairs: Record<string, Trained> = {};
beforeAll(() => {
  pairs.iris = trainPair('seed-iris');
  pairs.moons = trainPair('moons-batchnorm');
});

describe('weight matching (Git Re-Basin)', { timeout: 30_000 }, () => {
  for (const name of ['iris', 'moons']) {
    it(`recovers a random permutation of a trained network exactly (${name})`, () => {
      const { spec, a } = pairs[name];
      const scrambled = scramble(spec, a, 5);
      expect(scrambled.theta).not.toEqual(a.theta);
      const matched = weightMatching(spec, a, scrambled);
      expect(matched.converged).toBe(true);
      expect(matched.state.theta).toEqual(a.theta);
      expect(matched.state.buffers).toEqual(a.buffers);
    });
  }

  it('recovers permutations of residual streams and batch-norm layers (random networks)', () => {
    for (const [activation, batchNorm, residual] of [['relu', false, 2], ['tanh', true, 1], ['gelu', true, 0]] as const) {
      const c = randomCase(activation, { batchNorm, residual });
      const matched = weightMatching(c.spec, c.state, scramble(c.spec, c.state, 9));
      expect(matched.state.theta).toEqual(c.state.theta);
    }
  });

  it('lowers the linear barrier between two independently trained networks (seed-iris: 0.051 → 0.008; moons-batchnorm: 0.84 → 0.04)', () => {
    for (const [name, factor] of [['iris', 3], ['moons', 5]] as const) {
      const { spec, a, b, data } = pairs[name];
      const before = linearPath(spec, a.theta, b.theta, data);
      const matched = weightMatching(spec, a, b);
      const after = linearPath(spec, a.theta, matched.state.theta, data);
      expect(matched.similarityAfter).toBeGreaterThan(matched.similarityBefore);
      expect(before.barrier, name).toBeGreaterThan(factor * after.barrier);
      // The aligned B computes the same function as B.
      expect(after.loss.at(-1)).toBeCloseTo(before.loss.at(-1)!, 12);
    }
  });
});

describe('paths between optima', { timeout: 30_000 }, () => {
  it('the line profile equals the autodiff loss at interpolated parameters; barriers as defined', () => {
    const { spec, a, b, data } = pairs.iris;
    const line = linearPath(spec, a.theta, b.theta, data, 11);
    const layout = buildLayout(spec);
    const batch = { x: fromData(data.x, [data.n, spec.inputs]), targets: fromData(data.targets, [data.n, spec.outputs]) };
    for (const i of [0, 4, 10]) {
      const t = line.t[i];
      const theta = a.theta.map((v, k) => (1 - t) * v + t * b.theta[k]);
      expect(line.loss[i]).toBeCloseTo(objective(spec, layout, fromData(theta, [layout.size]), batch, { kind: 'batch' }).loss.data[0], 12);
    }
    const [la, lb] = [line.loss[0], line.loss[10]];
    expect(line.barrier).toBeCloseTo(Math.max(...line.loss.map((l, i) => l - ((1 - line.t[i]) * la + line.t[i] * lb))), 15);
    expect(line.barrierAboveEndpoints).toBeCloseTo(line.maxLoss - Math.max(la, lb), 15);
  });

  it('a trained Bezier curve stays below the straight line (seed-iris: curve max 0.118 = endpoint, line max 0.166)', () => {
    const { spec, a, b, data } = pairs.iris;
    const line = linearPath(spec, a.theta, b.theta, data);
    const curve = fitBezierCurve(spec, a.theta, b.theta, data, { steps: 150, lr: 0.01, seed: 0 });
    expect(curve.trainingLoss).toHaveLength(150);
    expect(curve.profile.maxLoss).toBeLessThan(line.maxLoss);
    expect(curve.profile.barrier).toBeLessThan(line.barrier / 5);
    // The curve's ends are the optima; its profile is the loss at θ(t).
    expect(curve.profile.loss[0]).toBeCloseTo(line.loss[0], 12);
    const mid = bezierPoint(a.theta, curve.control, b.theta, 0.5);
    expect(linearPath(spec, mid, mid, data, 2).loss[0]).toBeCloseTo(curve.profile.loss[12], 12);
    // Seeded: the same options give the same curve.
    const again = fitBezierCurve(spec, a.theta, b.theta, data, { steps: 150, lr: 0.01, seed: 0 });
    expect(again.control).toEqual(curve.control);
  });

  it('the untrained curve (control at the midpoint) is the straight line', () => {
    const { spec, a, b, data } = pairs.moons;
    const mid = a.theta.map((v, i) => (v + b.theta[i]) / 2);
    const curve = bezierPath(spec, a.theta, mid, b.theta, data, 5);
    const line = linearPath(spec, a.theta, b.theta, data, 5);
    curve.loss.forEach((l, i) => expect(l).toBeCloseTo(line.loss[i], 10));
  });
});
