// Acceptance 2 (second half): θ and any symmetry image of θ have the same canonical form.
import { describe, expect, it } from 'vitest';
import { activations } from '../../../../engine/nn/index.js';
import { canonicalForm, checkInvariance, randomPermutation, symmetryRefusal, transformNetwork, type NetworkState, type SymmetryTransform } from '../../../../engine/analysis/symmetry/index.js';
import { createRng } from '../../../../engine/index.js';
import { randomCase, type Case } from './helpers.js';

/** A random composition of every symmetry the model has: permutations, flips, rescalings and batch-norm signs. */
function randomImage(c: Case, seed: number): { state: NetworkState; inexact: boolean } {
  const rng = createRng(seed, 'image');
  let state = c.state;
  let inexact = false;
  for (let k = 0; k < 12; k++) {
    const layer = rng.int(3);
    const unit = rng.int(5);
    const options: SymmetryTransform[] = [
      { kind: 'permute', layer, permutation: randomPermutation(5, seed * 100 + k) },
      { kind: 'flip', layer, unit },
      { kind: 'rescale', layer, unit, factor: 0.2 + 3 * rng.uniform() },
      { kind: 'bn-scale', layer, unit, factor: -1 },
    ];
    const t = options[rng.int(options.length)];
    if (symmetryRefusal(c.spec, t)) continue;
    state = transformNetwork(c.spec, state, t);
    inexact ||= t.kind === 'rescale';
  }
  return { state, inexact };
}

function maxRelativeDifference(a: Float64Array, b: Float64Array): number {
  let scale = 0;
  let diff = 0;
  a.forEach((v, i) => {
    scale = Math.max(scale, Math.abs(v));
    diff = Math.max(diff, Math.abs(v - b[i]));
  });
  return diff / scale;
}

describe('canonical forms', () => {
  for (const activation of activations) {
    for (const [batchNorm, residual] of [[false, 0], [true, 0], [false, 2], [true, 1]] as const) {
      it(`θ and its symmetry images share one canonical form: ${activation}, batch norm ${batchNorm}, residual ${residual}`, () => {
        const c = randomCase(activation, { batchNorm, residual });
        const reference = canonicalForm(c.spec, c.state);
        // The canonical form is a symmetry image itself.
        const check = checkInvariance(c.spec, c.state, reference.state, c.batch, 'running');
        expect(check.relativeChange).toBeLessThan(1e-12);
        expect(check.outputChange).toBeLessThan(1e-12);
        for (let seed = 1; seed <= 4; seed++) {
          const image = randomImage(c, seed);
          const canonical = canonicalForm(c.spec, image.state);
          if (image.inexact || activation === 'logistic') {
            // Rescalings are undone by a division, and logistic flips add columns into biases in
            // whatever order the units come: equal to rounding.
            expect(maxRelativeDifference(canonical.state.theta, reference.state.theta)).toBeLessThan(1e-12);
            for (const [name, values] of Object.entries(reference.state.buffers)) {
              expect(maxRelativeDifference(canonical.state.buffers[name], values)).toBeLessThan(1e-12);
            }
          } else {
            expect(canonical.state.theta).toEqual(reference.state.theta);
            expect(canonical.state.buffers).toEqual(reference.state.buffers);
          }
        }
        // Canonical forms are fixed points.
        expect(canonicalForm(c.spec, reference.state).transforms).toHaveLength(0);
      });
    }
  }

  it('different optima keep different canonical forms', () => {
    const a = randomCase('tanh', { seed: 1 });
    const b = randomCase('tanh', { seed: 2 });
    expect(canonicalForm(a.spec, a.state).state.theta).not.toEqual(canonicalForm(b.spec, b.state).state.theta);
  });
});
