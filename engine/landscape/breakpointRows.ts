// Whole grid rows of a one-hidden-layer network whose units are piecewise linear (ReLU,
// leaky ReLU, identity) and not batch-normalized, exactly and without a forward pass per
// point. Along a row (α fixed) a unit's pre-activation is z(β) = P + β·Q, so it switches on
// or off at most once, at β = −P/Q; while its state holds, its share of the logits is
// slope·(P + β·Q)·(U + β·V): a quadratic in β. Each unit's three coefficient vectors are
// added once per sample and row — to a constant part, or at the grid point where it switches
// on (swept upwards) or the last where it is on (swept downwards), so only additions meet and
// nothing cancels — and each point's logits are the coefficients evaluated at β. That costs
// O(units·outputs) per sample and row plus O(outputs) per point, where a forward pass costs
// O(units·outputs) per point.
import { LEAKY_SLOPE, type Activation } from '../nn/index.js';
import { lossSumsOnLogits, metricsOf } from '../nn/fast/loss.js';
import type { CompiledMlp } from '../nn/fast/network.js';
import type { EvalData, RowEvaluator } from './evaluator.js';

/** The slope of a supported unit where it is off (it is 1 where on). */
const SLOPE_OFF: Partial<Record<Activation, number>> = { relu: 0, 'leaky-relu': LEAKY_SLOPE, identity: 1 };
/** Samples whose logits at every point of a row are kept at once. */
const BLOCK = 64;
const NONE = -1;

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

