// Acceptance: every activation × loss × bias × batch norm × residual combination has a
// gradient that passes checkGrad against central differences.
import { describe, expect, it } from 'vitest';
import { checkGrad, createRng, fromData, type Tensor } from '../../../engine/index.js';
import { activations, buildLayout, initTheta, lossKinds, objective, targetsFor, validateSpec, type MlpSpec, type NormMode } from '../../../engine/nn/index.js';

const N = 6;
const D = 3;

function randomBatch(spec: MlpSpec, seed: number) {
  const rng = createRng(seed, 'batch');
  const x = fromData(Float64Array.from({ length: N * D }, () => rng.normal()), [N, D]);
  const y =
    spec.loss === 'mse'
      ? Float64Array.from({ length: N * spec.outputs }, () => rng.normal())
      : Float64Array.from({ length: N }, (_, i) => (spec.loss === 'bce' ? i % 2 : i % spec.outputs));
  return { x, targets: targetsFor(spec, y, N) };
}

describe('model gradients pass checkGrad for every combination', () => {
  for (const activation of activations) {
    for (const loss of lossKinds) {
      for (const bias of [true, false]) {
        for (const batchNorm of [false, true]) {
          for (const residual of [0, 2]) {
            const name = `${activation}, ${loss}, bias ${bias ? 'on' : 'off'}, batch norm ${batchNorm ? 'on' : 'off'}, residual ${residual}`;
            it(name, () => {
              const spec = validateSpec({
                inputs: D,
                hidden: [4, 4, 4].map((width) => ({ width, activation, batchNorm })),
                outputs: loss === 'bce' ? 1 : loss === 'mse' ? 2 : 3,
                loss,
                bias,
                residual,
                weightDecay: 0.01,
              });
              const layout = buildLayout(spec);
              const theta = fromData(initTheta(layout, { weights: 'xavier-normal', bias: 0.1 }, 5), [layout.size]);
              // Perturb γ and β away from 1 and 0 so their derivatives are exercised in general position.
              const rng = createRng(9, name);
              theta.data.forEach((v, i) => (theta.data[i] = v + 0.1 * rng.normal()));
              const batch = randomBatch(spec, 3);
              const modes: NormMode[] = [{ kind: 'batch' }];
              if (batchNorm) {
                const buffers = Object.fromEntries(layout.buffers.map((b) => [b.name, Float64Array.from({ length: b.shape[0] }, () => (b.initial ? 0.5 + rng.uniform() : rng.normal()))]));
                modes.push({ kind: 'running', buffers });
              }
              for (const mode of modes) {
                const f = (t: Tensor) => objective(spec, layout, t, batch, mode).loss;
                const { relError } = checkGrad(f, theta);
                expect(relError, `${mode.kind} statistics`).toBeLessThan(1e-6);
              }
            });
          }
        }
      }
    }
  }
});
