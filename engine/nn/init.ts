// Initial parameters. Each tensor draws from its own random stream (seed, its name), so
// adding a layer never changes how the others start.
import { ValueError } from '../errors.js';
import { createRng, type Rng } from '../random.js';
import type { LayoutEntry, ParamLayout } from './layout.js';

export type WeightInit =
  | 'zeros'
  | 'constant'
  | 'uniform'
  | 'normal'
  | 'xavier-uniform'
  | 'xavier-normal'
  | 'he-uniform'
  | 'he-normal'
  | 'lecun-normal'
  | 'orthogonal';

export const weightInits: readonly WeightInit[] = [
  'zeros', 'constant', 'uniform', 'normal', 'xavier-uniform', 'xavier-normal', 'he-uniform', 'he-normal', 'lecun-normal', 'orthogonal',
];

export interface InitSpec {
  weights: WeightInit;
  /**
   * The scheme's free number: the value for `constant`, a for `uniform(±a)`, σ for
   * `normal(σ)`, the gain for Xavier and orthogonal. Default 1 for gains, 0.1 otherwise.
   */
  scale?: number;
  /** The value of every bias: 0, or a small positive constant for ReLU units (e.g. 0.01). */
  bias?: number;
}

/** Fills w [out, in] with an orthogonal matrix (rows or columns orthonormal) times gain, like torch.nn.init.orthogonal_. */
function orthogonal(w: Float64Array, rows: number, cols: number, gain: number, rng: Rng): void {
  // Gram–Schmidt on the columns of a tall Gaussian matrix A [tall, short].
  const tall = Math.max(rows, cols);
  const short = Math.min(rows, cols);
  const q = Float64Array.from({ length: tall * short }, () => rng.normal());
  for (let j = 0; j < short; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < tall; i++) dot += q[i * short + j] * q[i * short + k];
      for (let i = 0; i < tall; i++) q[i * short + j] -= dot * q[i * short + k];
    }
    let norm = 0;
    for (let i = 0; i < tall; i++) norm += q[i * short + j] ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < tall; i++) q[i * short + j] /= norm;
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) w[i * cols + j] = gain * (rows >= cols ? q[i * short + j] : q[j * short + i]);
  }
}

/** Draws one weight matrix [fanOut, fanIn] by the named scheme. */
function initWeight(w: Float64Array, entry: LayoutEntry, init: InitSpec, rng: Rng): void {
  const [fanOut, fanIn] = entry.shape;
  const gain = init.scale ?? 1;
  const free = init.scale ?? 0.1;
  const uniform = (a: number) => w.forEach((_, i) => (w[i] = a * (2 * rng.uniform() - 1)));
  const normal = (s: number) => w.forEach((_, i) => (w[i] = s * rng.normal()));
  switch (init.weights) {
    case 'zeros':
      return void w.fill(0);
    case 'constant':
      return void w.fill(free);
    case 'uniform':
      return uniform(free);
    case 'normal':
      return normal(free);
    case 'xavier-uniform':
      return uniform(gain * Math.sqrt(6 / (fanIn + fanOut)));
    case 'xavier-normal':
      return normal(gain * Math.sqrt(2 / (fanIn + fanOut)));
    case 'he-uniform':
      return uniform(Math.sqrt(6 / fanIn));
    case 'he-normal':
      return normal(Math.sqrt(2 / fanIn));
    case 'lecun-normal':
      return normal(Math.sqrt(1 / fanIn));
    case 'orthogonal':
      return orthogonal(w, fanOut, fanIn, gain, rng);
    default:
      throw new ValueError(`unknown initializer "${init.weights}"; choose one of ${weightInits.join(', ')}`);
  }
}

/** A fresh θ for a layout: weights by the scheme, biases constant, batch-norm γ = 1 and β = 0. */
export function initTheta(layout: ParamLayout, init: InitSpec, seed: number): Float64Array {
  const theta = new Float64Array(layout.size);
  for (const entry of layout.entries) {
    const view = theta.subarray(entry.offset, entry.offset + entry.size);
    if (entry.role === 'weight') initWeight(view, entry, init, createRng(seed, `init:${entry.name}`));
    else if (entry.role === 'bias') view.fill(init.bias ?? 0);
    else view.fill(entry.name.endsWith('bn.weight') ? 1 : 0);
  }
  return theta;
}
