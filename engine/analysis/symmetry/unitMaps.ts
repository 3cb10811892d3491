// The one-unit symmetries of an activation: a map of the pre-activation q ↦ s·q that the
// activation turns into an affine map of the output, act(s·q) = s·act(q) + v.
//   odd units (tanh, identity):        s = −1, v = 0   tanh(−q) = −tanh(q)
//   the logistic unit:                 s = −1, v = 1   σ(−q) = 1 − σ(q)
//   positively homogeneous units
//   (ReLU, leaky ReLU, identity):      s = a > 0, v = 0   relu(a·q) = a·relu(q)
// Every other pairing is refused with the reason.
import type { Activation } from '../../nn/index.js';

/** q ↦ scale·q before the activation, h ↦ scale·h + shift after it. */
export interface UnitMap {
  scale: number;
  shift: number;
}

const notOdd: Partial<Record<Activation, string>> = {
  relu: 'relu(−q) = relu(q) − q, which is not a function of relu(q) alone, so no sign flip maps a ReLU unit onto itself; ReLU units have positive rescalings instead',
  'leaky-relu': 'leaky ReLU is not odd (leaky(−q) = leaky(q) − 1.01·q, not −leaky(q)), so no sign flip is a symmetry; leaky ReLU units have positive rescalings instead',
  elu: 'ELU is not odd and elu(−q) is no affine function of elu(q), so no sign flip is a symmetry of an ELU unit',
  gelu: 'GELU(−q) = GELU(q) − q, which is not a function of GELU(q) alone, so no sign flip is a symmetry of a GELU unit',
  softplus: 'softplus(−q) = softplus(q) − q, which is not a function of softplus(q) alone, so no sign flip is a symmetry of a softplus unit',
};

const notHomogeneous: Partial<Record<Activation, string>> = {
  tanh: 'tanh(a·q) ≠ a·tanh(q) (tanh saturates), so rescaling changes what a tanh unit computes; only ReLU, leaky ReLU and identity units can be rescaled — tanh units have sign flips instead',
  logistic: 'σ(a·q) ≠ a·σ(q) (the logistic saturates), so rescaling changes what the unit computes; only ReLU, leaky ReLU and identity units can be rescaled — logistic units have the flip σ(−q) = 1 − σ(q) instead',
  elu: 'elu(a·q) ≠ a·elu(q) for q < 0 (the negative side saturates at −1), so an ELU unit cannot be rescaled',
  gelu: 'GELU(a·q) ≠ a·GELU(q), so a GELU unit cannot be rescaled',
  softplus: 'softplus(a·q) ≠ a·softplus(q), so a softplus unit cannot be rescaled',
};

/** The sign flip of a unit with this activation, or the reason there is none. */
export function flipMap(activation: Activation): UnitMap | string {
  if (activation === 'tanh' || activation === 'identity') return { scale: -1, shift: 0 };
  if (activation === 'logistic') return { scale: -1, shift: 1 };
  return notOdd[activation]!;
}

/** The rescaling by factor a > 0 of a unit with this activation, or the reason there is none. */
export function rescaleMap(activation: Activation, factor: number): UnitMap | string {
  if (!(factor > 0) || !Number.isFinite(factor)) {
    return `the factor must be a finite number > 0, got ${factor} (a negative factor is a sign flip times a rescaling)`;
  }
  if (activation === 'relu' || activation === 'leaky-relu' || activation === 'identity') return { scale: factor, shift: 0 };
  return notHomogeneous[activation]!;
}
