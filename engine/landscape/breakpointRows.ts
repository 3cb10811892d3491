// Whole grid rows of a one-hidden-layer network whose units are piecewise linear (ReLU,
// leaky ReLU, identity) and not batch-normalized, exactly and without a forward pass per
// point. Along a row (α fixed) a unit's pre-activation is z(β) = P + β·Q, so it switches on
// or off at most once, at β = −P/Q; while its state holds, its share of the logits is
// slope·(P + β·Q)·(U + β·V): a quadratic in β. Each unit's three coefficient vectors are
// added once per sample and row — to a constant part, or at the grid point where it switches
// on (swept upwards) or the last where it is on (swept downwards), so only additions meet and
// nothing cancels — and each point's logits are the coefficients evaluated at β. That costs
// O(units·outputs) per sample and row plus O(outputs) per point, where a forward pass costs
// O(units·outputs) per point. The sweep and the softmax run in the WebAssembly kernels
// (engine/kernels/assembly/breakpoint.ts, softmax.ts); this file prepares each row.
import { LEAKY_SLOPE, type Activation } from '../nn/index.js';
import { lossSumsOnLogits, metricsOf } from '../nn/fast/loss.js';
import type { CompiledMlp } from '../nn/fast/network.js';
import { instantiateKernels } from '../kernels/kernels.js';
import type { EvalData, RowEvaluator } from './evaluator.js';
import type { LossSpread } from './samples.js';

/** The slope of a supported unit where it is off (it is 1 where on). */
const SLOPE_OFF: Partial<Record<Activation, number>> = { relu: 0, 'leaky-relu': LEAKY_SLOPE, identity: 1 };
/** Logits kept at once: a block of samples at every point of a row (64 samples of 10 outputs on a 51-point row). */
const LOGITS_PER_BLOCK = 32768;

/** The first layer's products X·W*ᵀ, X·D₁ᵀ, X·D₂ᵀ, [n, units] each (no bias). */
export interface FirstLayerProducts {
  base: Float64Array;
  along1: Float64Array;
  along2: Float64Array;
}

/** Whether breakpointRows applies to the network (running or batch statistics make no difference without batch norm). */
export function hasBreakpointRows(net: CompiledMlp): boolean {
  const { hidden } = net.spec;
  return hidden.length === 1 && !hidden[0].batchNorm && SLOPE_OFF[hidden[0].activation] !== undefined;
}

/**
 * The row evaluator of the plane c + α·d₁ + β·d₂; the network must pass hasBreakpointRows.
 * `spreadFor` gives the per-sample losses' spread for a row that asks for variances.
 */
