// The tape-free plane evaluator against the autodiff objective, on the same points.
import { describe, expect, it } from 'vitest';
import { createRng, fromData } from '../../../engine/index.js';
import { accuracy, activations, buildLayout, initTheta, lossKinds, objective, targetsFor, validateSpec, type NormMode } from '../../../engine/nn/index.js';
import { createPlaneEvaluator } from '../../../engine/landscape/evaluator.js';

const N = 12;
const D = 4;

describe('the plane evaluator equals the autodiff objective (relative difference < 1e-10)', () => {
  for (const activation of activations) {
    for (const loss of lossKinds) {
      for (const [batchNorm, residual] of [[false, 0], [true, 2]] as const) {
        it(`${activation}, ${loss}, batch norm ${batchNorm ? 'on' : 'off'}, residual ${residual}`, () => {
          const spec = validateSpec({
            inputs: D,
            hidden: [5, 5, 5].map((width) => ({ width, activation, batchNorm })),
            outputs: loss === 'bce' ? 1 : 3,
            loss,
            bias: true,
            residual,
            weightDecay: 0.003,
          });
          const layout = buildLayout(spec);
          const rng = createRng(2, `${activation}${loss}${batchNorm}`);
          const randn = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
          const center = initTheta(layout, { weights: 'he-normal', bias: 0.1 }, 3).map((v) => v + 0.05 * rng.normal());
          const d1 = randn(layout.size).map((v) => 0.3 * v);
          const d2 = randn(layout.size).map((v) => 0.3 * v);
          const x = randn(N * D);
          const y = loss === 'mse' ? randn(N * 3) : Float64Array.from({ length: N }, (_, i) => (loss === 'bce' ? i % 2 : i % 3));
          const targets = targetsFor(spec, y, N);
          const modes: NormMode[] = [{ kind: 'batch' }];
          if (batchNorm) {
            modes.push({ kind: 'running', buffers: Object.fromEntries(layout.buffers.map((b) => [b.name, Float64Array.from({ length: 5 }, () => (b.initial ? 0.5 + rng.uniform() : rng.normal()))])) });
          }
          for (const mode of modes) {
            const fast = createPlaneEvaluator(spec, layout, { x, n: N, targets: targets.data }, center, d1, d2, mode);
            for (const [a, b] of [[0, 0], [0.7, -0.4], [-1.3, 2.1]]) {
              const theta = fromData(center.map((c, i) => c + a * d1[i] + b * d2[i]), [layout.size]);
              const reference = objective(spec, layout, theta, { x: fromData(x, [N, D]), targets }, mode);
              const got = fast.at(a, b);
              const want = reference.loss.data[0];
              expect(Math.abs(got.loss - want) / Math.abs(want), `${mode.kind} at (${a}, ${b})`).toBeLessThan(1e-10);
              if (loss !== 'mse') expect(got.accuracy).toBe(accuracy(spec, reference.output, targets));
            }
          }
        });
      }
    }
  }
});
