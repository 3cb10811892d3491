// Hidden-unit nonlinearities, built from the engine's primitives so every transform applies.
import { add, mul, neg, sub } from '../autodiff/primitives/arithmetic.js';
import { exp, relu, sigmoid, softplus, tanh } from '../autodiff/primitives/unary.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Activation } from './spec.js';

/** Slope of leaky ReLU for negative inputs (PyTorch's default). */
export const LEAKY_SLOPE = 0.01;
/** α of ELU (PyTorch's default). */
export const ELU_ALPHA = 1;
const GELU_C = Math.sqrt(2 / Math.PI);

const table: Record<Activation, (x: Tensor) => Tensor> = {
  logistic: sigmoid,
  tanh,
  relu,
  // relu(x) − s·relu(−x): x for x > 0, s·x for x < 0.
  'leaky-relu': (x) => sub(relu(x), mul(relu(neg(x)), LEAKY_SLOPE)),
  // relu(x) + α(e^{min(x, 0)} − 1), with min(x, 0) = −relu(−x).
  elu: (x) => add(relu(x), mul(sub(exp(neg(relu(neg(x)))), 1), ELU_ALPHA)),
  // GELU in its tanh form (PyTorch's approximate='tanh'): ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
  gelu: (x) => mul(mul(x, 0.5), add(1, tanh(mul(add(x, mul(mul(mul(x, x), x), 0.044715)), GELU_C)))),
  softplus,
  identity: (x) => x,
};

/** Applies a named activation elementwise. */
export function activate(name: Activation, x: Tensor): Tensor {
  return table[name](x);
}
