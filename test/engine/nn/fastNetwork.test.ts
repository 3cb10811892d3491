// The compiled network's forward and backward passes against the autodiff objective, for
// every combination the model allows.
import { describe, expect } from 'vitest';
import { fromData, vjp } from '../../../engine/index.js';
import { objective } from '../../../engine/nn/index.js';
import { compileMlp, createWorkspace, forwardPass, lossAndGradient } from '../../../engine/nn/fast/network.js';
import { forEachNetwork, N, relativeDifference } from '../../utils/networkCases.js';

describe('the compiled network equals the autodiff objective and its gradient (relative 1e-12)', () => {
  forEachNetwork('fast', 0.1, ({ spec, layout, theta, x, targets, batch, modes }) => {
    const net = compileMlp(spec, layout);
    const ws = createWorkspace(net, N);
    const grad = new Float64Array(layout.size);
    const fast = lossAndGradient(net, ws, theta, x, N, targets, grad);
    const [value, pullback] = vjp((t) => objective(spec, layout, t, batch, { kind: 'batch' }).loss, [fromData(theta, [layout.size])]);
    const reference = pullback(fromData(Float64Array.of(1), []))[0].data;
    expect(Math.abs(fast.loss - value.data[0]) / Math.abs(value.data[0])).toBeLessThan(1e-12);
    expect(relativeDifference(grad, reference)).toBeLessThan(1e-12);

    for (const mode of modes.filter((m) => m.kind === 'running')) {
      const m = forwardPass(net, ws, theta, x, N, targets, mode);
      const ref = objective(spec, layout, fromData(theta, [layout.size]), batch, mode).loss.data[0];
      expect(Math.abs(m.loss - ref) / Math.abs(ref)).toBeLessThan(1e-12);
    }
  });
});
