// Acceptance 1: every transform leaves the loss and the predictions unchanged (1e-12
// relative), on every activation it applies to, with batch norm on and off, with and
// without residual streams; every other transform is refused with a reason.
import { describe, expect, it } from 'vitest';
import { activations, type Activation } from '../../../../engine/nn/index.js';
import {
  applySymmetry,
  randomPermutation,
  symmetryRefusal,
  SymmetryRefused,
  transformNetwork,
  type SymmetryTransform,
} from '../../../../engine/analysis/symmetry/index.js';
import { randomCase } from './helpers.js';

const odd: Activation[] = ['tanh', 'identity', 'logistic'];
const homogeneous: Activation[] = ['relu', 'leaky-relu', 'identity'];

/** Transforms touching every layer, a residual stream (layer 0 or 2 with blocks) and an inner layer. */
function transformsFor(layer: number): SymmetryTransform[] {
  return [
    { kind: 'permute', layer, permutation: randomPermutation(5, layer, 'test') },
    { kind: 'flip', layer, unit: 2 },
    { kind: 'rescale', layer, unit: 1, factor: 2.5 },
    { kind: 'rescale', layer, unit: 4, factor: 0.3 },
    { kind: 'bn-scale', layer, unit: 3, factor: -1 },
  ];
}

function applies(t: SymmetryTransform, activation: Activation, batchNorm: boolean): boolean {
  switch (t.kind) {
    case 'permute':
      return true;
    case 'flip':
      return odd.includes(activation);
    case 'rescale':
      return homogeneous.includes(activation);
    case 'bn-scale':
      return batchNorm;
  }
}

describe('symmetries leave the loss and the outputs unchanged (< 1e-12 relative), in batch and running mode', () => {
  for (const activation of activations) {
    for (const batchNorm of [false, true]) {
      for (const residual of [0, 1, 2]) {
        it(`${activation}, batch norm ${batchNorm ? 'on' : 'off'}, residual ${residual}`, () => {
          const c = randomCase(activation, { batchNorm, residual });
          for (const layer of [0, 1, 2]) {
            for (const t of transformsFor(layer)) {
              const refusal = symmetryRefusal(c.spec, t);
              expect(refusal === null, `${t.kind} on layer ${layer}: ${refusal}`).toBe(applies(t, activation, batchNorm));
              if (refusal) {
                expect(() => transformNetwork(c.spec, c.state, t)).toThrow(SymmetryRefused);
                continue;
              }
              for (const norm of ['batch', 'running'] as const) {
                const r = applySymmetry(c.spec, c.state, t, c.batch, norm);
                expect(r.exact).toBe(true);
                expect(r.relativeChange, `${r.description} (${norm})`).toBeLessThan(1e-12);
                expect(r.outputChange, `${r.description} (${norm})`).toBeLessThan(1e-12);
                expect(r.state.theta).not.toEqual(c.state.theta);
              }
            }
          }
        });
      }
    }
  }
});

