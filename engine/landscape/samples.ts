// Scans on a seeded subset of a split's samples, for a quick preview: which rows, the subset's
// data, the spread of the per-sample losses at a point, and the standard error of its mean.
import { ValueError } from '../errors.js';
import { lossSumsOnLogits } from '../nn/fast/loss.js';
import type { MlpSpec } from '../nn/index.js';
import { createRng } from '../random.js';
import type { EvalData } from './evaluator.js';

/** The request: n distinct samples of the split, drawn with `seed`. */
export interface SampleChoice {
  n: number;
  seed: number;
}

/** What a plan (and its file) records of a subset: n samples of the split's `of`, drawn with `seed`. */
export interface SampleSubset extends SampleChoice {
  of: number;
}

/**
 * The rows of an n-sample subset of N, in increasing order: a partial Fisher–Yates shuffle
 * of the stream (seed, "samples"), so the subset depends only on (n, N, seed), never on how
 * the grid is split between workers; n = N gives every row in order.
 */
export function sampleRows(total: number, { n, seed }: SampleChoice): Int32Array {
  if (!Number.isSafeInteger(n) || n < 2 || n > total) {
    throw new ValueError(`the number of samples must be a whole number from 2 to ${total} (the split's size), got ${n}`);
  }
  if (!Number.isSafeInteger(seed)) throw new ValueError(`the sample seed must be a whole number, got ${seed}`);
  const rng = createRng(seed, 'samples');
  const order = Int32Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + rng.int(total - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.subarray(0, n).sort();
}

/**
 * The data of the subset `choice` of `data` (inputs [n, inputs], targets [n, outputs]), and
 * what the plan records. Everything the plan computes then uses the subset: batch norm with
 * batch statistics normalizes with the subset's own, as a minibatch would, and the projected
 * path's losses are the subset's too.
 */
export function subsetData(data: EvalData, spec: Pick<MlpSpec, 'inputs' | 'outputs'>, choice: SampleChoice): { data: EvalData; samples: SampleSubset } {
  const rows = sampleRows(data.n, choice);
  const pick = (from: Float64Array, width: number) => {
    const out = new Float64Array(rows.length * width);
    rows.forEach((r, k) => out.set(from.subarray(r * width, (r + 1) * width), k * width));
    return out;
  };
  return { data: { x: pick(data.x, spec.inputs), n: rows.length, targets: pick(data.targets, spec.outputs) }, samples: { n: choice.n, of: data.n, seed: choice.seed } };
}

/**
 * The sample variances of the per-sample losses at the points of a row, added up block by
 * block of samples: each block two-pass, blocks merged by Chan et al.'s rule, so nothing
 * cancels as Σℓ² − (Σℓ)²/n would. A sample's loss is its data term (for BCE the mean over
 * its outputs); weight decay adds the same to every sample and leaves the spread alone.
 */
export function lossSpread(spec: MlpSpec, capacity: number) {
  const perSample = new Float64Array(capacity);
  let count = new Float64Array(0);
  let mean = new Float64Array(0);
  let m2 = new Float64Array(0);
  const scale = spec.loss === 'bce' ? 1 / spec.outputs : 1;
  return {
    /** Starts a row of `points` points. */
    reset(points: number): void {
      if (count.length !== points) [count, mean, m2] = [new Float64Array(points), new Float64Array(points), new Float64Array(points)];
      count.fill(0);
      mean.fill(0);
      m2.fill(0);
    },
    /** Adds the samples whose logits [rows, k] and targets are given to point g. */
    add(g: number, logits: Float64Array, targets: Float64Array, rows: number): void {
      lossSumsOnLogits(spec, logits, targets, rows, null, perSample);
      let sum = 0;
      for (let i = 0; i < rows; i++) sum += perSample[i] * scale;
      const blockMean = sum / rows;
      let sq = 0;
      for (let i = 0; i < rows; i++) sq += (perSample[i] * scale - blockMean) ** 2;
      const total = count[g] + rows;
      const delta = blockMean - mean[g];
      m2[g] += sq + (delta * delta * count[g] * rows) / total;
      mean[g] += (delta * rows) / total;
      count[g] = total;
    },
    /** Writes the sample variance (divisor n − 1) at every point of the row into `out`. */
    variances(out: Float64Array): void {
      for (let g = 0; g < out.length; g++) out[g] = m2[g] / (count[g] - 1);
    },
  };
}

export type LossSpread = ReturnType<typeof lossSpread>;

/**
 * The standard error of a subset's mean loss from the sample variance s² of its per-sample
 * losses: √((1 − n/N)·s²/n). The finite-population correction applies because the subset is
 * drawn without replacement from the N samples of the split, and what it estimates is their
 * mean (the full-set value): with n = N the mean is exact and its error 0.
 */
export function standardErrors(variances: Float64Array, { n, of }: SampleSubset): Float64Array {
  const factor = (1 - n / of) / n;
  return variances.map((v) => Math.sqrt(Math.max(0, v) * factor));
}
