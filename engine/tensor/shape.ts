import { ShapeError, ValueError, formatShape } from '../errors.js';

export type Shape = readonly number[];

/** Number of elements of a tensor of this shape (1 for a scalar, shape []). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The shape numpy broadcasting gives two operands; `op` names the caller in the error. */
export function broadcastShapes(op: string, a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 1; i <= n; i++) {
    const da = i <= a.length ? a[a.length - i] : 1;
    const db = i <= b.length ? b[b.length - i] : 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(
        `${op}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast together ` +
          `(axis ${n - i}: ${da} vs ${db})`,
      );
    }
    out[n - i] = da === 1 ? db : da;
  }
  return out;
}

/** Checks that `from` broadcasts to `to` (numpy rules); throws a ShapeError naming `op` otherwise. */
export function assertBroadcastable(op: string, from: Shape, to: Shape): void {
  const ok =
    from.length <= to.length &&
    from.every((d, i) => d === 1 || d === to[to.length - from.length + i]);
  if (!ok) {
    throw new ShapeError(`${op}: shape ${formatShape(from)} cannot be broadcast to ${formatShape(to)}`);
  }
}

/** Resolves a possibly negative axis against a rank, as numpy does. */
export function normalizeAxis(op: string, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(axis) || a < 0 || a >= rank) {
    throw new ValueError(`${op}: axis ${axis} is out of range for a tensor of rank ${rank}`);
  }
  return a;
}

/** Row-major strides of a shape. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

/**
 * Strides for reading a tensor of shape `small` while walking the broadcast shape `big`:
 * the row-major stride on matching axes, 0 on axes that broadcast.
 */
export function broadcastStrides(small: Shape, big: Shape): number[] {
  const strides = new Array<number>(big.length).fill(0);
  const offset = big.length - small.length;
  const own = stridesOf(small);
  for (let d = 0; d < small.length; d++) strides[d + offset] = small[d] === 1 ? 0 : own[d];
  return strides;
}
