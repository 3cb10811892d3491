// Shape-changing primitives. broadcastTo and sumTo are each other's transpose; the
// autodiff walker uses them for numpy broadcasting.
import { ShapeError, formatShape } from '../../errors.js';
import { broadcastData, padAxisKernel, sliceAxisKernel, sumToData, transposeKernel } from '../../tensor/kernels.js';
import { assertBroadcastable, normalizeAxis, sizeOf, type Shape } from '../../tensor/shape.js';
import { fromData, type Tensor } from '../../tensor/tensor.js';
import { definePrimitive, type Primitive } from '../primitive.js';
import { bind } from '../trace.js';

const reshapeP = definePrimitive<Shape>({
  name: 'reshape',
  impl: ([x], shape) => fromData(x.data, shape),
  jvp: [(t, _, __, shape) => reshape(t, shape)],
  vjp: [(g, _, [x]) => reshape(g, x.shape)],
});

const transposeP = definePrimitive<readonly number[]>({
  name: 'transpose',
  impl: ([x], perm) => transposeKernel(x, perm),
  jvp: [(t, _, __, perm) => transpose(t, perm)],
  vjp: [(g, _, __, perm) => transpose(g, inversePermutation(perm))],
});

const broadcastToP = definePrimitive<Shape>({
  name: 'broadcastTo',
  impl: ([x], shape) => fromData(broadcastData(x, shape).slice(), shape),
  jvp: [(t, _, __, shape) => broadcastTo(t, shape)],
  vjp: [(g, _, [x]) => sumTo(g, x.shape)],
});

const sumToP = definePrimitive<Shape>({
  name: 'sumTo',
  impl: ([x], shape) => fromData(sumToData(x, shape).slice(), shape),
  jvp: [(t, _, __, shape) => sumTo(t, shape)],
  vjp: [(g, _, [x]) => broadcastTo(g, x.shape)],
});

interface AxisRange {
  axis: number;
  start: number;
  end: number;
  /** The length of the padded axis (the sliced input's length). */
  length: number;
}

const sliceP: Primitive<AxisRange> = definePrimitive<AxisRange>({
  name: 'slice',
  impl: ([x], r) => sliceAxisKernel(x, r.axis, r.start, r.end),
  jvp: [(t, _, __, r) => bind(sliceP, [t], r)],
  vjp: [(g, _, __, r) => bind(padP, [g], r)],
});

const padP: Primitive<AxisRange> = definePrimitive<AxisRange>({
  name: 'pad',
  impl: ([x], r) => padAxisKernel(x, r.axis, r.start, r.length),
  jvp: [(t, _, __, r) => bind(padP, [t], r)],
  vjp: [(g, _, __, r) => bind(sliceP, [g], r)],
});

function inversePermutation(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
}

/** The same values in a new shape of equal size; one −1 entry is inferred, as in numpy. */
export function reshape(x: Tensor, shape: Shape): Tensor {
  const known = sizeOf(shape.filter((d) => d !== -1));
  const resolved = shape.map((d) => (d === -1 ? x.data.length / known : d));
  if (sizeOf(resolved) !== x.data.length || !resolved.every(Number.isInteger)) {
    throw new ShapeError(`reshape: cannot reshape ${formatShape(x.shape)} to ${formatShape(shape)}`);
  }
  return bind(reshapeP, [x], resolved);
}

/** Permutes axes (default: reverses them, so a matrix is transposed). */
export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  const rank = x.shape.length;
  const p = perm ?? [...Array(rank).keys()].reverse();
  const valid = p.length === rank && new Set(p.map((a) => normalizeAxis('transpose', a, rank))).size === rank;
  if (!valid) {
    throw new ShapeError(`transpose: [${p.join(', ')}] is not a permutation of the axes of ${formatShape(x.shape)}`);
  }
  return bind(transposeP, [x], p.map((a) => normalizeAxis('transpose', a, rank)));
}

/** Broadcasts x to `shape` by numpy's rules (a copy). */
export function broadcastTo(x: Tensor, shape: Shape): Tensor {
  assertBroadcastable('broadcastTo', x.shape, shape);
  return bind(broadcastToP, [x], [...shape]);
}

/** Sums x down to `shape`, the shape it was broadcast from: the adjoint of broadcastTo. */
export function sumTo(x: Tensor, shape: Shape): Tensor {
  assertBroadcastable('sumTo', shape, x.shape);
  return bind(sumToP, [x], [...shape]);
}

/** Entries start … end−1 along `axis` (default 0), like numpy's x[start:end]. */
export function slice(x: Tensor, start: number, end: number, axis = 0): Tensor {
  const a = normalizeAxis('slice', axis, x.shape.length);
  const length = x.shape[a];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start > end) {
    throw new ShapeError(`slice: range ${start}:${end} does not fit axis ${a} of ${formatShape(x.shape)}`);
  }
  return bind(sliceP, [x], { axis: a, start, end, length });
}

/** Zero-pads `axis` (default 0) to `length`, with x starting at `start`: the adjoint of slice. */
export function pad(x: Tensor, start: number, length: number, axis = 0): Tensor {
  const a = normalizeAxis('pad', axis, x.shape.length);
  const end = start + x.shape[a];
  if (!Number.isInteger(start) || !Number.isInteger(length) || start < 0 || end > length) {
    throw new ShapeError(`pad: ${formatShape(x.shape)} at offset ${start} does not fit length ${length} on axis ${a}`);
  }
  return bind(padP, [x], { axis: a, start, end, length });
}
