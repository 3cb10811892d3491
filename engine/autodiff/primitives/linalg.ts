import { ShapeError, formatShape } from '../../errors.js';
import { matmulKernel } from '../../tensor/kernels.js';
import type { Tensor } from '../../tensor/tensor.js';
import { definePrimitive } from '../primitive.js';
import { bind } from '../trace.js';
import { reshape, transpose } from './structure.js';

const matmulP = definePrimitive({
  name: 'matmul',
  impl: ([a, b]) => matmulKernel(a, b),
  jvp: [(t, _, [, b]) => matmul(t, b), (t, _, [a]) => matmul(a, t)],
  vjp: [(g, _, [, b]) => matmul(g, transpose(b)), (g, _, [a]) => matmul(transpose(a), g)],
});

/**
 * Matrix product [m, k] × [k, n] → [m, n]. As in numpy, a vector on the left is a row
 * ([k] × [k, n] → [n]) and on the right a column ([m, k] × [k] → [m]).
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (ra < 1 || ra > 2 || rb < 1 || rb > 2) {
    throw new ShapeError(`matmul: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} must be vectors or matrices`);
  }
  const a2 = ra === 1 ? reshape(a, [1, a.shape[0]]) : a;
  const b2 = rb === 1 ? reshape(b, [b.shape[0], 1]) : b;
  if (a2.shape[1] !== b2.shape[0]) {
    throw new ShapeError(
      `matmul: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not match ` +
        `(inner dimensions ${a2.shape[1]} ≠ ${b2.shape[0]})`,
    );
  }
  const c = bind(matmulP, [a2, b2], undefined);
  if (ra === 2 && rb === 2) return c;
  return reshape(c, [...a.shape.slice(0, -1), ...b.shape.slice(1)]);
}
