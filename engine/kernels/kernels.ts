// The WebAssembly kernels (assembly/, AssemblyScript): the evaluator's innermost loops,
// without JavaScript's bounds checks and boxed numbers. Each caller gets an instance of its
// own, whose memory holds the arrays it asked for, so memory goes when the caller does.
// The module compiles once per thread, synchronously (allowed in workers and Node; a
// browser's main thread refuses modules over 4 KB, and computes nothing anyway).
import { EXP_FRACTION } from '../nn/fast/exp.js';
import { KERNELS_BINARY } from './kernelsBinary.js';

/** The exports of assembly/index.ts; pointers are byte offsets into `memory`. */
export interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  setExpTable(table: number): void;
  softmaxSums(logits: number, targets: number, rows: number, k: number, G: number, sums: number): void;
  bindBreakpoint(
    units: number, outputs: number, offSlope: number,
    base: number, along1: number, along2: number, pBias: number, qBias: number, U: number, V: number, outBias: number, sorted: number, logits: number,
  ): void;
  bindBreakpointScratch(
    P: number, Q: number, whole: number, running: number,
    bucket: number, upUnits: number, downUnits: number, upStart: number, downStart: number, upFill: number, downFill: number,
  ): void;
  sweepBlock(r0: number, rows: number, alpha: number, G: number): void;
  bindLogistic(e: number, ratio: number, pre: number, act: number): void;
  /** 1 if any entry needs an exact exp (a bool in WebAssembly). */
  recur(size: number, fresh: boolean): number;
  activate(size: number): void;
  denseSoftmaxSums(n: number, units: number, outputs: number, weights: number, bias: number, targets: number, logits: number, sums: number): void;
  linearForward(out: number, a: number, rows: number, inner: number, wT: number, outs: number, bias: number, hasBias: boolean): void;
  /** linearForward on float32 arrays. */
  linearForward32(out: number, a: number, rows: number, inner: number, wT: number, outs: number, bias: number, hasBias: boolean): void;
  /** out = a·b in float32, skipping a's zeros: the float32 mode's backward products. */
  productSkippingZeros32(out: number, a: number, rows: number, inner: number, b: number, cols: number, bStride: number, nz: number, starts: number): void;
  linearGradient(gw: number, gb: number, hasBias: boolean, dz: number, a: number, rows: number, outs: number, inner: number, chunk: number): void;
  linearBackprop(da: number, dz: number, w: number, rows: number, outs: number, inner: number): void;
  reluSlope(g: number, z: number, n: number): void;
  /** dst = srcᵀ rounded to float32, src [rows, cols] float64, dst float32. */
  transposeToFloat32(dst: number, src: number, rows: number, cols: number): void;
  /** Adam's (AdamW's with hasDecay) update of θ, m and v, n float64s each: engine/train/optimizers.ts's loop on two lanes. */
  adamUpdate(theta: number, g: number, m: number, v: number, n: number, lr: number, b1: number, b2: number, eps: number, hasDecay: boolean, decay: number, c1: number, c2: number): void;
}

/** One instance and the arrays placed in its memory: views and their addresses, by name. */
export interface KernelInstance<F extends string, I extends string> {
  exports: KernelExports;
  f64: Record<F, Float64Array>;
  i32: Record<I, Int32Array>;
  at: Record<F | I, number>;
}

const PAGE = 65536;
/** Arrays start on 16-byte boundaries (a SIMD vector). */
const ALIGN = 16;

let compiled: WebAssembly.Module | null = null;

/**
 * Instantiates the kernels with float64 arrays of the lengths in `f64` and int32 arrays of
 * those in `i32` placed in its memory (zeroed), and e^x's table bound.
 */
export function instantiateKernels<F extends string, I extends string>(f64: Record<F, number>, i32: Record<I, number>): KernelInstance<F | 'expTable', I> {
  compiled ??= new WebAssembly.Module(KERNELS_BINARY);
  const exports = new WebAssembly.Instance(compiled, { env: { abort: abortKernel } }).exports as unknown as KernelExports;
  const sizes: [string, number, 8 | 4][] = [
    ['expTable', EXP_FRACTION.length, 8],
    ...Object.entries<number>(f64).map(([name, n]): [string, number, 8] => [name, n, 8]),
    ...Object.entries<number>(i32).map(([name, n]): [string, number, 4] => [name, n, 4]),
  ];
  const at: Record<string, number> = {};
  let end = exports.heapBase();
  for (const [name, n, bytes] of sizes) {
    end = Math.ceil(end / ALIGN) * ALIGN;
    at[name] = end;
    end += n * bytes;
  }
  const { memory } = exports;
  if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
  const views: Record<string, Float64Array | Int32Array> = {};
  for (const [name, n, bytes] of sizes) views[name] = bytes === 8 ? new Float64Array(memory.buffer, at[name], n) : new Int32Array(memory.buffer, at[name], n);
  views.expTable.set(EXP_FRACTION);
  exports.setExpTable(at.expTable);
  return { exports, f64: views as Record<F | 'expTable', Float64Array>, i32: views as unknown as Record<I, Int32Array>, at: at as Record<F | I | 'expTable', number> };
}

/** AssemblyScript's abort import; the kernels are built with --noAssert, so only a bug reaches it. */
function abortKernel(): never {
  throw new Error('a WebAssembly kernel aborted (a bug in engine/kernels)');
}
