// The loss as a function of θ: its gradient and exact HVPs agree with finite differences and
// with the autodiff Hessian, on a real model.
import { describe, expect, it } from 'vitest';
import { fromData, hessian } from '../../../engine/index.js';
import { ValueError } from '../../../engine/errors.js';
import { createRng } from '../../../engine/random.js';
import { buildLayout, initTheta, mlp, objective, targetsFor } from '../../../engine/nn/index.js';
import { fullHessian, gradientNorm, hessianAt, lossFunction, lossFunctionOf } from '../../../engine/analysis/index.js';
import { norm } from '../../../engine/linalg/index.js';
import { maxAbsDiff } from './helpers.js';

const rng = createRng(11, 'test:loss-function');
const n = 12;
const x = Float64Array.from({ length: n * 3 }, () => rng.normal());
const y = Float64Array.from({ length: n }, (_, i) => i % 3);
const spec = mlp(3, [4], 3, { activation: 'tanh' });
const layout = buildLayout(spec);
const theta = initTheta(layout, { weights: 'normal', scale: 0.7 }, 3);
const loss = lossFunction({ spec, buffers: {} }, { x, y, n });

describe('lossFunction', () => {
  it('is the training objective of the model on the split', () => {
    const expected = objective(spec, layout, fromData(theta, [layout.size]), { x: fromData(x, [n, 3]), targets: targetsFor(spec, y, n) }, { kind: 'batch' }).loss.data[0];
    expect(loss.size).toBe(layout.size);
    expect(loss.value(theta)).toBe(expected);
    const { value, gradient } = loss.valueAndGradient(theta);
    expect(value).toBe(expected);
    expect(gradient).toEqual(loss.gradient(theta));
    expect(gradientNorm(loss, theta)).toBe(norm(gradient));
  });

  it('the gradient matches central differences of the loss', () => {
    const g = loss.gradient(theta);
    const h = 1e-6;
    for (const k of [0, 5, 13, layout.size - 1]) {
      const plus = Float64Array.from(theta);
      const minus = Float64Array.from(theta);
      plus[k] += h;
      minus[k] -= h;
      expect(Math.abs((loss.value(plus) - loss.value(minus)) / (2 * h) - g[k])).toBeLessThan(1e-8);
    }
  });

  it('H·v matches central differences of the gradient along v, and the full Hessian equals jacfwd(jacrev(L))', () => {
    const v = Float64Array.from({ length: layout.size }, () => rng.normal());
    const hv = loss.hvp(theta, v);
    const h = 1e-5;
    const gPlus = loss.gradient(theta.map((t, i) => t + h * v[i]));
    const gMinus = loss.gradient(theta.map((t, i) => t - h * v[i]));
    const fd = gPlus.map((g, i) => (g - gMinus[i]) / (2 * h));
    expect(maxAbsDiff(hv, fd)).toBeLessThan(1e-7 * Math.max(1, norm(hv)));
    const full = fullHessian(hessianAt(loss, theta));
    const reference = hessian(loss.f)(fromData(theta, [layout.size]));
    expect(full.asymmetry).toBeLessThan(1e-14);
    expect(maxAbsDiff(full.matrix, reference.data)).toBeLessThan(1e-13);
  });

  it('its HVP (the R-operator on the compiled network) equals the autodiff hvp of its f', () => {
    const reference = lossFunctionOf(loss.f, loss.size);
    for (let k = 0; k < 3; k++) {
      const v = Float64Array.from({ length: layout.size }, () => rng.normal());
      const hv = loss.hvp(theta, v);
      expect(maxAbsDiff(hv, reference.hvp(theta, v))).toBeLessThan(1e-12 * norm(hv));
      expect(norm(hv)).toBeGreaterThan(1e-2);
    }
  });

  it('refuses θ of the wrong length and splits that do not fit the model', () => {
    expect(() => loss.gradient(new Float64Array(3))).toThrow(ValueError);
    expect(() => loss.hvp(theta, new Float64Array(2))).toThrow(/length P/);
    expect(() => lossFunction({ spec, buffers: {} }, { x: new Float64Array(8), y: new Float64Array(4), n: 4 })).toThrow(/features per sample/);
    expect(() => lossFunction({ spec, buffers: {} }, { x: new Float64Array(0), y: new Float64Array(0), n: 0 })).toThrow(/no samples/);
  });
});
