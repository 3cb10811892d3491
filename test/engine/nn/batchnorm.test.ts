import { describe, expect, it } from 'vitest';
import { checkGrad, createRng, fromData, sin, sum, type Tensor } from '../../../engine/index.js';
import { BN_EPS, BN_MOMENTUM, buildLayout, forward, initialBuffers, updateRunningStats, validateSpec } from '../../../engine/nn/index.js';

const spec = validateSpec({
  inputs: 2,
  hidden: [{ width: 3, activation: 'tanh', batchNorm: true }],
  outputs: 2,
  loss: 'mse',
  bias: true,
  residual: 0,
  weightDecay: 0,
});
const layout = buildLayout(spec);
const rng = createRng(21, 'bn');
const theta = fromData(Float64Array.from({ length: layout.size }, () => rng.normal()), [layout.size]);
const x = fromData(Float64Array.from({ length: 5 * 2 }, () => rng.normal()), [5, 2]);
const at = (name: string) => layout.entries.find((e) => e.name === name)!;
const view = (name: string) => theta.data.subarray(at(name).offset, at(name).offset + at(name).size);

describe('batch norm', () => {
  it('the layout has γ, β and the running statistics under PyTorch names, and no redundant bias', () => {
    expect(layout.entries.map((e) => e.name)).toEqual(['layers.0.weight', 'layers.0.bn.weight', 'layers.0.bn.bias', 'layers.1.weight', 'layers.1.bias']);
    expect(layout.buffers.map((b) => b.name)).toEqual(['layers.0.bn.running_mean', 'layers.0.bn.running_var']);
  });

  it('training mode normalizes with the batch statistics, by hand', () => {
    const { batchStats } = forward(spec, layout, theta, x, { kind: 'batch' });
    const W = view('layers.0.weight');
    for (let j = 0; j < 3; j++) {
      const h = [0, 1, 2, 3, 4].map((i) => W[j * 2] * x.data[i * 2] + W[j * 2 + 1] * x.data[i * 2 + 1]);
      const mu = h.reduce((a, b) => a + b) / 5;
      const variance = h.reduce((a, b) => a + (b - mu) ** 2, 0) / 5;
      expect(batchStats.get(0)!.mean[j]).toBeCloseTo(mu, 14);
      expect(batchStats.get(0)!.variance[j]).toBeCloseTo(variance, 14);
    }
  });

  it('training mode: the gradient through the batch statistics matches central differences', () => {
    // Σ sin(output): a scalar that depends on every output in general position.
    const f = (t: Tensor) => sum(sin(forward(spec, layout, t, x, { kind: 'batch' }).output));
    expect(checkGrad(f, theta).relError).toBeLessThan(1e-7);
  });

  it('evaluation mode uses the running statistics, by hand', () => {
    const buffers = initialBuffers(layout);
    buffers['layers.0.bn.running_mean'].set([0.3, -0.2, 1.0]);
    buffers['layers.0.bn.running_var'].set([2.0, 0.5, 1.5]);
    const { output } = forward(spec, layout, theta, x, { kind: 'running', buffers });
    const W = view('layers.0.weight');
    const [g, b] = [view('layers.0.bn.weight'), view('layers.0.bn.bias')];
    const [V, c] = [view('layers.1.weight'), view('layers.1.bias')];
    for (let i = 0; i < 5; i++) {
      const z = [0, 1, 2].map((j) => {
        const h = W[j * 2] * x.data[i * 2] + W[j * 2 + 1] * x.data[i * 2 + 1];
        const rm = buffers['layers.0.bn.running_mean'][j];
        const rv = buffers['layers.0.bn.running_var'][j];
        return Math.tanh((g[j] * (h - rm)) / Math.sqrt(rv + BN_EPS) + b[j]);
      });
      for (let k = 0; k < 2; k++) {
        const y = c[k] + z.reduce((s, zj, j) => s + V[k * 3 + j] * zj, 0);
        expect(output.data[i * 2 + k]).toBeCloseTo(y, 13);
      }
    }
  });

  it('running statistics move by momentum 0.1 with the unbiased variance, as PyTorch', () => {
    const rm = Float64Array.of(1, 2);
    const rv = Float64Array.of(1, 1);
    updateRunningStats({ mean: Float64Array.of(3, 4), variance: Float64Array.of(0.5, 2), count: 4 }, rm, rv);
    expect(BN_MOMENTUM).toBe(0.1);
    expect([...rm]).toEqual([0.9 * 1 + 0.1 * 3, 0.9 * 2 + 0.1 * 4]);
    expect([...rv]).toEqual([0.9 + 0.1 * 0.5 * (4 / 3), 0.9 + 0.1 * 2 * (4 / 3)]);
  });
});