describe('refusals say why', () => {
  const refusal = (activation: Activation, t: SymmetryTransform, options = {}) => symmetryRefusal(randomCase(activation, options).spec, t);

  it('a sign flip of a ReLU unit, and of other non-odd units', () => {
    expect(refusal('relu', { kind: 'flip', layer: 0, unit: 0 })).toMatch(/relu\(−q\) = relu\(q\) − q.*positive rescalings instead/);
    expect(refusal('softplus', { kind: 'flip', layer: 0, unit: 0 })).toMatch(/softplus\(−q\) = softplus\(q\) − q/);
    expect(refusal('elu', { kind: 'flip', layer: 1, unit: 0 })).toMatch(/layer 1 \(elu\)/);
  });

  it('a rescaling of a tanh or logistic unit', () => {
    expect(refusal('tanh', { kind: 'rescale', layer: 0, unit: 0, factor: 2 })).toMatch(/tanh\(a·q\) ≠ a·tanh\(q\).*sign flips instead/);
    expect(refusal('logistic', { kind: 'rescale', layer: 0, unit: 0, factor: 2 })).toMatch(/σ\(−q\) = 1 − σ\(q\) instead/);
    expect(refusal('relu', { kind: 'rescale', layer: 0, unit: 0, factor: -2 })).toMatch(/finite number > 0/);
  });

  it('the logistic flip without a bias to absorb the constant, unless batch norm removes it', () => {
    expect(refusal('logistic', { kind: 'flip', layer: 2, unit: 0 }, { bias: false })).toMatch(/the output layer has neither.*bias: false/);
    expect(refusal('logistic', { kind: 'flip', layer: 0, unit: 0 }, { bias: false })).toMatch(/layer 1 has neither/);
    // Layer 1 has batch norm: its mean subtraction removes the constant; the output layer has no bias.
    expect(refusal('logistic', { kind: 'flip', layer: 0, unit: 0 }, { bias: false, batchNorm: true })).toBeNull();
    expect(refusal('logistic', { kind: 'flip', layer: 2, unit: 0 }, { bias: false, batchNorm: true })).toMatch(/the output layer has neither/);
    // In a residual stream the skip carries 1 − h into a layer with no bias.
    expect(refusal('logistic', { kind: 'flip', layer: 0, unit: 0 }, { bias: false, residual: 2 })).toMatch(/skip connection|neither/);
  });

  it('rescaling under weight decay; the output layer; units and permutations out of range', () => {
    expect(refusal('relu', { kind: 'rescale', layer: 0, unit: 0, factor: 2 }, { weightDecay: 1e-3 })).toMatch(/weight decay/);
    expect(refusal('relu', { kind: 'bn-scale', layer: 0, unit: 0, factor: 2 }, { weightDecay: 1e-3, batchNorm: true })).toMatch(/weight decay/);
    expect(refusal('tanh', { kind: 'flip', layer: 0, unit: 0 }, { weightDecay: 1e-3 })).toBeNull();
    expect(refusal('tanh', { kind: 'permute', layer: 3, permutation: [0, 1, 2] })).toMatch(/output layer/);
    expect(refusal('tanh', { kind: 'flip', layer: 0, unit: 5 })).toMatch(/units 0 … 4, not 5/);
    expect(refusal('tanh', { kind: 'permute', layer: 0, permutation: [0, 1, 2, 3, 3] })).toMatch(/permutation of 0 … 4/);
    expect(refusal('tanh', { kind: 'bn-scale', layer: 0, unit: 0, factor: 2 })).toMatch(/no batch norm/);
  });

  it('the messages reach the user through SymmetryRefused', () => {
    const c = randomCase('relu');
    expect(() => transformNetwork(c.spec, c.state, { kind: 'flip', layer: 0, unit: 0 })).toThrow(/no sign flip maps a ReLU unit onto itself/);
  });
});

describe('flips, rescalings and their inverses with weight decay', () => {
  it('flips and permutations keep the weight penalty: exact with weight decay too', () => {
    const c = randomCase('tanh', { weightDecay: 0.01, batchNorm: true });
    for (const t of [{ kind: 'flip', layer: 1, unit: 3 }, { kind: 'permute', layer: 2, permutation: [4, 3, 2, 1, 0] }, { kind: 'bn-scale', layer: 0, unit: 1, factor: -1 }] as SymmetryTransform[]) {
      expect(applySymmetry(c.spec, c.state, t, c.batch).relativeChange).toBeLessThan(1e-12);
    }
  });

  it('a flip twice and a rescaling by a then 1/a come back to θ (to rounding)', () => {
    const c = randomCase('tanh');
    const twice = transformNetwork(c.spec, transformNetwork(c.spec, c.state, { kind: 'flip', layer: 1, unit: 2 }), { kind: 'flip', layer: 1, unit: 2 });
    expect(twice.theta).toEqual(c.state.theta);
    const r = randomCase('relu', { batchNorm: true });
    const back = transformNetwork(r.spec, transformNetwork(r.spec, r.state, { kind: 'rescale', layer: 0, unit: 2, factor: 4 }), { kind: 'rescale', layer: 0, unit: 2, factor: 0.25 });
    expect(back.theta).toEqual(r.state.theta); // powers of two scale exactly
  });
});

describe('the scale invariance in front of batch norm', () => {
  it('refuses factors other than ±1 unless asked for as an approximation, saying why', () => {
    const c = randomCase('tanh', { batchNorm: true });
    expect(() => applySymmetry(c.spec, c.state, { kind: 'bn-scale', layer: 1, unit: 0, factor: 3 }, c.batch, 'batch')).toThrow(/no exact symmetry: batch norm's ε = 1e-5 .* only a = ±1 is exact/);
  });

  it('holds up to ε for factors other than ±1 when asked for, and says so', () => {
    for (const activation of ['tanh', 'relu', 'gelu'] as const) {
      const c = randomCase(activation, { batchNorm: true });
      for (const norm of ['batch', 'running'] as const) {
        const r = applySymmetry(c.spec, c.state, { kind: 'bn-scale', layer: 1, unit: 0, factor: 3, approximate: true }, c.batch, norm);
        expect(r.exact).toBe(false);
        expect(r.description).toMatch(/exact only without batch norm's ε/);
        expect(r.relativeChange).toBeLessThan(1e-3);
        expect(r.relativeChange).toBeGreaterThan(0);
      }
    }
  });
});
