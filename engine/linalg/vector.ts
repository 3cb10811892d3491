// Small BLAS-1 helpers on Float64Array: dot products, Euclidean norms and y ← y + αx.
// None of them allocates, so they are safe inside hot loops (Lanczos, Gram–Schmidt).
import { ValueError } from '../errors.js';

function checkSameLength(op: string, x: Float64Array, y: Float64Array): void {
  if (x.length !== y.length) throw new ValueError(`${op}: vectors of different lengths (${x.length} and ${y.length}).`);
}

/** xᵀy. Both vectors must have the same length (a ValueError otherwise). */
export function dot(x: Float64Array, y: Float64Array): number {
  checkSameLength('dot', x, y);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * y[i];
  return sum;
}

/**
 * ‖x‖₂. The plain sum of squares is used when it neither overflows nor underflows into
 * the subnormal range; otherwise the norm is recomputed with the entries scaled by their
 * largest magnitude, so vectors of 1e200s or 1e-200s still get an accurate norm.
 */
export function norm(x: Float64Array): number {
  let sumSquares = 0;
  for (let i = 0; i < x.length; i++) sumSquares += x[i] * x[i];
  // 2^-1000 is far below any square of a "normal-sized" entry; below it, squares of the
  // entries may have lost bits to underflow.
  if (sumSquares < Number.POSITIVE_INFINITY && sumSquares > 2 ** -1000) return Math.sqrt(sumSquares);
  let largest = 0;
  for (let i = 0; i < x.length; i++) largest = Math.max(largest, Math.abs(x[i]));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let scaled = 0;
  for (let i = 0; i < x.length; i++) {
    const t = x[i] / largest;
    scaled += t * t;
  }
  return largest * Math.sqrt(scaled);
}

/** y ← y + αx, in place; returns `y`. Both vectors must have the same length. */
export function axpy(alpha: number, x: Float64Array, y: Float64Array): Float64Array {
  checkSameLength('axpy', x, y);
  for (let i = 0; i < x.length; i++) y[i] += alpha * x[i];
  return y;
}

/** x ← αx, in place; returns `x`. */
export function scale(alpha: number, x: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] *= alpha;
  return x;
}
