// Weight matching (Ainsworth, Hayase & Srinivasa 2022, "Git Re-Basin", Algorithm 1): find
// permutations π of network B's hidden units that maximize Σ_ℓ ⟨W_ℓ^A, π(W^B)_ℓ⟩ (biases and
// batch-norm parameters included). Coordinate descent: for one group of units at a time,
// with all other permutations fixed, the objective is linear in that group's permutation,
// a linear assignment problem solved exactly (Hungarian algorithm, `munkres`); sweeps over
// the groups in a seeded random order until a whole sweep changes nothing.
import { munkres } from 'munkres';
import { ValueError } from '../../errors.js';
import type { MlpSpec } from '../../nn/index.js';
import { createRng } from '../../random.js';
import { unitGroups, type UnitGroup } from './groups.js';
import { allLayerParams, cloneState, type LayerParams, type NetworkState } from './network.js';
import { permuteHiddenUnits } from './permute.js';

export interface WeightMatchingOptions {
  /** Most sweeps over the groups (default 100). */
  maxSweeps?: number;
  /** Seed of the order the groups are visited in (default 0). */
  seed?: number;
}

export interface WeightMatchingResult {
  /** B with its units permuted to line up with A's (buffers moved along). */
  state: NetworkState;
  /** Per group: new unit i of B = unit permutation[i] of the B given. */
  permutations: { layers: number[]; permutation: number[] }[];
  /** Sweeps done (the last one changed nothing when converged). */
  sweeps: number;
  converged: boolean;
  /** Σ ⟨A, π(B)⟩ over every parameter the permutations move, before and after. */
  similarityBefore: number;
  similarityAfter: number;
}

/**
 * S[i][k] = how well unit k of B matches unit i of A, as the sum of products of the numbers
 * that move with the unit: its incoming row, bias, γ, β in every layer of the group, and the
 * column of every layer that reads it.
 */
export function unitSimilarity(params: LayerParams[], group: UnitGroup, a: Float64Array, b: Float64Array): number[][] {
  const m = group.width;
  const s = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (const l of group.layers) {
    const own = params[l];
    const cols = own.weight.shape[1];
    for (let i = 0; i < m; i++) {
      for (let k = 0; k < m; k++) {
        let sum = 0;
        const ai = own.weight.offset + i * cols;
        const bk = own.weight.offset + k * cols;
        for (let c = 0; c < cols; c++) sum += a[ai + c] * b[bk + c];
        for (const e of [own.bias, own.gamma, own.beta]) if (e) sum += a[e.offset + i] * b[e.offset + k];
        s[i][k] += sum;
      }
    }
    const next = params[l + 1].weight;
    const [rows, width] = next.shape;
    for (let r = 0; r < rows; r++) {
      const at = next.offset + r * width;
      for (let i = 0; i < m; i++) for (let k = 0; k < m; k++) s[i][k] += a[at + i] * b[at + k];
    }
  }
  return s;
}

/** Σ⟨A, B⟩ over the entries of θ that some permutation moves (every weight, bias and batch-norm parameter). */
function similarity(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Permutes B's hidden units to match A's by weight matching; returns the permuted B. */
export function weightMatching(spec: MlpSpec, a: NetworkState, b: NetworkState, options: WeightMatchingOptions = {}): WeightMatchingResult {
  if (a.theta.length !== b.theta.length) throw new ValueError(`the networks have ${a.theta.length} and ${b.theta.length} parameters: not the same model`);
  const maxSweeps = options.maxSweeps ?? 100;
  const params = allLayerParams(spec);
  const groups = unitGroups(spec);
  const perms = groups.map((g) => Array.from({ length: g.width }, (_, i) => i));
  const rng = createRng(options.seed ?? 0, 'symmetry:weight-matching');
  let current = b;
  let sweeps = 0;
  let converged = false;
  while (sweeps < maxSweeps && !converged) {
    sweeps++;
    converged = true;
    const order = groups.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const gi of order) {
      const g = groups[gi];
      const s = unitSimilarity(params, g, a.theta, current.theta);
      const q = new Array<number>(g.width);
      for (const [i, k] of munkres(s.map((row) => row.map((v) => -v)))) q[i] = k;
      let gain = 0;
      let scale = 0;
      for (let i = 0; i < g.width; i++) {
        gain += s[i][q[i]] - s[i][i];
        scale += Math.abs(s[i][i]);
      }
      // Accept only a strict improvement, so rounding-level ties cannot cycle.
      if (!(gain > 1e-12 * Math.max(scale, 1e-300)) || q.every((k, i) => k === i)) continue;
      converged = false;
      current = permuteHiddenUnits(spec, current, g.layers[0], q);
      perms[gi] = q.map((k) => perms[gi][k]);
    }
  }
  return {
    state: current === b ? cloneState(b) : current,
    permutations: groups.map((g, i) => ({ layers: g.layers, permutation: perms[i] })),
    sweeps,
    converged,
    similarityBefore: similarity(a.theta, b.theta),
    similarityAfter: similarity(a.theta, current.theta),
  };
}
