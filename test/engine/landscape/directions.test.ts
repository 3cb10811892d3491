// Li et al.'s normalizations, checked entry by entry against θ.
import { describe, expect, it } from 'vitest';
import { buildLayout, initTheta, mlp } from '../../../engine/nn/index.js';
import { normalizeDirection, orthogonalize, randomDirection } from '../../../engine/landscape/directions.js';

const spec = mlp(5, [7, 6], 3, { batchNorm: true, activation: 'relu' });
const layout = buildLayout(spec);
const theta = initTheta(layout, { weights: 'he-normal', bias: 0.1 }, 4).map((v, i) => v + 0.01 * Math.sin(i));
const raw = randomDirection(layout, 9, 0);
const segmentNorm = (a: Float64Array, from: number, to: number) => Math.hypot(...a.subarray(from, to));

describe('directions', () => {
  it('filter normalization: every row of every weight has exactly the norm of θ’s row', () => {
    const d = normalizeDirection(raw, theta, layout, { normalization: 'filter' });
    for (const e of layout.entries.filter((x) => x.role === 'weight')) {
      const row = e.shape[1];
      for (let r = 0; r < e.shape[0]; r++) {
        const [from, to] = [e.offset + r * row, e.offset + (r + 1) * row];
        expect(Math.abs(segmentNorm(d, from, to) - segmentNorm(theta, from, to))).toBeLessThan(1e-12);
        // Only rescaled: the row is parallel to the random one.
        const ratio = d[from] / raw[from];
        for (let i = from; i < to; i++) expect(d[i]).toBeCloseTo(raw[i] * ratio, 12);
      }
    }
  });

  it('biases and batch-norm parameters are zero with ignore biasbn, a copy of θ otherwise', () => {
    const ignored = normalizeDirection(raw, theta, layout, { normalization: 'filter', ignore: 'biasbn' });
    const copied = normalizeDirection(raw, theta, layout, { normalization: 'filter', ignore: 'none' });
    const oneDim = layout.entries.filter((e) => e.shape.length === 1);
    expect(oneDim.map((e) => e.role)).toEqual(['bn', 'bn', 'bn', 'bn', 'bias']);
    for (const e of oneDim) {
      for (let i = e.offset; i < e.offset + e.size; i++) {
        expect(ignored[i]).toBe(0);
        expect(copied[i]).toBe(theta[i]);
      }
    }
  });

  it('layer normalization matches each weight tensor’s norm; model normalization all weights together', () => {
    const weights = layout.entries.filter((e) => e.role === 'weight');
    const layer = normalizeDirection(raw, theta, layout, { normalization: 'layer' });
    for (const e of weights) expect(Math.abs(segmentNorm(layer, e.offset, e.offset + e.size) - segmentNorm(theta, e.offset, e.offset + e.size))).toBeLessThan(1e-12);
    const model = normalizeDirection(raw, theta, layout, { normalization: 'model' });
    const joint = (a: Float64Array) => Math.sqrt(weights.reduce((s, e) => s + segmentNorm(a, e.offset, e.offset + e.size) ** 2, 0));
    expect(Math.abs(joint(model) - joint(theta))).toBeLessThan(1e-12);
    const ratio = model[0] / raw[0];
    for (const e of weights) for (let i = e.offset; i < e.offset + e.size; i++) expect(model[i]).toBeCloseTo(raw[i] * ratio, 12);
  });

  it('none leaves the weights as drawn; random directions are seeded', () => {
    const none = normalizeDirection(raw, theta, layout, { normalization: 'none', ignore: 'none' });
    expect(none).toEqual(raw);
    expect(randomDirection(layout, 9, 0)).toEqual(raw);
    expect(randomDirection(layout, 9, 1)).not.toEqual(raw);
  });

  it('orthogonalize removes the component along the first direction', () => {
    const d2 = orthogonalize(randomDirection(layout, 9, 1), raw);
    const dot = d2.reduce((s, v, i) => s + v * raw[i], 0);
    expect(Math.abs(dot)).toBeLessThan(1e-12 * segmentNorm(d2, 0, d2.length) * segmentNorm(raw, 0, raw.length));
  });

  it('a direction of the wrong length is refused', () => {
    expect(() => normalizeDirection(new Float64Array(3), theta, layout, { normalization: 'filter' })).toThrow(`a direction must have the model's ${layout.size} parameters, got 3`);
  });
});
