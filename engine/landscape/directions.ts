// Directions in parameter space and their normalizations, after Li et al., "Visualizing
// the Loss Landscape of Neural Nets" (2018): a direction is a vector in R^P laid out like θ.
import { ValueError } from '../errors.js';
import type { ParamLayout } from '../nn/index.js';
import { createRng } from '../random.js';

export type Normalization = 'filter' | 'layer' | 'model' | 'none';

export const normalizations: readonly Normalization[] = ['filter', 'layer', 'model', 'none'];

export interface NormalizeOptions {
  normalization: Normalization;
  /**
   * 'biasbn' zeroes the direction on parameters of one dimension (biases, batch-norm γ
   * and β), as Li et al.'s default; otherwise those entries copy θ's values.
   */
  ignore?: 'biasbn' | 'none';
}

/** A standard Gaussian vector in R^P from the seed; `index` tells the directions of one plot apart. */
export function randomDirection(layout: ParamLayout, seed: number, index: number): Float64Array {
  const rng = createRng(seed, `direction:${index}`);
  return Float64Array.from({ length: layout.size }, () => rng.normal());
}

function norm(a: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/** Scales d[from:to] to the norm of theta[from:to] (a zero segment stays zero). */
function matchNorm(d: Float64Array, theta: Float64Array, from: number, to: number): void {
  const nd = norm(d, from, to);
  if (nd === 0) return;
  const s = norm(theta, from, to) / nd;
  for (let i = from; i < to; i++) d[i] *= s;
}

/**
 * Normalizes a direction d (a copy is returned) against θ:
 * - `filter`: each filter — for a dense layer one output unit, a row of `weight` — gets the
 *   norm of θ's row (Li et al.'s filter normalization, without their 1e-10 in the denominator
 *   so norms match exactly);
 * - `layer`: each weight tensor gets the norm of θ's tensor;
 * - `model`: the weight tensors together get the norm of θ's weight tensors;
 * - `none`: unchanged.
 * One-dimensional parameters (biases, batch-norm γ, β) are zeroed with ignore 'biasbn',
 * otherwise set to θ's values (Li et al.); with `none` they stay random unless ignored.
 */
export function normalizeDirection(direction: Float64Array, theta: Float64Array, layout: ParamLayout, options: NormalizeOptions): Float64Array {
  if (direction.length !== layout.size || theta.length !== layout.size) {
    throw new ValueError(`a direction must have the model's ${layout.size} parameters, got ${direction.length}`);
  }
  const d = direction.slice();
  const ignoreBiasBn = (options.ignore ?? 'biasbn') === 'biasbn';
  const weights = layout.entries.filter((e) => e.shape.length > 1);
  for (const e of layout.entries) {
    if (e.shape.length > 1) continue;
    if (ignoreBiasBn) d.fill(0, e.offset, e.offset + e.size);
    else if (options.normalization !== 'none') d.set(theta.subarray(e.offset, e.offset + e.size), e.offset);
  }
  switch (options.normalization) {
    case 'filter':
      for (const e of weights) {
        const row = e.size / e.shape[0];
        for (let r = 0; r < e.shape[0]; r++) matchNorm(d, theta, e.offset + r * row, e.offset + (r + 1) * row);
      }
      break;
    case 'layer':
      for (const e of weights) matchNorm(d, theta, e.offset, e.offset + e.size);
      break;
    case 'model': {
      let nd = 0;
      let nt = 0;
      for (const e of weights) {
        nd += norm(d, e.offset, e.offset + e.size) ** 2;
        nt += norm(theta, e.offset, e.offset + e.size) ** 2;
      }
      const s = nd === 0 ? 0 : Math.sqrt(nt / nd);
      for (const e of weights) for (let i = e.offset; i < e.offset + e.size; i++) d[i] *= s;
      break;
    }
    case 'none':
      break;
    default:
      throw new ValueError(`unknown normalization "${options.normalization}"; choose one of ${normalizations.join(', ')}`);
  }
  return d;
}

/** d₂ minus its projection on d₁ (Gram–Schmidt), so the plane's axes are perpendicular. */
export function orthogonalize(d2: Float64Array, d1: Float64Array): Float64Array {
  let dot = 0;
  let sq = 0;
  for (let i = 0; i < d1.length; i++) {
    dot += d1[i] * d2[i];
    sq += d1[i] * d1[i];
  }
  const c = sq === 0 ? 0 : dot / sq;
  return d2.map((v, i) => v - c * d1[i]);
}
