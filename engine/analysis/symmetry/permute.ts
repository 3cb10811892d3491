// Permuting hidden units: unit i of the new network is unit π(i) of the old one. Its
// incoming row, bias, γ, β and running statistics move with it, and so does the column of
// every weight matrix that reads it: f(x) is unchanged, θ is a different point of R^P.
import { ValueError } from '../../errors.js';
import type { LayoutEntry, MlpSpec } from '../../nn/index.js';
import { createRng } from '../../random.js';
import { groupOf } from './groups.js';
import { allLayerParams, cloneState, type NetworkState } from './network.js';

/** Whether p is a permutation of 0 … n−1. */
export function isPermutation(p: readonly number[], n: number): boolean {
  if (p.length !== n) return false;
  const seen = new Uint8Array(n);
  for (const i of p) {
    if (!Number.isInteger(i) || i < 0 || i >= n || seen[i]) return false;
    seen[i] = 1;
  }
  return true;
}

/** The inverse permutation: q[π(i)] = i. */
export function inversePermutation(p: readonly number[]): number[] {
  const q = new Array<number>(p.length);
  p.forEach((pi, i) => (q[pi] = i));
  return q;
}

/** A uniformly random permutation of 0 … n−1 (Fisher–Yates), from the stream (seed, purpose). */
export function randomPermutation(n: number, seed: number, purpose = 'symmetry:permutation'): number[] {
  const rng = createRng(seed, purpose);
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** Reorders the rows of a [rows, cols] block of `a` in place: new row i = old row π(i). */
function permuteRows(a: Float64Array, offset: number, cols: number, p: readonly number[]): void {
  const old = a.slice(offset, offset + p.length * cols);
  p.forEach((src, i) => a.set(old.subarray(src * cols, (src + 1) * cols), offset + i * cols));
}

/** Reorders the columns of weight [rows, cols] in place: new column j = old column π(j). */
function permuteColumns(theta: Float64Array, weight: LayoutEntry, p: readonly number[]): void {
  const [rows, cols] = weight.shape;
  const row = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const at = weight.offset + r * cols;
    row.set(theta.subarray(at, at + cols));
    for (let j = 0; j < cols; j++) theta[at + j] = row[p[j]];
  }
}

/**
 * Permutes the units of hidden layer `layer` (with its whole residual stream, if it is in
 * one): new unit i = old unit permutation[i]. Returns a new state; the input is untouched.
 */
export function permuteHiddenUnits(spec: MlpSpec, state: NetworkState, layer: number, permutation: readonly number[]): NetworkState {
  const group = groupOf(spec, layer);
  if (!isPermutation(permutation, group.width)) {
    throw new ValueError(`layer ${layer} has ${group.width} units: give a permutation of 0 … ${group.width - 1} (each index once), got [${permutation.join(', ')}]`);
  }
  const params = allLayerParams(spec);
  const out = cloneState(state);
  for (const l of group.layers) {
    const own = params[l];
    permuteRows(out.theta, own.weight.offset, own.weight.shape[1], permutation);
    for (const e of [own.bias, own.gamma, own.beta]) if (e) permuteRows(out.theta, e.offset, 1, permutation);
    for (const name of [own.runningMean, own.runningVar]) if (name && out.buffers[name]) permuteRows(out.buffers[name], 0, 1, permutation);
    permuteColumns(out.theta, params[l + 1].weight, permutation);
  }
  return out;
}
