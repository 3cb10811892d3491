// Sign flips and positive rescalings of one hidden unit (and of the same unit of its whole
// residual stream). With act(s·q) = s·act(q) + v (unitMaps.ts), unit j of layer ℓ becomes
//   incoming:  W_ℓ[j, :] ← s·W_ℓ[j, :], b_ℓ[j] ← s·b_ℓ[j]   (with batch norm: γ_j ← s·γ_j, β_j ← s·β_j,
//              the normalized W_ℓ·x is left alone)
//   outgoing:  W_{ℓ+1}[:, j] ← W_{ℓ+1}[:, j] / s, and the constant v·W'_{ℓ+1}[:, j] it now adds is
//              taken out of b_{ℓ+1} — or, when layer ℓ+1 has batch norm and no bias, out of nothing:
//              batch norm subtracts the mean, so only the running mean moves by it.
// In a residual stream the skip also carries s·h + v, so a later stream layer's bias (or β)
// gives back v: b[j] ← s·b[j] − v.
import type { MlpSpec } from '../../nn/index.js';
import { SymmetryRefused } from './errors.js';
import { groupOf, skipSource, type UnitGroup } from './groups.js';
import { allLayerParams, cloneState, type LayerParams, type NetworkState } from './network.js';
import { flipMap, rescaleMap, type UnitMap } from './unitMaps.js';

/** Which one-unit symmetry: a sign flip, or a rescaling by factor > 0. */
export type UnitSymmetry = { kind: 'flip' } | { kind: 'rescale'; factor: number };

export interface UnitPlan {
  group: UnitGroup;
  /** The map of each layer of the group. */
  maps: Map<number, UnitMap>;
}

function checkUnit(group: UnitGroup, layer: number, unit: number): string | null {
  if (!Number.isInteger(unit) || unit < 0 || unit >= group.width) return `layer ${layer} has units 0 … ${group.width - 1}, not ${unit}`;
  return null;
}

/** Whether a layer can absorb a constant added to its pre-activations (a bias, or batch norm that removes it). */
function absorbs(p: LayerParams): boolean {
  return p.bias !== null || p.gamma !== null;
}

/** The maps of the group's layers, or the reason this is no symmetry of the model. */
export function planUnitSymmetry(spec: MlpSpec, layer: number, unit: number, symmetry: UnitSymmetry): UnitPlan | string {
  let group: UnitGroup;
  try {
    group = groupOf(spec, layer);
  } catch (e) {
    return (e as Error).message;
  }
  const bad = checkUnit(group, layer, unit);
  if (bad) return bad;
  const stream = group.residual ? ` (layer ${layer} is in the residual stream of layers ${group.layers.join(', ')}, which share their units)` : '';
  if (symmetry.kind === 'rescale' && spec.weightDecay > 0 && symmetry.factor !== 1) {
    return `the model has weight decay (λ = ${spec.weightDecay}): the penalty (λ/2)·Σ‖W‖² changes when a row is scaled by a and a column by 1/a, so rescaling is no symmetry of this loss`;
  }
  const params = allLayerParams(spec);
  const maps = new Map<number, UnitMap>();
  for (const l of group.layers) {
    const activation = spec.hidden[l].activation;
    const map = symmetry.kind === 'flip' ? flipMap(activation) : rescaleMap(activation, symmetry.factor);
    if (typeof map === 'string') return `layer ${l} (${activation}): ${map}${stream}`;
    maps.set(l, map);
  }
  for (const l of group.layers) {
    const from = skipSource(group, l);
    if (from !== null && maps.get(from)!.shift !== 0 && !absorbs(params[l])) {
      return (
        `σ(−q) = 1 − σ(q): the flipped unit of layer ${from} reaches layer ${l} through the skip connection as 1 − h, ` +
        `and the constant 1 has to go into layer ${l}'s bias, which this model does not have (bias: false)${stream}`
      );
    }
    const consumer = l + 1;
    if (maps.get(l)!.shift !== 0 && !absorbs(params[consumer])) {
      const which = consumer === spec.hidden.length ? 'the output layer' : `layer ${consumer}`;
      return (
        `σ(−q) = 1 − σ(q): after the flip, ${which} receives 1 − h instead of h, so its pre-activations change by the constant ` +
        `W_${consumer}[:, ${unit}], which only a bias (or batch norm, which removes constants) can absorb — ${which} has neither ` +
        `(the model has bias: false), so the logistic flip is no symmetry of this model`
      );
    }
  }
  return { group, maps };
}

