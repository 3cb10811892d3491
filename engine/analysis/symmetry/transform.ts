// One name for every symmetry transform, as plain data (for the CLI, workers and the app):
// what it is, whether this model has it (and why not), and the map itself.
import type { MlpSpec } from '../../nn/index.js';
import { batchNormScaleIsExact, batchNormScaleNote, batchNormScaleRefusal, scaleBatchNormInput } from './batchNormScale.js';
import { SymmetryRefused } from './errors.js';
import { groupOf } from './groups.js';
import type { NetworkState } from './network.js';
import { isPermutation, permuteHiddenUnits } from './permute.js';
import { applyUnitSymmetry, unitSymmetryRefusal } from './unitTransforms.js';

/**
 * A symmetry of an MLP's parameters:
 * - `permute`: new unit i of the hidden layer (and its residual stream) = old unit permutation[i];
 * - `flip`: the sign of a tanh, identity or logistic unit;
 * - `rescale`: a ReLU, leaky ReLU or identity unit by factor > 0;
 * - `bn-scale`: the row in front of batch norm by factor ≠ 0 (exact for ±1 only, so other factors
 *   need `approximate`; see batchNormScale.ts).
 */
export type SymmetryTransform =
  | { kind: 'permute'; layer: number; permutation: number[] }
  | { kind: 'flip'; layer: number; unit: number }
  | { kind: 'rescale'; layer: number; unit: number; factor: number }
  | { kind: 'bn-scale'; layer: number; unit: number; factor: number; approximate?: boolean };

/** The reason a transform is no symmetry of this model, or null when it is one. */
export function symmetryRefusal(spec: MlpSpec, transform: SymmetryTransform): string | null {
  switch (transform.kind) {
    case 'permute': {
      let width: number;
      try {
        width = groupOf(spec, transform.layer).width;
      } catch (e) {
        return (e as Error).message;
      }
      return isPermutation(transform.permutation, width)
        ? null
        : `layer ${transform.layer} has ${width} units: give a permutation of 0 … ${width - 1} (each index once), got [${transform.permutation.join(', ')}]`;
    }
    case 'flip':
      return unitSymmetryRefusal(spec, transform.layer, transform.unit, { kind: 'flip' });
    case 'rescale':
      return unitSymmetryRefusal(spec, transform.layer, transform.unit, { kind: 'rescale', factor: transform.factor });
    case 'bn-scale':
      return batchNormScaleRefusal(spec, transform.layer, transform.unit, transform.factor, transform.approximate);
  }
}

/** False only for transforms that are symmetries up to batch norm's ε (bn-scale with |a| ≠ 1). */
export function isExactSymmetry(transform: SymmetryTransform): boolean {
  return transform.kind !== 'bn-scale' || batchNormScaleIsExact(transform.factor);
}

/** Why the loss may move under a transform that is exact only up to batch norm's ε, or null for an exact one. */
export function symmetryNote(transform: SymmetryTransform): string | null {
  return transform.kind === 'bn-scale' && !batchNormScaleIsExact(transform.factor) ? batchNormScaleNote(transform.factor) : null;
}

/** A one-line description, e.g. "flip unit 3 of layer 0". */
export function describeTransform(transform: SymmetryTransform): string {
  switch (transform.kind) {
    case 'permute':
      return `permute the units of layer ${transform.layer} by [${transform.permutation.join(', ')}]`;
    case 'flip':
      return `flip unit ${transform.unit} of layer ${transform.layer}`;
    case 'rescale':
      return `rescale unit ${transform.unit} of layer ${transform.layer} by ${transform.factor}`;
    case 'bn-scale':
      return `scale the weights into batch norm of unit ${transform.unit} of layer ${transform.layer} by ${transform.factor} (${batchNormScaleNote(transform.factor)})`;
  }
}

/** The image of a state under a symmetry; throws SymmetryRefused (with the reason) when it is none. */
export function transformNetwork(spec: MlpSpec, state: NetworkState, transform: SymmetryTransform): NetworkState {
  const refusal = symmetryRefusal(spec, transform);
  if (refusal) throw new SymmetryRefused(refusal);
  switch (transform.kind) {
    case 'permute':
      return permuteHiddenUnits(spec, state, transform.layer, transform.permutation);
    case 'flip':
      return applyUnitSymmetry(spec, state, transform.layer, transform.unit, { kind: 'flip' });
    case 'rescale':
      return applyUnitSymmetry(spec, state, transform.layer, transform.unit, { kind: 'rescale', factor: transform.factor });
    case 'bn-scale':
      return scaleBatchNormInput(spec, state, transform.layer, transform.unit, transform.factor, transform.approximate);
  }
}
