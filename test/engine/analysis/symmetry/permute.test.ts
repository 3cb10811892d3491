// Acceptance 2 (first half): a permutation then its inverse returns θ and the buffers exactly.
import { describe, expect, it } from 'vitest';
import { buildLayout } from '../../../../engine/nn/index.js';
import { inversePermutation, isPermutation, permuteHiddenUnits, randomPermutation } from '../../../../engine/analysis/symmetry/index.js';
import { randomCase } from './helpers.js';

describe('permuting hidden units', () => {
  for (const [batchNorm, residual] of [[false, 0], [true, 0], [true, 2], [false, 1]] as const) {
    it(`a permutation then its inverse is the identity, bit for bit (batch norm ${batchNorm}, residual ${residual})`, () => {
      const c = randomCase('tanh', { batchNorm, residual });
      for (const layer of [0, 1, 2]) {
        const p = randomPermutation(5, 11, `layer ${layer}`);
        const there = permuteHiddenUnits(c.spec, c.state, layer, p);
        expect(there.theta).not.toEqual(c.state.theta);
        const back = permuteHiddenUnits(c.spec, there, layer, inversePermutation(p));
        expect(back.theta).toEqual(c.state.theta);
        expect(back.buffers).toEqual(c.state.buffers);
      }
    });
  }

  it('moves the incoming row, bias, γ, β, running statistics and the outgoing column together', () => {
    const c = randomCase('relu', { batchNorm: true });
    const layout = buildLayout(c.spec);
    const p = [2, 0, 1, 4, 3];
    const out = permuteHiddenUnits(c.spec, c.state, 1, p);
    const get = (theta: Float64Array, name: string, ...index: number[]) => {
      const e = layout.entries.find((x) => x.name === name)!;
      return theta[e.offset + (index.length === 2 ? index[0] * e.shape[1] + index[1] : index[0])];
    };
    for (let i = 0; i < 5; i++) {
      expect(get(out.theta, 'layers.1.weight', i, 3)).toBe(get(c.state.theta, 'layers.1.weight', p[i], 3));
      expect(get(out.theta, 'layers.1.bn.weight', i)).toBe(get(c.state.theta, 'layers.1.bn.weight', p[i]));
      expect(get(out.theta, 'layers.1.bn.bias', i)).toBe(get(c.state.theta, 'layers.1.bn.bias', p[i]));
      expect(get(out.theta, 'layers.2.weight', 4, i)).toBe(get(c.state.theta, 'layers.2.weight', 4, p[i]));
      expect(out.buffers['layers.1.bn.running_var'][i]).toBe(c.state.buffers['layers.1.bn.running_var'][p[i]]);
    }
    expect(get(out.theta, 'layers.0.weight', 2, 1)).toBe(get(c.state.theta, 'layers.0.weight', 2, 1));
  });

  it('permutes a residual stream in every layer that writes or reads it', () => {
    const c = randomCase('tanh', { residual: 2 });
    const layout = buildLayout(c.spec);
    const out = permuteHiddenUnits(c.spec, c.state, 2, [1, 0, 2, 3, 4]); // layer 2 is layer 0's stream
    const w = (theta: Float64Array, l: number) => {
      const e = layout.entries.find((x) => x.name === `layers.${l}.weight`)!;
      return Array.from(theta.subarray(e.offset, e.offset + e.size));
    };
    for (const l of [0, 1, 2, 3]) expect(w(out.theta, l)).not.toEqual(w(c.state.theta, l));
  });

  it('random permutations are seeded and valid; the input state is untouched', () => {
    expect(randomPermutation(16, 3)).toEqual(randomPermutation(16, 3));
    expect(randomPermutation(16, 3)).not.toEqual(randomPermutation(16, 4));
    expect(isPermutation(randomPermutation(100, 1), 100)).toBe(true);
    const c = randomCase('tanh');
    const copy = c.state.theta.slice();
    permuteHiddenUnits(c.spec, c.state, 0, [4, 3, 2, 1, 0]);
    expect(c.state.theta).toEqual(copy);
  });
});
