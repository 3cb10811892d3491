// The backward dense products of the float32 training mode, twins of accumulateLinearGradient
// and backpropInput (linear.ts): the operands rounded to float32 as they are copied into the
// kernels' scratch, the product on four lanes skipping zeros (engine/kernels/assembly/linearGrad32.ts),
// the float32 result added into the float64 gradients, which stay float64.
import { placeFloat32Operands } from '../../kernels/scratch.js';

/**
 * Rows per float32 product of the weight gradient: each chunk's float32 sum (at most this
 * many terms) is added to the float64 gradient, so a full-batch sum over thousands of rows
 * does not pile up float32 rounding.
 */
const GRADIENT_CHUNK = 128;

/**
 * The row stride of b in the scratch: whole SIMD vectors and one more, so that b's rows are
 * not a power of two bytes apart (at 1 KiB apart a column strip maps to a few cache sets).
 */
const strideOf = (cols: number) => (cols + 7) & ~3;

/**
 * out = a·b in float32 into the scratch (a's zeros skipped), a [rows, inner] written into the
 * float32 scratch at the offset given by `placeA`, b [inner, cols] copied from float64 at its
 * offset; returns out's offset in the float32 scratch.
 */
function product32(placeA: (f32: Float32Array, pa: number) => void, rows: number, inner: number, b: Float64Array, bAt: number, cols: number): { f32: Float32Array; po: number } {
  const ldb = strideOf(cols);
  const { wasm, f32, at, offsets: [pa, pb, po, pz, ps] } = placeFloat32Operands([rows * inner, inner * ldb, rows * cols, 2 * rows * inner, rows + 1]);
  placeA(f32, pa);
  for (let k = 0; k < inner; k++) f32.set(b.subarray(bAt + k * cols, bAt + (k + 1) * cols), pb + k * ldb);
  wasm.productSkippingZeros32(at + 4 * po, at + 4 * pa, rows, inner, at + 4 * pb, cols, ldb, at + 4 * pz, at + 4 * ps);
  return { f32, po };
}

/**
 * accumulateLinearGradient in float32: dW[o, i] += Σ_r dz[r, o]·a[r, i] as float32 products
 * per chunk of rows, and db[o] += Σ_r dz[r, o] in float64 (db skipped when bOffset < 0).
 */
export function accumulateLinearGradient32(grad: Float64Array, wOffset: number, bOffset: number, dz: Float64Array, a: Float64Array, rows: number, outs: number, inner: number): void {
  for (let r0 = 0; r0 < rows; r0 += GRADIENT_CHUNK) {
    const c = Math.min(GRADIENT_CHUNK, rows - r0);
    // dz's rows transposed into the scratch, so the product is dzᵀ·a, a row of dW per row of dzᵀ; the bias's sums on the way.
    const placeDzT = (f32: Float32Array, pa: number) => {
      for (let o = 0; o < outs; o++) {
        let s = 0;
        for (let r = 0; r < c; r++) {
          const v = dz[(r0 + r) * outs + o];
          f32[pa + o * c + r] = v;
          s += v;
        }
        if (bOffset >= 0) grad[bOffset + o] += s;
      }
    };
    const { f32, po } = product32(placeDzT, outs, c, a, r0 * inner, inner);
    for (let k = 0; k < outs * inner; k++) grad[wOffset + k] += f32[po + k];
  }
}

/** backpropInput in float32: da[r, i] += Σ_o dz[r, o]·w[o, i], the product in float32. */
export function backpropInput32(da: Float64Array, dz: Float64Array, w: Float64Array, wOffset: number, rows: number, outs: number, inner: number): void {
  const { f32, po } = product32((f32, pa) => f32.set(dz.subarray(0, rows * outs), pa), rows, outs, w, wOffset, inner);
  for (let k = 0; k < rows * inner; k++) da[k] += f32[po + k];
}
