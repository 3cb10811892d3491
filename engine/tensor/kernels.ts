// Allocation-conscious kernels on raw tensors. Each loop is written out in full: no
// per-element callbacks, so V8 compiles every hot loop to straight arithmetic.
import { ShapeError, formatShape } from '../errors.js';
import { broadcastShapes, broadcastStrides, shapesEqual, sizeOf, stridesOf, type Shape } from './shape.js';
import { fromData, type Tensor } from './tensor.js';
import { placeOperands } from '../kernels/scratch.js';

/** Copies `x` broadcast to `shape` (numpy rules); returns `x.data` itself when nothing changes. */
export function broadcastData(x: Tensor, shape: Shape): Float64Array {
  if (shapesEqual(x.shape, shape)) return x.data;
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  const src = x.data;
  if (src.length === 1) return out.fill(src[0]);
  const rank = shape.length;
  const stride = broadcastStrides(x.shape, shape);
  const index = new Array<number>(rank).fill(0);
  let from = 0;
  for (let i = 0; i < n; i++) {
    out[i] = src[from];
    for (let d = rank - 1; d >= 0; d--) {
      from += stride[d];
      if (++index[d] < shape[d]) break;
      from -= stride[d] * shape[d];
      index[d] = 0;
    }
  }
  return out;
}

/** Sums `x` over the axes on which `shape` was broadcast to `x.shape`: the transpose of broadcasting. */
export function sumToData(x: Tensor, shape: Shape): Float64Array {
  if (shapesEqual(x.shape, shape)) return x.data;
  const out = new Float64Array(sizeOf(shape));
  const src = x.data;
  const big = x.shape;
  const rank = big.length;
  const stride = broadcastStrides(shape, big);
  const index = new Array<number>(rank).fill(0);
  let to = 0;
  for (let i = 0; i < src.length; i++) {
    out[to] += src[i];
    for (let d = rank - 1; d >= 0; d--) {
      to += stride[d];
      if (++index[d] < big[d]) break;
      to -= stride[d] * big[d];
      index[d] = 0;
    }
  }
  return out;
}

export type BinaryKind = 'add' | 'sub' | 'mul' | 'div';

/**
 * out[i] = x[xi] ∘ y[yi] for i < n, with the operands read at strides xs and ys (0 for a
 * scalar): one loop per op, so the hot path of same-shape and scalar operands is tight.
 */
function binaryLoop(kind: BinaryKind, x: Float64Array, xs: number, y: Float64Array, ys: number, out: Float64Array, to: number, n: number, xi: number, yi: number): void {
  switch (kind) {
    case 'add':
      for (let i = 0; i < n; i++, xi += xs, yi += ys) out[to + i] = x[xi] + y[yi];
      return;
    case 'sub':
      for (let i = 0; i < n; i++, xi += xs, yi += ys) out[to + i] = x[xi] - y[yi];
      return;
    case 'mul':
      for (let i = 0; i < n; i++, xi += xs, yi += ys) out[to + i] = x[xi] * y[yi];
      return;
    case 'div':
      for (let i = 0; i < n; i++, xi += xs, yi += ys) out[to + i] = x[xi] / y[yi];
      return;
  }
}

/** Elementwise a ∘ b with numpy broadcasting, without materializing broadcast operands. */
export function binary(kind: BinaryKind, a: Tensor, b: Tensor): Tensor {
  const shape = broadcastShapes(kind, a.shape, b.shape);
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  const x = a.data;
  const y = b.data;
  if (x.length === n && y.length === n) binaryLoop(kind, x, 1, y, 1, out, 0, n, 0, 0);
  else if (x.length === 1 || y.length === 1) binaryLoop(kind, x, x.length === 1 ? 0 : 1, y, y.length === 1 ? 0 : 1, out, 0, n, 0, 0);
  else {
    // Walk the output row by row (last axis); each row reads both operands at fixed strides.
    const rank = shape.length;
    const last = shape[rank - 1];
    const sa = broadcastStrides(a.shape, shape);
    const sb = broadcastStrides(b.shape, shape);
    const index = new Array<number>(rank).fill(0);
    let xi = 0;
    let yi = 0;
    for (let to = 0; to < n; to += last) {
      binaryLoop(kind, x, sa[rank - 1], y, sb[rank - 1], out, to, last, xi, yi);
      for (let d = rank - 2; d >= 0; d--) {
        xi += sa[d];
        yi += sb[d];
        if (++index[d] < shape[d]) break;
        xi -= sa[d] * shape[d];
        yi -= sb[d] * shape[d];
        index[d] = 0;
      }
    }
  }
  return fromData(out, shape);
}

