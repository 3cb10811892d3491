// Dense-layer kernels on row-major Float64Arrays, computed by the WebAssembly kernels
// (engine/kernels/assembly/linear.ts, two lanes per SIMD step; 2–9× the plain loops they
// replaced, with the same bits), their operands copied through the kernels' scratch.
import { placeFloat32Operands, placeOperands } from '../../kernels/scratch.js';

/** out[r, o] = Σ_i a[r, i]·w[o, i] + b[o] (b from `bias` at bOffset, or none when bOffset < 0), w at wOffset. */
export function linearInto(out: Float64Array, a: Float64Array, rows: number, inner: number, w: Float64Array, wOffset: number, outs: number, bias: Float64Array, bOffset: number): void {
  const { wasm, data, at, offsets: [pa, pw, pb, po] } = placeOperands([rows * inner, inner * outs, outs, rows * outs]);
  data.set(a.subarray(0, rows * inner), pa);
  for (let o = 0; o < outs; o++) for (let i = 0; i < inner; i++) data[pw + i * outs + o] = w[wOffset + o * inner + i];
  if (bOffset >= 0) data.set(bias.subarray(bOffset, bOffset + outs), pb);
  wasm.linearForward(at + 8 * po, at + 8 * pa, rows, inner, at + 8 * pw, outs, at + 8 * pb, bOffset >= 0);
  out.set(data.subarray(po, po + rows * outs));
}

/**
 * linearInto in float32: the operands are rounded to float32 as they are copied in (w
 * transposed on the way, engine/kernels/assembly/transpose.ts), the product runs on four lanes
 * (engine/kernels/assembly/linear32.ts), and the float32 result is copied out into the
 * float64 `out`: the float32 mode's forward product.
 */
export function linearInto32(out: Float64Array, a: Float64Array, rows: number, inner: number, w: Float64Array, wOffset: number, outs: number, bias: Float64Array, bOffset: number): void {
  // w goes in as float64 (a plain copy), to be transposed and rounded in one pass by the kernels.
  const { wasm, data, f32, at, offsets: [pa, pw, pb, po, p64] } = placeFloat32Operands([rows * inner, inner * outs, outs, rows * outs, 2 * outs * inner]);
  f32.set(a.subarray(0, rows * inner), pa);
  data.set(w.subarray(wOffset, wOffset + outs * inner), p64 / 2);
  wasm.transposeToFloat32(at + 4 * pw, at + 4 * p64, outs, inner);
  if (bOffset >= 0) f32.set(bias.subarray(bOffset, bOffset + outs), pb);
  wasm.linearForward32(at + 4 * po, at + 4 * pa, rows, inner, at + 4 * pw, outs, at + 4 * pb, bOffset >= 0);
  out.set(f32.subarray(po, po + rows * outs));
}

/** The dense product of a precision: float64 (the reference) or float32. */
export type Precision = 'float64' | 'float32';

export function linearOf(precision: Precision): typeof linearInto {
  return precision === 'float32' ? linearInto32 : linearInto;
}

/** Rows per chunk of the weight gradient: each chunk's sum is added to the gradient (the order the sums take). */
const GRADIENT_CHUNK = 128;

/**
 * dW[o, i] += Σ_r dz[r, o]·a[r, i] and db[o] += Σ_r dz[r, o] (db skipped when bOffset < 0),
 * into grad at the offsets.
 */
export function accumulateLinearGradient(grad: Float64Array, wOffset: number, bOffset: number, dz: Float64Array, a: Float64Array, rows: number, outs: number, inner: number): void {
  const { wasm, data, at, offsets: [pw, pb, pd, pa] } = placeOperands([outs * inner, outs, rows * outs, rows * inner]);
  data.set(grad.subarray(wOffset, wOffset + outs * inner), pw);
  if (bOffset >= 0) data.set(grad.subarray(bOffset, bOffset + outs), pb);
  data.set(dz.subarray(0, rows * outs), pd);
  data.set(a.subarray(0, rows * inner), pa);
  wasm.linearGradient(at + 8 * pw, at + 8 * pb, bOffset >= 0, at + 8 * pd, at + 8 * pa, rows, outs, inner, GRADIENT_CHUNK);
  grad.set(data.subarray(pw, pw + outs * inner), wOffset);
  if (bOffset >= 0) grad.set(data.subarray(pb, pb + outs), bOffset);
}

/** da[r, i] += Σ_o dz[r, o]·w[o, i]: the gradient passed to the layer below. */
export function backpropInput(da: Float64Array, dz: Float64Array, w: Float64Array, wOffset: number, rows: number, outs: number, inner: number): void {
  const { wasm, data, at, offsets: [pa, pd, pw] } = placeOperands([rows * inner, rows * outs, outs * inner]);
  data.set(da.subarray(0, rows * inner), pa);
  data.set(dz.subarray(0, rows * outs), pd);
  data.set(w.subarray(wOffset, wOffset + outs * inner), pw);
  wasm.linearBackprop(at + 8 * pa, at + 8 * pd, at + 8 * pw, rows, outs, inner);
  da.set(data.subarray(pa, pa + rows * inner));
}
