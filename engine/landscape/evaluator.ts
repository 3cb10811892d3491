// The tape-free evaluator for grids: loss and accuracy of θ = c + α·d₁ + β·d₂ on a whole
// split, with every buffer allocated once. The first layer uses the problem's structure:
// its pre-activations are X·W_cᵀ + α·X·D₁ᵀ + β·X·D₂ᵀ, three products computed once.
// Everything here must equal the autodiff path (engine/nn/objective.ts); tests compare.
import { BN_EPS, type MlpSpec, type NormMode, type ParamLayout, type LayoutEntry, residualBlocks, findEntry } from '../nn/index.js';
import { activateInPlace } from './activationKernels.js';

export interface EvalData {
  /** Inputs [n, spec.inputs]. */
  x: Float64Array;
  n: number;
  /** Targets in the loss's shape [n, spec.outputs] (one-hot, 0/1 or values), as targetsFor makes. */
  targets: Float64Array;
}

export interface Metrics {
  loss: number;
  /** NaN for regression. */
  accuracy: number;
}

/**
 * out[r, o] = Σ_i a[r, i]·w[o, i] + b[o]: rows of a against rows of w, both read
 * contiguously, four outputs at a time so each loaded input serves four sums.
 */
function linearInto(out: Float64Array, a: Float64Array, rows: number, inner: number, w: Float64Array, wOffset: number, outs: number, b: Float64Array, bOffset: number): void {
  const quads = outs - (outs % 4);
  for (let r = 0; r < rows; r++) {
    const ar = r * inner;
    const or = r * outs;
    for (let o = 0; o < quads; o += 4) {
      const w0 = wOffset + o * inner;
      const w1 = w0 + inner;
      const w2 = w1 + inner;
      const w3 = w2 + inner;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < inner; i++) {
        const x = a[ar + i];
        s0 += x * w[w0 + i];
        s1 += x * w[w1 + i];
        s2 += x * w[w2 + i];
        s3 += x * w[w3 + i];
      }
      out[or + o] = s0 + b[bOffset + o];
      out[or + o + 1] = s1 + b[bOffset + o + 1];
      out[or + o + 2] = s2 + b[bOffset + o + 2];
      out[or + o + 3] = s3 + b[bOffset + o + 3];
    }
    for (let o = quads; o < outs; o++) {
      const w0 = wOffset + o * inner;
      let s0 = 0;
      for (let i = 0; i < inner; i++) s0 += a[ar + i] * w[w0 + i];
      out[or + o] = s0 + b[bOffset + o];
    }
  }
}

/** γ·(h − μ)/√(σ² + ε) + β per unit, with the batch's (μ, σ²) or the running ones. */
function batchNormInPlace(h: Float64Array, n: number, m: number, theta: Float64Array, gamma: number, beta: number, running: { mean: Float64Array; variance: Float64Array } | null): void {
  for (let j = 0; j < m; j++) {
    let mu: number;
    let variance: number;
    if (running) {
      mu = running.mean[j];
      variance = running.variance[j];
    } else {
      mu = 0;
      for (let i = 0; i < n; i++) mu += h[i * m + j];
      mu /= n;
      variance = 0;
      for (let i = 0; i < n; i++) variance += (h[i * m + j] - mu) ** 2;
      variance /= n;
    }
    const scale = theta[gamma + j] / Math.sqrt(variance + BN_EPS);
    const shift = theta[beta + j];
    for (let i = 0; i < n; i++) h[i * m + j] = (h[i * m + j] - mu) * scale + shift;
  }
}

/** The loss's data term and the accuracy from logits [n, k]. */
function lossAndAccuracy(spec: MlpSpec, logits: Float64Array, targets: Float64Array, n: number): Metrics {
  const k = spec.outputs;
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const row = i * k;
    if (spec.loss === 'softmax-ce') {
      let max = -Infinity;
      let best = 0;
      for (let c = 0; c < k; c++) {
        if (logits[row + c] > max) max = logits[row + c];
        if (logits[row + c] > logits[row + best]) best = c;
      }
      let s = 0;
      for (let c = 0; c < k; c++) s += Math.exp(logits[row + c] - max);
      const lse = max + Math.log(s);
      for (let c = 0; c < k; c++) loss -= targets[row + c] * (logits[row + c] - lse);
      if (targets[row + best] === 1) correct++;
    } else if (spec.loss === 'bce') {
      for (let c = 0; c < k; c++) {
        const z = logits[row + c];
        const y = targets[row + c];
        loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
        if (z > 0 === y > 0.5) correct++;
      }
    } else {
      for (let c = 0; c < k; c++) loss += 0.5 * (logits[row + c] - targets[row + c]) ** 2;
    }
  }
  const perSample = spec.loss === 'bce' ? n * k : n;
  return { loss: loss / n / (perSample / n), accuracy: spec.loss === 'mse' ? NaN : correct / perSample };
}

