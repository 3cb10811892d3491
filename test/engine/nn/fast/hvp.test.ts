// The R-operator HVP on the compiled network against the autodiff hvp (forward over reverse
// through the tape) of the same objective, for every combination the model allows.
import { describe, expect, it } from 'vitest';
import { createRng, fromData, hvp } from '../../../../engine/index.js';
import { buildLayout, initTheta, objective, targetsFor, validateSpec } from '../../../../engine/nn/index.js';
import { compileMlp } from '../../../../engine/nn/fast/network.js';
import { createHvpWorkspace, hessianVectorProduct } from '../../../../engine/nn/fast/hvp.js';
import { D, forEachNetwork, N, relativeDifference } from '../../../utils/networkCases.js';

describe('the compiled network’s HVP equals the autodiff hvp (relative 1e-10)', () => {
  forEachNetwork('hvp', 0.3, ({ spec, layout, rng, theta, x, targets, batch, modes }) => {
    const v = Float64Array.from({ length: layout.size }, () => rng.normal());
    const net = compileMlp(spec, layout);
    const hw = createHvpWorkspace(net, N);
    for (const mode of modes) {
      const out = new Float64Array(layout.size);
      const metrics = hessianVectorProduct(net, hw, theta, v, x, N, targets, mode, out);
      const f = (t: Parameters<typeof objective>[2]) => objective(spec, layout, t, batch, mode).loss;
      const reference = hvp(f, fromData(theta, [layout.size]), fromData(v, [layout.size])).data;
      expect(relativeDifference(out, reference)).toBeLessThan(1e-10);
      expect(metrics.loss).toBeCloseTo(f(fromData(theta, [layout.size])).data[0], 12);
    }
  });

  it('reuses its workspace: a second product on fewer samples is unaffected by the first', () => {
    const spec = validateSpec({ inputs: D, hidden: [{ width: 5, activation: 'tanh', batchNorm: true }], outputs: 3, loss: 'softmax-ce', bias: true, residual: 0, weightDecay: 0 });
    const layout = buildLayout(spec);
    const rng = createRng(6, 'hvp reuse');
    const theta = initTheta(layout, { weights: 'xavier-normal', bias: 0.05 }, 2);
    const v = Float64Array.from({ length: layout.size }, () => rng.normal());
    const x = Float64Array.from({ length: N * D }, () => rng.normal());
    const targets = targetsFor(spec, Float64Array.from({ length: N }, (_, i) => i % 3), N).data;
    const net = compileMlp(spec, layout);
    const small = 4;
    const fresh = new Float64Array(layout.size);
    hessianVectorProduct(net, createHvpWorkspace(net, small), theta, v, x, small, targets, { kind: 'batch' }, fresh);
    const hw = createHvpWorkspace(net, N);
    const reused = new Float64Array(layout.size);
    hessianVectorProduct(net, hw, theta, v, x, N, targets, { kind: 'batch' }, reused);
    hessianVectorProduct(net, hw, theta, v, x, small, targets, { kind: 'batch' }, reused);
    expect(reused).toEqual(fresh);
    expect(Math.max(...fresh.map(Math.abs))).toBeGreaterThan(1e-3);
  });
});