/** The reason this one-unit map is no symmetry of the model, or null when it is one. */
export function unitSymmetryRefusal(spec: MlpSpec, layer: number, unit: number, symmetry: UnitSymmetry): string | null {
  const plan = planUnitSymmetry(spec, layer, unit, symmetry);
  return typeof plan === 'string' ? plan : null;
}

/** Applies a planned one-unit symmetry to a copy of the state. */
function applyPlan(spec: MlpSpec, state: NetworkState, unit: number, plan: UnitPlan): NetworkState {
  const params = allLayerParams(spec);
  const out = cloneState(state);
  const t = out.theta;
  for (const l of plan.group.layers) {
    const { scale: s, shift: v } = plan.maps.get(l)!;
    const from = skipSource(plan.group, l);
    const skipShift = from === null ? 0 : plan.maps.get(from)!.shift;
    // Incoming: the unit's pre-activation (after batch norm, before the skip) × s, minus the skip's shift.
    const own = params[l];
    if (own.gamma && own.beta) {
      t[own.gamma.offset + unit] *= s;
      t[own.beta.offset + unit] = s * t[own.beta.offset + unit] - skipShift;
    } else {
      const cols = own.weight.shape[1];
      for (let i = 0, at = own.weight.offset + unit * cols; i < cols; i++) t[at + i] *= s;
      if (own.bias) t[own.bias.offset + unit] = s * t[own.bias.offset + unit] - skipShift;
    }
    // Outgoing: the next layer's column j ÷ s, and the constant v·column out of its bias (or running mean).
    const next = params[l + 1];
    const [rows, cols] = next.weight.shape;
    for (let r = 0; r < rows; r++) {
      const at = next.weight.offset + r * cols + unit;
      t[at] /= s;
      if (v === 0) continue;
      if (next.bias) t[next.bias.offset + r] -= v * t[at];
      else if (next.runningMean && out.buffers[next.runningMean]) out.buffers[next.runningMean][r] += v * t[at];
    }
  }
  return out;
}

/** Applies a one-unit symmetry, or throws SymmetryRefused saying why it is none. */
export function applyUnitSymmetry(spec: MlpSpec, state: NetworkState, layer: number, unit: number, symmetry: UnitSymmetry): NetworkState {
  const plan = planUnitSymmetry(spec, layer, unit, symmetry);
  if (typeof plan === 'string') throw new SymmetryRefused(plan);
  return applyPlan(spec, state, unit, plan);
}

/**
 * Flips the sign of unit `unit` of hidden layer `layer`: tanh and identity units negate
 * their incoming row and bias (γ and β with batch norm) and outgoing column; logistic units
 * do the same and move the outgoing column into the next layer's bias (σ(−q) = 1 − σ(q)).
 */
export function flipUnit(spec: MlpSpec, state: NetworkState, layer: number, unit: number): NetworkState {
  return applyUnitSymmetry(spec, state, layer, unit, { kind: 'flip' });
}

/**
 * Rescales a ReLU, leaky ReLU or identity unit by a > 0: incoming row and bias (γ and β
 * with batch norm) × a, outgoing column ÷ a.
 */
export function rescaleUnit(spec: MlpSpec, state: NetworkState, layer: number, unit: number, factor: number): NetworkState {
  return applyUnitSymmetry(spec, state, layer, unit, { kind: 'rescale', factor });
}