export interface PlaneEvaluator {
  /** Metrics at θ = c + α·d₁ + β·d₂. */
  at(alpha: number, beta: number): Metrics;
}

/**
 * Compiles an evaluator of the plane through `center` spanned by d1 and d2 (d2 may be
 * null for a line). Batch norm uses the statistics of the whole split (`batch`) or the
 * running ones, as `mode` says.
 */
export function createPlaneEvaluator(
  spec: MlpSpec,
  layout: ParamLayout,
  data: EvalData,
  center: Float64Array,
  d1: Float64Array,
  d2: Float64Array | null,
  mode: NormMode,
): PlaneEvaluator {
  const n = data.n;
  const layers = spec.hidden.length;
  const P = layout.size;
  const offsetOf = (name: string) => findEntry(layout, name)?.offset ?? -1;
  const widths = [...spec.hidden.map((h) => h.width), spec.outputs];
  // Per layer, resolved once: weight, bias (−1: none) and batch-norm offsets into θ.
  const weightAt = widths.map((_, l) => offsetOf(`layers.${l}.weight`));
  const biasAt = widths.map((_, l) => offsetOf(`layers.${l}.bias`));
  const gammaAt = widths.map((_, l) => offsetOf(`layers.${l}.bn.weight`));
  const betaAt = widths.map((_, l) => offsetOf(`layers.${l}.bn.bias`));
  const zeros = new Float64Array(Math.max(...widths));
  const outputsOf = widths.map((w) => new Float64Array(n * w));
  const blockStart = new Map(residualBlocks(spec).map((b) => [b.last, b.first]));
  const theta = new Float64Array(P);
  const second = d2 ?? new Float64Array(P);
  const weightEntries: LayoutEntry[] = layout.entries.filter((e) => e.role === 'weight');

  // Layer 0's three products with the inputs, once.
  const h0 = widths[0];
  const project = (v: Float64Array) => {
    const out = new Float64Array(n * h0);
    linearInto(out, data.x, n, spec.inputs, v, weightAt[0], h0, zeros, 0);
    return out;
  };
  const base0 = project(center);
  const along1 = project(d1);
  const along2 = project(second);
  const running = (l: number) =>
    mode.kind === 'running' ? { mean: mode.buffers[`layers.${l}.bn.running_mean`], variance: mode.buffers[`layers.${l}.bn.running_var`] } : null;

  return {
    at(alpha, beta) {
      for (let i = 0; i < P; i++) theta[i] = center[i] + alpha * d1[i] + beta * second[i];
      const first = outputsOf[0];
      const b0 = biasAt[0];
      for (let r = 0; r < n; r++) {
        for (let o = 0, k = r * h0; o < h0; o++, k++) {
          first[k] = base0[k] + alpha * along1[k] + beta * along2[k] + (b0 >= 0 ? theta[b0 + o] : 0);
        }
      }
      for (let l = 0; l <= layers; l++) {
        const out = outputsOf[l];
        const m = widths[l];
        if (l > 0) {
          const b = biasAt[l];
          linearInto(out, outputsOf[l - 1], n, widths[l - 1], theta, weightAt[l], m, b >= 0 ? theta : zeros, Math.max(b, 0));
        }
        if (l === layers) break;
        const hidden = spec.hidden[l];
        if (hidden.batchNorm) batchNormInPlace(out, n, m, theta, gammaAt[l], betaAt[l], running(l));
        const start = blockStart.get(l);
        if (start !== undefined) {
          const skip = outputsOf[start - 1];
          for (let k = 0; k < out.length; k++) out[k] += skip[k];
        }
        activateInPlace(hidden.activation, out, out.length);
      }
      const metrics = lossAndAccuracy(spec, outputsOf[layers], data.targets, n);
      if (spec.weightDecay > 0) {
        let sq = 0;
        for (const e of weightEntries) for (let i = e.offset; i < e.offset + e.size; i++) sq += theta[i] * theta[i];
        metrics.loss += (spec.weightDecay / 2) * sq;
      }
      return metrics;
    },
  };
}
