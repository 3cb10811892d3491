// Reductions over all axes or one axis (removed from the shape, like numpy without keepdims).
import { logsumexpAxisKernel, sumAxisKernel } from '../../tensor/kernels.js';
import { normalizeAxis } from '../../tensor/shape.js';
import { fromData, type Tensor } from '../../tensor/tensor.js';
import { definePrimitive } from '../primitive.js';
import { bind } from '../trace.js';
import { mul, sub } from './arithmetic.js';
import { exp } from './unary.js';
import { broadcastTo, reshape } from './structure.js';

/** null reduces every axis. */
type Axis = number | null;

/** Puts the reduced axis back as length 1, so a reduced value broadcasts against the input. */
function keepAxis(y: Tensor, x: Tensor, axis: Axis): Tensor {
  return reshape(y, axis === null ? x.shape.map(() => 1) : x.shape.map((d, i) => (i === axis ? 1 : d)));
}

function reduceAll(x: Tensor): Tensor {
  return fromData(x.data, [x.data.length]);
}

const sumP = definePrimitive<Axis>({
  name: 'sum',
  impl: ([x], axis) => (axis === null ? sumAxisKernel(reduceAll(x), 0) : sumAxisKernel(x, axis)),
  jvp: [(t, _, __, axis) => sum(t, axis ?? undefined)],
  vjp: [(g, _, [x], axis) => broadcastTo(keepAxis(g, x, axis), x.shape)],
});

const logsumexpP = definePrimitive<Axis>({
  name: 'logsumexp',
  impl: ([x], axis) => (axis === null ? logsumexpAxisKernel(reduceAll(x), 0) : logsumexpAxisKernel(x, axis)),
  // ∂/∂x logsumexp(x) = softmax(x) = exp(x − logsumexp(x)), finite for inputs of ±1000.
  jvp: [(t, ans, [x], axis) => sum(mul(t, exp(sub(x, keepAxis(ans, x, axis)))), axis ?? undefined)],
  vjp: [(g, ans, [x], axis) => mul(keepAxis(g, x, axis), exp(sub(x, keepAxis(ans, x, axis))))],
});

function resolve(op: string, x: Tensor, axis?: number): Axis {
  return axis === undefined ? null : normalizeAxis(op, axis, x.shape.length);
}

/** Σ x over one axis (removed from the shape) or over everything (a scalar). */
export const sum = (x: Tensor, axis?: number): Tensor => bind(sumP, [x], resolve('sum', x, axis));

/** log Σ exp x over one axis or everything, computed stably (shifted by the maximum). */
export const logsumexp = (x: Tensor, axis?: number): Tensor => bind(logsumexpP, [x], resolve('logsumexp', x, axis));
