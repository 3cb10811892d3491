// The compiled network's forward and backward passes against the autodiff objective, for
// every combination the model allows.
import { describe, expect, it } from 'vitest';
import { createRng, fromData, vjp } from '../../../engine/index.js';
import { activations, buildLayout, initTheta, lossKinds, objective, targetsFor, validateSpec, type NormMode } from '../../../engine/nn/index.js';
import { compileMlp, createWorkspace, forwardPass, lossAndGradient } from '../../../engine/nn/fast/network.js';

const N = 7;
const D = 3;

function relativeDifference(a: Float64Array, b: Float64Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

describe('the compiled network equals the autodiff objective and its gradient (relative 1e-12)', () => {
  for (const activation of activations) {
    for (const loss of lossKinds) {
      for (const bias of [true, false]) {
        for (const [batchNorm, residual] of [[false, 0], [true, 0], [false, 2], [true, 2]] as const) {
          it(`${activation}, ${loss}, bias ${bias}, batch norm ${batchNorm}, residual ${residual}`, () => {
            const spec = validateSpec({
              inputs: D,
              hidden: [4, 4, 4].map((width) => ({ width, activation, batchNorm })),
              outputs: loss === 'bce' ? 1 : 3,
              loss,
              bias,
              residual,
              weightDecay: 0.01,
            });
            const layout = buildLayout(spec);
            const rng = createRng(4, `${activation}${loss}${bias}${batchNorm}${residual}`);
            const theta = initTheta(layout, { weights: 'xavier-normal', bias: 0.05 }, 1).map((v) => v + 0.1 * rng.normal());
            const x = Float64Array.from({ length: N * D }, () => rng.normal());
            const y = loss === 'mse' ? Float64Array.from({ length: N * 3 }, () => rng.normal()) : Float64Array.from({ length: N }, (_, i) => (loss === 'bce' ? i % 2 : i % 3));
            const targets = targetsFor(spec, y, N);
            const batch = { x: fromData(x, [N, D]), targets };

            const net = compileMlp(spec, layout);
            const ws = createWorkspace(net, N);
            const grad = new Float64Array(layout.size);
            const fast = lossAndGradient(net, ws, theta, x, N, targets.data, grad);
            const [value, pullback] = vjp((t) => objective(spec, layout, t, batch, { kind: 'batch' }).loss, [fromData(theta, [layout.size])]);
            const reference = pullback(fromData(Float64Array.of(1), []))[0].data;
            expect(Math.abs(fast.loss - value.data[0]) / Math.abs(value.data[0])).toBeLessThan(1e-12);
            expect(relativeDifference(grad, reference)).toBeLessThan(1e-12);

            if (batchNorm) {
              const buffers = Object.fromEntries(layout.buffers.map((b) => [b.name, Float64Array.from({ length: 4 }, () => (b.initial ? 0.5 + rng.uniform() : rng.normal()))]));
              const mode: NormMode = { kind: 'running', buffers };
              const m = forwardPass(net, ws, theta, x, N, targets.data, mode);
              const ref = objective(spec, layout, fromData(theta, [layout.size]), batch, mode).loss.data[0];
              expect(Math.abs(m.loss - ref) / Math.abs(ref)).toBeLessThan(1e-12);
            }
          });
        }
      }
    }
  }
});
