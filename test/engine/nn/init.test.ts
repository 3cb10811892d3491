// Each initializer's empirical moments on a 512×512 layer against its definition.
import { describe, expect, it } from 'vitest';
import { buildLayout, initTheta, validateSpec, type InitSpec } from '../../../engine/nn/index.js';

const n = 512;
// A 512 → 512 → 512 network: layers.0.weight is [512, 512] with fan-in = fan-out = 512.
const layout = buildLayout(validateSpec({ inputs: n, hidden: [{ width: n, activation: 'relu', batchNorm: false }], outputs: n, loss: 'mse', bias: true, residual: 0, weightDecay: 0 }));
const weight = layout.entries[0];

function moments(init: InitSpec, seed = 1) {
  const w = initTheta(layout, init, seed).subarray(weight.offset, weight.offset + weight.size);
  const mean = w.reduce((a, b) => a + b, 0) / w.length;
  const variance = w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length;
  return { w, mean, variance };
}

// Variance of each scheme for fanIn = fanOut = 512 (PyTorch's definitions).
const expected: [InitSpec, number][] = [
  [{ weights: 'uniform', scale: 0.2 }, 0.2 ** 2 / 3],
  [{ weights: 'normal', scale: 0.05 }, 0.05 ** 2],
  [{ weights: 'xavier-uniform' }, 2 / (n + n)],
  [{ weights: 'xavier-normal' }, 2 / (n + n)],
  [{ weights: 'he-uniform' }, 2 / n],
  [{ weights: 'he-normal' }, 2 / n],
  [{ weights: 'lecun-normal' }, 1 / n],
  [{ weights: 'orthogonal' }, 1 / n],
];

describe('initializers on a 512×512 layer', { timeout: 30_000 }, () => {
  for (const [init, variance] of expected) {
    it(`${init.weights}: mean 0 and variance ${variance.toPrecision(4)} within sampling error`, () => {
      const m = moments(init);
      const count = n * n;
      // 5 standard errors of the sample mean and (for near-normal draws) of the sample variance.
      expect(Math.abs(m.mean)).toBeLessThan(5 * Math.sqrt(variance / count));
      expect(Math.abs(m.variance - variance)).toBeLessThan(5 * variance * Math.sqrt(2 / count));
    });
  }

  it('orthogonal weights satisfy W·Wᵀ = I', () => {
    const small = buildLayout(validateSpec({ inputs: 7, hidden: [{ width: 4, activation: 'tanh', batchNorm: false }], outputs: 9, loss: 'mse', bias: false, residual: 0, weightDecay: 0 }));
    const theta = initTheta(small, { weights: 'orthogonal' }, 3);
    for (const e of small.entries) {
      const [r, c] = e.shape;
      const w = theta.subarray(e.offset, e.offset + e.size);
      // Rows orthonormal when r ≤ c, columns when r > c.
      const [outer, inner, get] = r <= c ? [r, c, (i: number, k: number) => w[i * c + k]] : [c, r, (i: number, k: number) => w[k * c + i]];
      for (let i = 0; i < outer; i++) for (let j = 0; j < outer; j++) {
        let dot = 0;
        for (let k = 0; k < inner; k++) dot += get(i, k) * get(j, k);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('zeros and constant give identical units (the symmetry problem); biases and γ, β as asked', () => {
    expect(moments({ weights: 'zeros' }).w.every((v) => v === 0)).toBe(true);
    expect(moments({ weights: 'constant', scale: 0.3 }).w.every((v) => v === 0.3)).toBe(true);
    const theta = initTheta(layout, { weights: 'he-normal', bias: 0.01 }, 1);
    const bias = layout.entries[1];
    expect(bias.name).toBe('layers.0.bias');
    expect(theta.subarray(bias.offset, bias.offset + bias.size).every((v) => v === 0.01)).toBe(true);
  });

  it('the same seed gives the same weights, another seed others', () => {
    expect(moments({ weights: 'he-normal' }, 4).w).toEqual(moments({ weights: 'he-normal' }, 4).w);
    expect(moments({ weights: 'he-normal' }, 4).w[0]).not.toBe(moments({ weights: 'he-normal' }, 5).w[0]);
  });
});
