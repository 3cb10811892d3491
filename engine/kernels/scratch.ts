// One kernel instance per thread whose memory holds the operands of the kernels that take
// arrays from anywhere (dense-layer products, matmul): they are copied in, the kernel runs,
// the result is copied out. The instance grows (at least doubling) as operands do.
import { instantiateKernels, type KernelExports } from './kernels.js';

interface Scratch {
  wasm: KernelExports;
  data: Float64Array;
  /** Byte address of data[0]. */
  at: number;
}

let scratch: Scratch | null = null;

/**
 * The scratch with room for arrays of these lengths, one after the other at even (16-byte
 * aligned) offsets into `data`: the kernels' exports, `data`, its byte address and the offsets.
 */
export function placeOperands(lengths: number[]): Scratch & { offsets: number[] } {
  const offsets: number[] = [];
  let total = 0;
  for (const n of lengths) {
    offsets.push(total);
    total += n + (n & 1);
  }
  if (!scratch || scratch.data.length < total) {
    const { exports, f64, at } = instantiateKernels({ data: Math.max(total, 2 * (scratch?.data.length ?? 0)) }, {});
    scratch = { wasm: exports, data: f64.data, at: at.data };
  }
  return { ...scratch, offsets };
}

/**
 * placeOperands for float32 arrays: the scratch as a float32 view, `f32`, and the arrays'
 * offsets into it (16-byte aligned; two float32 slots per float64 slot).
 */
export function placeFloat32Operands(lengths: number[]): Scratch & { f32: Float32Array; offsets: number[] } {
  const placed = placeOperands(lengths.map((n) => Math.ceil(n / 2)));
  const { data } = placed;
  return { ...placed, f32: new Float32Array(data.buffer, data.byteOffset, 2 * data.length), offsets: placed.offsets.map((o) => 2 * o) };
}
