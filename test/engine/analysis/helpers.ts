// Functions with known spectra and critical points for the analysis tests.
import { fromData, matmul, mul, sum, type Tensor } from '../../../engine/index.js';
import { createRng } from '../../../engine/random.js';
import { orthonormalize } from '../../../engine/linalg/index.js';
import { lossFunction, lossFunctionOf, type LossFunction } from '../../../engine/analysis/index.js';
import { presetRecipe, startRun } from '../../../engine/train/index.js';
import { buildLayout, findEntry, type MlpSpec } from '../../../engine/nn/index.js';

/** A = Q·diag(λ)·Qᵀ with a seeded random orthogonal Q, exactly symmetric, row-major. */
export function withKnownSpectrum(lambda: readonly number[], seed: number): Float64Array {
  const n = lambda.length;
  const rng = createRng(seed, 'test:orthogonal');
  const { basis } = orthonormalize(Array.from({ length: n }, () => Float64Array.from({ length: n }, () => rng.normal())));
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += basis[k][i] * lambda[k] * basis[k][j];
      a[i * n + j] = s;
      a[j * n + i] = s;
    }
  }
  return a;
}

/** f(x) = ½·xᵀAx through the autodiff ops: its Hessian is A everywhere. */
export function quadratic(a: Float64Array, n: number): LossFunction {
  const matrix = fromData(a, [n, n]);
  return lossFunctionOf((x: Tensor) => mul(sum(mul(x, matmul(matrix, x))), 0.5), n);
}

/** f(x) = Σ cᵢ·xᵢ² (e.g. x² − y² with c = [1, −1]). */
export function diagonalQuadric(c: readonly number[]): LossFunction {
  const coefficients = fromData(Float64Array.from(c), [c.length]);
  return lossFunctionOf((x: Tensor) => sum(mul(coefficients, mul(x, x))), c.length);
}

/** λ sorted ascending. */
export function ascending(lambda: readonly number[]): number[] {
  return [...lambda].sort((a, b) => a - b);
}

/** max |a_i − b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/**
 * The softmax-shift directions of a network whose output layer has no bias: for hidden unit j,
 * +1/√classes on layers.{last}.weight[c, j] for every class c. Adding any mix of them to θ
 * changes no logit difference, so no prediction and no cross-entropy.
 */
export function softmaxShifts(spec: MlpSpec): Float64Array[] {
  const layout = buildLayout(spec);
  const out = findEntry(layout, `layers.${spec.hidden.length}.weight`)!;
  const [classes, hidden] = out.shape;
  return Array.from({ length: hidden }, (_, j) => {
    const v = new Float64Array(layout.size);
    for (let c = 0; c < classes; c++) v[out.offset + c * hidden + j] = 1 / Math.sqrt(classes);
    return v;
  });
}

/** A preset trained to its last epoch, with its training objective as a LossFunction. */
export function trainedPreset(name: string) {
  const { trainer, data } = startRun(presetRecipe(name));
  while (trainer.advance(1000));
  const spec = trainer.config.spec;
  return { spec, data, theta: trainer.state.theta, loss: lossFunction({ spec, buffers: trainer.state.buffers }, data.train) };
}