/** [m, k] × [k, n] → [m, n], in the WebAssembly kernels. */
export function matmulKernel(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[0]) {
    throw new ShapeError(
      `matmul: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not match ` +
        `(need [m, k] × [k, n])`,
    );
  }
  const [m, k] = a.shape;
  const n = b.shape[1];
  // The dense-layer kernel with b as its transposed weights: C[i, j] = Σ_p A[i, p]·B[p, j], summed in p order.
  const { wasm, data, at, offsets: [pa, pb, pc] } = placeOperands([m * k, k * n, m * n]);
  data.set(a.data, pa);
  data.set(b.data, pb);
  wasm.linearForward(at + 8 * pc, at + 8 * pa, m, k, at + 8 * pb, n, 0, false);
  return fromData(data.slice(pc, pc + m * n), [m, n]);
}

/** Permutes the axes of `x`: output axis i is input axis perm[i]. */
export function transposeKernel(x: Tensor, perm: readonly number[]): Tensor {
  const shape = perm.map((p) => x.shape[p]);
  const n = x.data.length;
  const out = new Float64Array(n);
  const inStrides = stridesOf(x.shape);
  const stride = perm.map((p) => inStrides[p]);
  const rank = shape.length;
  if (rank === 2 && perm[0] === 1) {
    const r = shape[0];
    const c = shape[1];
    const src = x.data;
    // out[i, j] = x[j, i]: read down columns of x, write rows of out.
    for (let i = 0; i < r; i++) {
      const row = i * c;
      for (let j = 0, from = i; j < c; j++, from += r) out[row + j] = src[from];
    }
    return fromData(out, shape);
  }
  const index = new Array<number>(rank).fill(0);
  let from = 0;
  for (let i = 0; i < n; i++) {
    out[i] = x.data[from];
    for (let d = rank - 1; d >= 0; d--) {
      from += stride[d];
      if (++index[d] < shape[d]) break;
      from -= stride[d] * shape[d];
      index[d] = 0;
    }
  }
  return fromData(out, shape);
}

/** Splits a shape around `axis` into (outer, length, inner) for axis reductions. */
function around(shape: Shape, axis: number): [number, number, number] {
  return [sizeOf(shape.slice(0, axis)), shape[axis], sizeOf(shape.slice(axis + 1))];
}

/** Sum over one axis (removed from the shape). */
export function sumAxisKernel(x: Tensor, axis: number): Tensor {
  const [outer, len, inner] = around(x.shape, axis);
  const out = new Float64Array(outer * inner);
  const src = x.data;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < len; k++) {
      const from = (o * len + k) * inner;
      const to = o * inner;
      for (let i = 0; i < inner; i++) out[to + i] += src[from + i];
    }
  }
  return fromData(out, x.shape.filter((_, d) => d !== axis));
}

/** log Σ exp over one axis (removed), shifted by the maximum so ±1000 neither overflows nor underflows. */
export function logsumexpAxisKernel(x: Tensor, axis: number): Tensor {
  const [outer, len, inner] = around(x.shape, axis);
  const out = new Float64Array(outer * inner);
  const src = x.data;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      let max = -Infinity;
      for (let k = 0; k < len; k++) max = Math.max(max, src[base + k * inner]);
      if (!Number.isFinite(max)) {
        out[o * inner + i] = max;
        continue;
      }
      let s = 0;
      for (let k = 0; k < len; k++) s += Math.exp(src[base + k * inner] - max);
      out[o * inner + i] = max + Math.log(s);
    }
  }
  return fromData(out, x.shape.filter((_, d) => d !== axis));
}

/** Entries start … end−1 of one axis (the rest of the shape unchanged). */
export function sliceAxisKernel(x: Tensor, axis: number, start: number, end: number): Tensor {
  const [outer, len, inner] = around(x.shape, axis);
  const width = (end - start) * inner;
  const out = new Float64Array(outer * width);
  for (let o = 0; o < outer; o++) out.set(x.data.subarray((o * len + start) * inner, (o * len + end) * inner), o * width);
  return fromData(out, x.shape.map((d, i) => (i === axis ? end - start : d)));
}

/** Zero-pads one axis to `length`, placing x at offset `start`: the adjoint of slicing. */
export function padAxisKernel(x: Tensor, axis: number, start: number, length: number): Tensor {
  const [outer, len, inner] = around(x.shape, axis);
  const out = new Float64Array(outer * length * inner);
  for (let o = 0; o < outer; o++) out.set(x.data.subarray(o * len * inner, (o + 1) * len * inner), (o * length + start) * inner);
  return fromData(out, x.shape.map((d, i) => (i === axis ? length : d)));
}
