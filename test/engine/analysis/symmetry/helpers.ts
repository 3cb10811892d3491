// Small random models and batches for the symmetry tests.
import { createRng, fromData } from '../../../../engine/index.js';
import { buildLayout, initTheta, targetsFor, validateSpec, type Activation, type Batch, type MlpSpec } from '../../../../engine/nn/index.js';
import type { NetworkState } from '../../../../engine/analysis/symmetry/index.js';

export interface Case {
  spec: MlpSpec;
  state: NetworkState;
  batch: Batch;
}

/** A model with three hidden layers of 5 units, random θ and running statistics, and a batch of 12 samples. */
export function randomCase(activation: Activation, options: { batchNorm?: boolean; residual?: number; bias?: boolean; weightDecay?: number; seed?: number } = {}): Case {
  const { batchNorm = false, residual = 0, bias = true, weightDecay = 0, seed = 1 } = options;
  const spec = validateSpec({
    inputs: 4,
    hidden: [5, 5, 5].map((width) => ({ width, activation, batchNorm })),
    outputs: 3,
    loss: 'softmax-ce',
    bias,
    residual,
    weightDecay,
  });
  const layout = buildLayout(spec);
  const rng = createRng(seed, `${activation}:${batchNorm}:${residual}:${bias}`);
  const theta = initTheta(layout, { weights: 'xavier-normal', bias: 0 }, seed).map((v) => v + 0.3 * rng.normal());
  const buffers = Object.fromEntries(layout.buffers.map((b) => [b.name, Float64Array.from({ length: b.shape[0] }, () => (b.initial ? 0.5 + rng.uniform() : rng.normal()))]));
  const n = 12;
  const x = fromData(Float64Array.from({ length: n * 4 }, () => rng.normal()), [n, 4]);
  const targets = targetsFor(spec, Float64Array.from({ length: n }, (_, i) => i % 3), n);
  return { spec, state: { theta, buffers }, batch: { x, targets } };
}