/** The row evaluator of the plane c + α·d₁ + β·d₂; the network must pass hasBreakpointRows. */
export function breakpointRows(net: CompiledMlp, data: EvalData, first: FirstLayerProducts, center: Float64Array, d1: Float64Array, d2: Float64Array): RowEvaluator {
  const { spec } = net;
  const { n, targets } = data;
  const H = net.widths[0];
  const K = spec.outputs;
  const K3 = 3 * K;
  const slope = SLOPE_OFF[spec.hidden[0].activation]!;
  const [b0, w1, b1] = [net.biasAt[0], net.weightAt[1], net.biasAt[1]];
  const P = new Float64Array(H);
  const Q = new Float64Array(H);
  const U = new Float64Array(H * K); // output weights at (α, 0), transposed to [unit, output]
  const V = new Float64Array(H * K); // their change per unit of β, likewise
  const bias = new Float64Array(2 * K); // output bias at (α, 0) and its change per β: c₀ and c₁ of [c₀ | c₁ | c₂], logits = c₀ + β·c₁ + β²·c₂
  let order = new Int32Array(0);
  let sorted = new Float64Array(0);
  let logits = new Float64Array(0);
  let upStart = new Int32Array(0); // bucket g of the up sweep: upUnits[upStart[g] … upStart[g+1])
  let downStart = new Int32Array(0);
  let upFill = new Int32Array(0);
  let downFill = new Int32Array(0);
  const upUnits = new Int32Array(H);
  const downUnits = new Int32Array(H);
  const bucket = new Int32Array(H); // g for up, G + g for down, NONE otherwise
  const whole = new Float64Array(K3);
  const running = new Float64Array(K3);

  /** Adds (p + βq)·(U_j + βV_j) to the coefficients `to`. */
  const addUnit = (to: Float64Array, j: number, p: number, q: number) => {
    for (let k = 0, u = j * K; k < K; k++, u++) {
      to[k] += p * U[u];
      to[K + k] += q * U[u] + p * V[u];
      to[2 * K + k] += q * V[u];
    }
  };
  return (alpha, betas, loss, accuracy) => {
    const G = betas.length;
    if (order.length !== G) {
      order = new Int32Array(G);
      sorted = new Float64Array(G);
      upStart = new Int32Array(G + 1);
      downStart = new Int32Array(G + 1);
      upFill = new Int32Array(G + 1);
      downFill = new Int32Array(G + 1);
      logits = new Float64Array(G * BLOCK * K);
    }
    order.forEach((_, g) => (order[g] = g));
    order.sort((a, b) => betas[a] - betas[b]);
    order.forEach((i, g) => (sorted[g] = betas[i]));
    for (let j = 0; j < H; j++) {
      for (let k = 0; k < K; k++) {
        const w = w1 + k * H + j;
        U[j * K + k] = center[w] + alpha * d1[w];
        V[j * K + k] = d2[w];
      }
    }
    for (let k = 0; k < K; k++) {
      bias[k] = b1 >= 0 ? center[b1 + k] + alpha * d1[b1 + k] : 0;
      bias[K + k] = b1 >= 0 ? d2[b1 + k] : 0;
    }
    const decay = weightDecayCoefficients(net, center, d1, d2, alpha);
    const sums = Array.from({ length: G }, () => ({ loss: 0, correct: 0 }));
    for (let r0 = 0; r0 < n; r0 += BLOCK) {
      const rows = Math.min(BLOCK, n - r0);
      for (let b = 0; b < rows; b++) {
        const r = r0 + b;
        for (let j = 0, at = r * H; j < H; j++, at++) {
          P[j] = first.base[at] + alpha * first.along1[at] + (b0 >= 0 ? center[b0 + j] + alpha * d1[b0 + j] : 0);
          Q[j] = first.along2[at] + (b0 >= 0 ? d2[b0 + j] : 0);
        }
        sweepSample(b, rows, G);
      }
      for (let g = 0; g < G; g++) {
        const s = lossSumsOnLogits(spec, logits.subarray(g * rows * K, (g + 1) * rows * K), targets.subarray(r0 * K, (r0 + rows) * K), rows, null);
        sums[g].loss += s.loss;
        sums[g].correct += s.correct;
      }
    }
    for (let g = 0; g < G; g++) {
      const m = metricsOf(spec, sums[g], n);
      const beta = sorted[g];
      loss[order[g]] = m.loss + decay[0] + beta * (decay[1] + beta * decay[2]);
      accuracy[order[g]] = m.accuracy;
    }
  };

  /**
   * The logits of one sample (P, Q filled) at every β of the row, into logits[:, b, :]. Each
   * unit goes to `whole` (on along the whole row, with the bias and every unit's off-slope
   * share) or to the bucket of the point where it switches on (sweeping up) or the last point
   * where it is on (sweeping down); a sweep adds its buckets to a running sum as it passes them.
   */
  function sweepSample(b: number, rows: number, G: number): void {
    whole.fill(0);
    whole.set(bias);
    upStart.fill(0);
    downStart.fill(0);
    const on = 1 - slope;
    const spacing = G > 1 ? (sorted[G - 1] - sorted[0]) / (G - 1) : 1;
    /** The first index whose β is > t (`strict`) or ≥ t, G if none: guessed as on an even grid, then walked to. */
    const firstIndex = (t: number, strict: boolean): number => {
      let g = Math.min(G, Math.max(0, Math.ceil((t - sorted[0]) / spacing)));
      while (g > 0 && (sorted[g - 1] > t || (!strict && sorted[g - 1] === t))) g--;
      while (g < G && !(sorted[g] > t || (!strict && sorted[g] === t))) g++;
      return g;
    };
    for (let j = 0; j < H; j++) {
      const p = P[j];
      const q = Q[j];
      bucket[j] = NONE;
      if (Number.isNaN(p) || Number.isNaN(q)) {
        whole[0] = NaN; // a NaN unit poisons the sample, as in a forward pass
        continue;
      }
      if (slope !== 0) addUnit(whole, j, slope * p, slope * q);
      if (on === 0) continue;
      if (q > 0) {
        const g = firstIndex(-p / q, true);
        if (g === 0) addUnit(whole, j, on * p, on * q);
        else if (g < G) {
          bucket[j] = g;
          upStart[g + 1]++;
        }
      } else if (q < 0) {
        const g = firstIndex(-p / q, false) - 1;
        if (g === G - 1) addUnit(whole, j, on * p, on * q);
        else if (g >= 0) {
          bucket[j] = G + g;
          downStart[g + 1]++;
        }
      } else if (p > 0) addUnit(whole, j, on * p, on * q);
    }
    for (let g = 0; g < G; g++) {
      upStart[g + 1] += upStart[g];
      downStart[g + 1] += downStart[g];
    }
    upFill.set(upStart);
    downFill.set(downStart);
    for (let j = 0; j < H; j++) {
      const g = bucket[j];
      if (g === NONE) continue;
      if (g < G) upUnits[upFill[g]++] = j;
      else downUnits[downFill[g - G]++] = j;
    }
    running.fill(0);
    for (let g = G - 1; g >= 0; g--) {
      for (let u = downStart[g]; u < downStart[g + 1]; u++) addUnit(running, downUnits[u], on * P[downUnits[u]], on * Q[downUnits[u]]);
      evaluate(running, g, b, rows, false);
    }
    running.set(whole);
    for (let g = 0; g < G; g++) {
      for (let u = upStart[g]; u < upStart[g + 1]; u++) addUnit(running, upUnits[u], on * P[upUnits[u]], on * Q[upUnits[u]]);
      evaluate(running, g, b, rows, true);
    }
  }

  /** Writes (or adds) the coefficients evaluated at β_g to logits[g, b, :]. */
  function evaluate(c: Float64Array, g: number, b: number, rows: number, add: boolean): void {
    const beta = sorted[g];
    for (let k = 0, o = (g * rows + b) * K; k < K; k++, o++) {
      const v = c[k] + beta * (c[K + k] + beta * c[2 * K + k]);
      logits[o] = add ? logits[o] + v : v;
    }
  }
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
