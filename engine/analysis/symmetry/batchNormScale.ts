// The scale invariance of the weights in front of batch norm. BN(a·h) = sign(a)·BN(h) when
// ε = 0, whatever the activation: the row W_ℓ[j, :] can be scaled by any a ≠ 0, with γ_j's
// sign following a's and the running statistics following h (mean × a, variance × a²).
// With PyTorch's ε = 1e-5 in √(σ² + ε) the invariance is exact only for a = ±1 (the sign of
// the row, a discrete symmetry); other factors change the loss by O(ε/σ²), and say so.
import { BN_EPS, buildLayout, type MlpSpec } from '../../nn/index.js';
import { SymmetryRefused } from './errors.js';
import { cloneState, layerParams, type NetworkState } from './network.js';

/**
 * The reason scaling the row in front of batch norm is refused, or null. A factor other than ±1
 * is no exact symmetry, so it is refused unless asked for as the approximation it is.
 */
export function batchNormScaleRefusal(spec: MlpSpec, layer: number, unit: number, factor: number, approximate = false): string | null {
  const hidden = spec.hidden[layer];
  if (!hidden) return `layer ${layer} is not a hidden layer (they are 0 … ${spec.hidden.length - 1})`;
  if (!hidden.batchNorm) return `layer ${layer} has no batch norm, so its weights are not scale-invariant (rescaling needs ReLU-like units there)`;
  if (!Number.isInteger(unit) || unit < 0 || unit >= hidden.width) return `layer ${layer} has units 0 … ${hidden.width - 1}, not ${unit}`;
  if (!Number.isFinite(factor) || factor === 0) return `the factor must be a finite number ≠ 0, got ${factor}`;
  if (spec.weightDecay > 0 && Math.abs(factor) !== 1) {
    return `the model has weight decay (λ = ${spec.weightDecay}): the penalty on ‖W‖² changes when a row is scaled, so this is no symmetry of the loss`;
  }
  if (!approximate && !batchNormScaleIsExact(factor)) {
    return `scaling by ${factor} is no exact symmetry: batch norm's ε = ${BN_EPS.toExponential()} makes √(a²σ² + ε) ≠ |a|·√(σ² + ε); only a = ±1 is exact. Ask for it as an approximation to see how far the loss moves`;
  }
  return null;
}

/** Whether scaling by this factor is an exact symmetry (|a| = 1) or exact only up to BN's ε. */
export function batchNormScaleIsExact(factor: number): boolean {
  return Math.abs(factor) === 1;
}

/** What the ε in batch norm does to a scaling by a, for reports. */
export function batchNormScaleNote(factor: number): string {
  return batchNormScaleIsExact(factor)
    ? 'exact: BN(−h) = −BN(h), and γ changes sign'
    : `approximate because of batch norm's ε = ${BN_EPS.toExponential()}: √(a²σ² + ε) ≠ |a|·√(σ² + ε), so the loss moves by O(ε/σ²); exact only without batch norm's ε (as ε → 0)`;
}

/**
 * Scales row `unit` of layer `layer`'s weights (in front of its batch norm) by a ≠ 0:
 * W[j, :] × a, γ_j × sign(a), running mean × a, running variance × a².
 */
export function scaleBatchNormInput(spec: MlpSpec, state: NetworkState, layer: number, unit: number, factor: number, approximate = false): NetworkState {
  const refusal = batchNormScaleRefusal(spec, layer, unit, factor, approximate);
  if (refusal) throw new SymmetryRefused(refusal);
  const p = layerParams(buildLayout(spec), layer);
  const out = cloneState(state);
  const cols = p.weight.shape[1];
  for (let i = 0, at = p.weight.offset + unit * cols; i < cols; i++) out.theta[at + i] *= factor;
  if (factor < 0) out.theta[p.gamma!.offset + unit] = -out.theta[p.gamma!.offset + unit];
  const mean = out.buffers[p.runningMean!];
  const variance = out.buffers[p.runningVar!];
  if (mean) mean[unit] *= factor;
  if (variance) variance[unit] *= factor * factor;
  return out;
}
