// Ops built from primitives: they need no rules of their own, and every transform applies.
import { normalizeAxis } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { div, mul, neg, sub } from './primitives/arithmetic.js';
import { logsumexp, sum } from './primitives/reductions.js';
import { reshape } from './primitives/structure.js';
import { exp, softplus } from './primitives/unary.js';

/** Mean over one axis (removed) or over everything. */
export function mean(x: Tensor, axis?: number): Tensor {
  const n = axis === undefined ? x.data.length : x.shape[normalizeAxis('mean', axis, x.shape.length)];
  return div(sum(x, axis), n);
}

/** log softmax along `axis` (default: the last): x − logsumexp(x), finite for inputs of ±1000. */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const a = normalizeAxis('logSoftmax', axis, x.shape.length);
  const lse = logsumexp(x, a);
  return sub(x, reshape(lse, x.shape.map((d, i) => (i === a ? 1 : d))));
}

/** softmax along `axis` (default: the last), as exp(logSoftmax) so it never overflows. */
export function softmax(x: Tensor, axis = -1): Tensor {
  return exp(logSoftmax(x, axis));
}

/**
 * Mean cross-entropy of softmax(logits) against targets, both [N, C] (targets one-hot or
 * probabilities): −mean_n Σ_c y_nc · log softmax(u)_nc, computed from the logits.
 */
export function softmaxCrossEntropy(logits: Tensor, targets: Tensor): Tensor {
  return neg(mean(sum(mul(targets, logSoftmax(logits, -1)), -1)));
}

/**
 * Mean binary cross-entropy of σ(logits) against targets in [0, 1], same shape:
 * mean(softplus(z) − y·z), which equals −[y log σ(z) + (1 − y) log(1 − σ(z))] without overflow.
 */
export function sigmoidCrossEntropy(logits: Tensor, targets: Tensor): Tensor {
  return mean(sub(softplus(logits), mul(targets, logits)));
}
