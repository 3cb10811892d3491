// Dense-layer kernels on row-major Float64Arrays, computed by the WebAssembly kernels
// (engine/kernels/assembly/linear.ts, two lanes per SIMD step; 2–9× the plain loops they
// replaced, with the same bits): the operands are copied into one scratch instance per
// thread, which grows as products do, and the result is copied back.
import { instantiateKernels, type KernelExports } from '../../kernels/kernels.js';

interface Scratch {
  wasm: KernelExports;
  data: Float64Array;
  /** Byte address of data[0]. */
  at: number;
}

let scratch: Scratch | null = null;

/** The scratch, grown (at least doubled) to hold `doubles`. */
function scratchFor(doubles: number): Scratch {
  if (!scratch || scratch.data.length < doubles) {
    const { exports, f64, at } = instantiateKernels({ data: Math.max(doubles, 2 * (scratch?.data.length ?? 0)) }, {});
    scratch = { wasm: exports, data: f64.data, at: at.data };
  }
  return scratch;
}

/** Places arrays of these lengths one after the other at even (16-byte) offsets; returns the offsets and the total. */
function layout(lengths: number[]): { offsets: number[]; total: number } {
  const offsets: number[] = [];
  let total = 0;
  for (const n of lengths) {
    offsets.push(total);
    total += n + (n & 1);
  }
  return { offsets, total };
}

/** out[r, o] = Σ_i a[r, i]·w[o, i] + b[o] (b from `bias` at bOffset, or none when bOffset < 0), w at wOffset. */
export function linearInto(out: Float64Array, a: Float64Array, rows: number, inner: number, w: Float64Array, wOffset: number, outs: number, bias: Float64Array, bOffset: number): void {
  const { offsets, total } = layout([rows * inner, inner * outs, outs, rows * outs]);
  const { wasm, data, at } = scratchFor(total);
  const [pa, pw, pb, po] = offsets;
  data.set(a.subarray(0, rows * inner), pa);
  for (let o = 0; o < outs; o++) for (let i = 0; i < inner; i++) data[pw + i * outs + o] = w[wOffset + o * inner + i];
  if (bOffset >= 0) data.set(bias.subarray(bOffset, bOffset + outs), pb);
  wasm.linearForward(at + 8 * po, at + 8 * pa, rows, inner, at + 8 * pw, outs, at + 8 * pb, bOffset >= 0);
  out.set(data.subarray(po, po + rows * outs));
}

/** Rows per chunk of the weight gradient: each chunk's sum is added to the gradient (the order the sums take). */
const GRADIENT_CHUNK = 128;

/**
 * dW[o, i] += Σ_r dz[r, o]·a[r, i] and db[o] += Σ_r dz[r, o] (db skipped when bOffset < 0),
 * into grad at the offsets.
 */
export function accumulateLinearGradient(grad: Float64Array, wOffset: number, bOffset: number, dz: Float64Array, a: Float64Array, rows: number, outs: number, inner: number): void {
  const { offsets, total } = layout([outs * inner, outs, rows * outs, rows * inner]);
  const { wasm, data, at } = scratchFor(total);
  const [pw, pb, pd, pa] = offsets;
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
  const { offsets, total } = layout([rows * inner, rows * outs, outs * inner]);
  const { wasm, data, at } = scratchFor(total);
  const [pa, pd, pw] = offsets;
  data.set(da.subarray(0, rows * inner), pa);
  data.set(dz.subarray(0, rows * outs), pd);
  data.set(w.subarray(wOffset, wOffset + outs * inner), pw);
  wasm.linearBackprop(at + 8 * pa, at + 8 * pd, at + 8 * pw, rows, outs, inner);
  da.set(data.subarray(pa, pa + rows * inner));
}