export function breakpointRows(
  net: CompiledMlp,
  data: EvalData,
  first: FirstLayerProducts,
  center: Float64Array,
  d1: Float64Array,
  d2: Float64Array,
  spreadFor: (points: number) => LossSpread,
): RowEvaluator {
  const { spec } = net;
  const { n, targets } = data;
  const H = net.widths[0];
  const K = spec.outputs;
  const [b0, w1, b1] = [net.biasAt[0], net.weightAt[1], net.biasAt[1]];
  let kernel: SweepKernel | null = null;
  let order = new Int32Array(0);
  return (alpha, betas, loss, accuracy, variance) => {
    const G = betas.length;
    const spread = variance ? spreadFor(G) : null;
    if (!kernel || kernel.points < G) kernel = sweepKernel(net, data, first, G);
    const { exports: wasm, f64: a, at, rowsPerBlock } = kernel;
    if (order.length !== G) order = new Int32Array(G);
    order.forEach((_, g) => (order[g] = g));
    order.sort((x, y) => betas[x] - betas[y]);
    order.forEach((i, g) => (a.sorted[g] = betas[i]));
    for (let j = 0; j < H; j++) {
      a.pBias[j] = b0 >= 0 ? center[b0 + j] + alpha * d1[b0 + j] : 0;
      a.qBias[j] = b0 >= 0 ? d2[b0 + j] : 0;
      for (let k = 0; k < K; k++) {
        const w = w1 + k * H + j;
        a.U[j * K + k] = center[w] + alpha * d1[w];
        a.V[j * K + k] = d2[w];
      }
    }
    for (let k = 0; k < K; k++) {
      a.outBias[k] = b1 >= 0 ? center[b1 + k] + alpha * d1[b1 + k] : 0;
      a.outBias[K + k] = b1 >= 0 ? d2[b1 + k] : 0;
    }
    const decay = weightDecayCoefficients(net, center, d1, d2, alpha);
    a.sums.fill(0);
    for (let r0 = 0; r0 < n; r0 += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, n - r0);
      wasm.sweepBlock(r0, rows, alpha, G);
      if (spec.loss === 'softmax-ce') wasm.softmaxSums(at.logits, at.targets + 8 * r0 * K, rows, K, G, at.sums);
      else {
        for (let g = 0; g < G; g++) {
          const s = lossSumsOnLogits(spec, a.logits.subarray(g * rows * K, (g + 1) * rows * K), targets.subarray(r0 * K, (r0 + rows) * K), rows, null);
          a.sums[2 * g] += s.loss;
          a.sums[2 * g + 1] += s.correct;
        }
      }
      // The spread is in the sorted order of the block's logits.
      for (let g = 0; spread && g < G; g++) spread.add(g, a.logits.subarray(g * rows * K, (g + 1) * rows * K), targets.subarray(r0 * K, (r0 + rows) * K), rows);
    }
    if (spread && variance) {
      const sorted = new Float64Array(G);
      spread.variances(sorted);
      for (let g = 0; g < G; g++) variance[order[g]] = sorted[g];
    }
    for (let g = 0; g < G; g++) {
      const m = metricsOf(spec, { loss: a.sums[2 * g], correct: a.sums[2 * g + 1] }, n);
      const beta = a.sorted[g];
      loss[order[g]] = m.loss + decay[0] + beta * (decay[1] + beta * decay[2]);
      accuracy[order[g]] = m.accuracy;
    }
  };
}

type SweepKernel = ReturnType<typeof sweepKernel>;

/** A kernel instance for rows of up to `points` points, with the data and first-layer products copied in and every array bound. */
function sweepKernel(net: CompiledMlp, data: EvalData, first: FirstLayerProducts, points: number) {
  const { n } = data;
  const H = net.widths[0];
  const K = net.spec.outputs;
  const rowsPerBlock = Math.max(1, Math.floor(LOGITS_PER_BLOCK / (points * K)));
  const kernel = instantiateKernels(
    {
      base: n * H, along1: n * H, along2: n * H, targets: n * K, pBias: H, qBias: H, U: H * K, V: H * K, outBias: 2 * K,
      sorted: points, logits: points * rowsPerBlock * K, sums: 2 * points, P: H, Q: H, whole: 3 * K, running: 3 * K,
    },
    { bucket: H, upUnits: H, downUnits: H, upStart: points + 1, downStart: points + 1, upFill: points + 1, downFill: points + 1 },
  );
  const { f64: a, at, exports: wasm } = kernel;
  a.base.set(first.base);
  a.along1.set(first.along1);
  a.along2.set(first.along2);
  a.targets.set(data.targets);
  wasm.bindBreakpoint(H, K, SLOPE_OFF[net.spec.hidden[0].activation]!, at.base, at.along1, at.along2, at.pBias, at.qBias, at.U, at.V, at.outBias, at.sorted, at.logits);
  wasm.bindBreakpointScratch(at.P, at.Q, at.whole, at.running, at.bucket, at.upUnits, at.downUnits, at.upStart, at.downStart, at.upFill, at.downFill);
  return { ...kernel, points, rowsPerBlock };
}

/** The weight decay λ/2·‖w*+α·w₁ + β·w₂‖² over the weight tensors, as coefficients of 1, β and β². */
function weightDecayCoefficients(net: CompiledMlp, center: Float64Array, d1: Float64Array, d2: Float64Array, alpha: number): [number, number, number] {
  const half = net.spec.weightDecay / 2;
  if (!(half > 0)) return [0, 0, 0];
  let aa = 0;
  let ab = 0;
  let bb = 0;
  for (const e of net.weights) {
    for (let i = e.offset; i < e.offset + e.size; i++) {
      const a = center[i] + alpha * d1[i];
      aa += a * a;
      ab += a * d2[i];
      bb += d2[i] * d2[i];
    }
  }
  return [half * aa, 2 * half * ab, half * bb];
}
