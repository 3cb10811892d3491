// A canonical representative of a point's orbit under the discrete symmetries (and ReLU
// rescaling): two parameter vectors that differ only by permutations, flips and rescalings
// get the same canonical form, so they are recognised as the same optimum.
//
// Groups are fixed in order from the input (a residual stream is anchored at hidden layer
// 0), so a group's incoming rows only read units that are already canonical. Per unit of
// the group's anchor layer:
//   1. the sign in front of batch norm: the first nonzero weight of the row is made positive;
//   2. the sign flip (if the activation has one): the first nonzero of (W row, bias), or of
//      (β, γ) with batch norm, is made positive;
//   3. the scale (ReLU-like units): that vector is scaled to unit length;
// then the units are sorted by the anchor's incoming numbers (W row, bias, γ, β),
// lexicographically. Last, every other batch-norm layer's row signs are fixed as in 1.
// Exact (bitwise) under permutations, odd flips and batch-norm signs; under rescalings, and
// for logistic units (whose flips add columns into biases in the order the units come),
// equal to rounding.
// Ties (two units with identical incoming numbers) are left in their order.
import type { MlpSpec } from '../../nn/index.js';
import { scaleBatchNormInput } from './batchNormScale.js';
import { unitGroups, type UnitGroup } from './groups.js';
import { allLayerParams, cloneState, rowOf, type LayerParams, type NetworkState } from './network.js';
import { permuteHiddenUnits } from './permute.js';
import type { SymmetryTransform } from './transform.js';
import { applyUnitSymmetry, unitSymmetryRefusal } from './unitTransforms.js';

export interface CanonicalForm {
  state: NetworkState;
  /** The symmetries that map the input to its canonical form, in the order applied. */
  transforms: SymmetryTransform[];
}

function firstNonzero(v: ArrayLike<number>): number {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return v[i];
  return 0;
}

/** The numbers a flip or rescaling of the unit multiplies: (W row, bias), or (β, γ) with batch norm. */
function scaledPart(theta: Float64Array, p: LayerParams, unit: number): number[] {
  if (p.gamma && p.beta) return [theta[p.beta.offset + unit], theta[p.gamma.offset + unit]];
  const row = Array.from(rowOf(theta, p.weight, unit));
  return p.bias ? [...row, theta[p.bias.offset + unit]] : row;
}

/** The sort key of a unit: its incoming row, bias, γ and β. */
function sortKey(theta: Float64Array, p: LayerParams, unit: number): number[] {
  const key = Array.from(rowOf(theta, p.weight, unit));
  for (const e of [p.bias, p.gamma, p.beta]) if (e) key.push(theta[e.offset + unit]);
  return key;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** A canonical form of θ (and buffers) under permutations, flips, rescalings and batch-norm row signs. */
export function canonicalForm(spec: MlpSpec, state: NetworkState): CanonicalForm {
  const params = allLayerParams(spec);
  const transforms: SymmetryTransform[] = [];
  let current = state;
  const apply = (t: SymmetryTransform, next: () => NetworkState) => {
    current = next();
    transforms.push(t);
  };
  const fixBatchNormSign = (layer: number, unit: number) => {
    const p = params[layer];
    if (p.gamma && firstNonzero(rowOf(current.theta, p.weight, unit)) < 0) {
      apply({ kind: 'bn-scale', layer, unit, factor: -1 }, () => scaleBatchNormInput(spec, current, layer, unit, -1));
    }
  };
  const canonicalizeGroup = (g: UnitGroup) => {
    const anchor = g.layers[0];
    const p = params[anchor];
    const flips = unitSymmetryRefusal(spec, anchor, 0, { kind: 'flip' }) === null;
    const rescales = unitSymmetryRefusal(spec, anchor, 0, { kind: 'rescale', factor: 2 }) === null;
    for (let unit = 0; unit < g.width; unit++) {
      fixBatchNormSign(anchor, unit);
      if (flips && firstNonzero(scaledPart(current.theta, p, unit)) < 0) {
        apply({ kind: 'flip', layer: anchor, unit }, () => applyUnitSymmetry(spec, current, anchor, unit, { kind: 'flip' }));
      }
      if (rescales) {
        const norm = Math.hypot(...scaledPart(current.theta, p, unit));
        if (norm > 0 && Math.abs(norm - 1) > 8 * Number.EPSILON) {
          const factor = 1 / norm;
          apply({ kind: 'rescale', layer: anchor, unit, factor }, () => applyUnitSymmetry(spec, current, anchor, unit, { kind: 'rescale', factor }));
        }
      }
    }
    const keys = Array.from({ length: g.width }, (_, unit) => sortKey(current.theta, p, unit));
    const order = keys.map((_, i) => i).sort((i, j) => compareKeys(keys[i], keys[j]) || i - j);
    if (order.some((v, i) => v !== i)) apply({ kind: 'permute', layer: anchor, permutation: order }, () => permuteHiddenUnits(spec, current, anchor, order));
  };
  unitGroups(spec).forEach(canonicalizeGroup);
  spec.hidden.forEach((h, layer) => {
    if (h.batchNorm) for (let unit = 0; unit < h.width; unit++) fixBatchNormSign(layer, unit);
  });
  return { state: current === state ? cloneState(state) : current, transforms };
}
