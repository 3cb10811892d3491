// Small random networks over every combination the model allows (activation × loss × bias ×
// batch norm × residual), for the tests that hold a tape-free kernel to the autodiff objective.
import { it } from 'vitest';
import { createRng, fromData, type Rng } from '../../engine/index.js';
import { activations, buildLayout, initTheta, lossKinds, targetsFor, validateSpec, type Batch, type MlpSpec, type NormMode, type ParamLayout } from '../../engine/nn/index.js';

export const N = 7;
export const D = 3;
const WIDTH = 4;

export interface NetworkCase {
  spec: MlpSpec;
  layout: ParamLayout;
  rng: Rng;
  theta: Float64Array;
  /** Inputs [N, D] and the targets as the kernels take them. */
  x: Float64Array;
  targets: Float64Array;
  /** The same data as autodiff's objective takes them. */
  batch: Batch;
  /** The modes to compare in: batch statistics, and with batch norm also random running ones. */
  modes: NormMode[];
}

/** One `it` per combination, each with its own seeded network, θ (init + noise·N(0, 1)) and data. */
export function forEachNetwork(label: string, noise: number, test: (c: NetworkCase) => void): void {
  for (const activation of activations) {
    for (const loss of lossKinds) {
      for (const bias of [true, false]) {
        for (const [batchNorm, residual] of [[false, 0], [true, 0], [false, 2], [true, 2]] as const) {
          it(`${activation}, ${loss}, bias ${bias}, batch norm ${batchNorm}, residual ${residual}`, () => {
            const spec = validateSpec({ inputs: D, hidden: [WIDTH, WIDTH, WIDTH].map((width) => ({ width, activation, batchNorm })), outputs: loss === 'bce' ? 1 : 3, loss, bias, residual, weightDecay: 0.01 });
            const layout = buildLayout(spec);
            const rng = createRng(4, `${label} ${activation}${loss}${bias}${batchNorm}${residual}`);
            const theta = initTheta(layout, { weights: 'xavier-normal', bias: 0.05 }, 1).map((v) => v + noise * rng.normal());
            const x = Float64Array.from({ length: N * D }, () => rng.normal());
            const y = loss === 'mse' ? Float64Array.from({ length: N * 3 }, () => rng.normal()) : Float64Array.from({ length: N }, (_, i) => (loss === 'bce' ? i % 2 : i % 3));
            const targets = targetsFor(spec, y, N);
            const modes: NormMode[] = [{ kind: 'batch' }];
            if (batchNorm) {
              const buffers = Object.fromEntries(layout.buffers.map((b) => [b.name, Float64Array.from({ length: WIDTH }, () => (b.initial ? 0.5 + rng.uniform() : rng.normal()))]));
              modes.push({ kind: 'running', buffers });
            }
            test({ spec, layout, rng, theta, x, targets: targets.data, batch: { x: fromData(x, [N, D]), targets }, modes });
          });
        }
      }
    }
  }
}

/** max|a − b| / max|b|. */
export function relativeDifference(a: Float64Array, b: Float64Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}
