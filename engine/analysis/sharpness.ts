// Sharpness along a training run: at each recorded θ snapshot, λ_max (the top Hessian eigenvalue)
// and the Hessian index (negative eigenvalues beyond the near-zero band), so a user can watch the
// optimizer pass near saddles (the index drops to 0) and the curvature grow or settle.
import { ValueError } from '../errors.js';
import type { ClassifyTolerances } from './classify.js';
import type { LossFunction } from './lossFunction.js';
import { hessianSpectrum } from './spectrum.js';

export interface SharpnessOptions {
  /** 'full' (every eigenvalue, exact index), 'lanczos' (the extremes), or 'auto' (default): as hessianSpectrum. */
  method?: 'auto' | 'full' | 'lanczos';
  /** Lanczos: how many of the smallest eigenvalues to find; the index counts the negative ones among them. Default 10. */
  bottom?: number;
  /** At most this many snapshots, evenly spaced, first and last included; default all. */
  points?: number;
  /** Lanczos: residual tolerance relative to ‖H‖ (default 1e-10) and most steps (default min(P, 300)). */
  lanczos?: { tolerance?: number; maxSteps?: number };
  classify?: ClassifyTolerances;
  /** Seeds Lanczos; default 0. */
  seed?: number;
  /** After each snapshot, (done, total); may throw to cancel. */
  onProgress?: (done: number, total: number) => void;
}

/** The Hessian at one snapshot of the run. */
export interface SharpnessPoint {
  /** The training step the snapshot was taken at. */
  step: number;
  loss: number;
  gradientNorm: number;
  /** λ_max, the sharpness. */
  lambdaMax: number;
  /** The smallest eigenvalue found. */
  lambdaMin: number;
  /** Negative eigenvalues beyond the near-zero band; a lower bound where `indexExact` is false. */
  index: number;
  /** False when Lanczos found only negative eigenvalues among its `bottom` smallest (there may be more). */
  indexExact: boolean;
  hvps: number;
}

export interface SharpnessSeries {
  method: 'full' | 'lanczos';
  size: number;
  points: SharpnessPoint[];
}

/** Indices of at most `points` snapshots out of `count`, evenly spaced, first and last included. */
export function evenlySpaced(count: number, points: number): number[] {
  if (points >= count) return Array.from({ length: count }, (_, i) => i);
  if (points === 1) return [count - 1];
  return [...new Set(Array.from({ length: points }, (_, k) => Math.round((k * (count - 1)) / (points - 1))))];
}

/** λ_max and the Hessian index of `loss` at each snapshot θ_t of a trajectory (steps[i] ↔ params[i]). */
export function sharpnessOverTraining(loss: LossFunction, trajectory: { steps: number[]; params: Float64Array[] }, options: SharpnessOptions = {}): SharpnessSeries {
  const { steps, params } = trajectory;
  if (params.length === 0 || steps.length !== params.length) {
    throw new ValueError(`the run has no trajectory to follow (${params.length} snapshots, ${steps.length} steps); train it with snapshots first.`);
  }
  const points = options.points ?? params.length;
  if (!Number.isInteger(points) || points < 1) throw new ValueError(`points must be a whole number ≥ 1 (got ${points}).`);
  const bottom = options.bottom ?? 10;
  const picked = evenlySpaced(params.length, points);
  let method: SharpnessSeries['method'] = 'full';
  const series = picked.map((i, done) => {
    const report = hessianSpectrum(loss, params[i], {
      method: options.method,
      top: 1,
      bottom,
      lanczos: options.lanczos,
      trace: false,
      classify: options.classify,
      seed: options.seed,
    });
    method = report.method;
    const c = report.classification;
    options.onProgress?.(done + 1, picked.length);
    return {
      step: steps[i],
      loss: report.loss,
      gradientNorm: report.gradientNorm,
      lambdaMax: report.top[0],
      lambdaMin: report.bottom[0],
      index: c.index,
      indexExact: !c.label.includes('≥'),
      hvps: report.hvps,
    };
  });
  return { method, size: loss.size, points: series };
}
