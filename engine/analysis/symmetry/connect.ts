// Three paths between two optima θ_a and θ_b, for one plot: the straight line, the straight
// line to θ_b after weight matching (θ_b's units permuted to line up with θ_a's), and a
// trained quadratic Bezier curve between the original endpoints (mode connectivity).
import type { EvalData } from '../../landscape/evaluator.js';
import type { MlpSpec } from '../../nn/index.js';
import { fitBezierCurve, type BezierOptions } from './bezier.js';
import type { NetworkState } from './network.js';
import { linearPath, type PathProfile } from './paths.js';
import { weightMatching } from './weightMatching.js';

/** What connectOptima is doing: the line, weight matching (and its line), the curve's steps. */
export type ConnectStage = 'linear' | 'align' | 'curve';

export interface ConnectOptions {
  /** Points along each path (default 25). */
  points?: number;
  /** Seed of weight matching's group order and of the curve's t draws (default 0). */
  seed?: number;
  /** Adam steps and learning rate of the curve's control point. */
  curve?: Pick<BezierOptions, 'steps' | 'lr' | 'batchSize'>;
  /** Called as each stage goes: done of total (the curve's steps; 0 of 1 then 1 of 1 otherwise). */
  onProgress?: (stage: ConnectStage, done: number, total: number) => void;
}

export interface Connection {
  /** θ_a → θ_b. */
  linear: PathProfile;
  /** θ_a → π(θ_b), π from weight matching. */
  aligned: PathProfile;
  /** The trained Bezier curve θ_a → θ_b. */
  curve: PathProfile;
  /** π(θ_b) and its buffers. */
  alignedState: NetworkState;
  /** The curve's trained control point θ_c. */
  control: Float64Array;
  matching: { sweeps: number; converged: boolean; permutations: { layers: number[]; permutation: number[] }[] };
}

/** The loss along the straight line, the aligned straight line and a trained Bezier curve from θ_a to θ_b. */
export function connectOptima(spec: MlpSpec, a: NetworkState, b: NetworkState, data: EvalData, options: ConnectOptions = {}): Connection {
  const { points = 25, seed = 0, onProgress } = options;
  onProgress?.('linear', 0, 1);
  const linear = linearPath(spec, a.theta, b.theta, data, points);
  onProgress?.('align', 0, 1);
  const matching = weightMatching(spec, a, b, { seed });
  const aligned = linearPath(spec, a.theta, matching.state.theta, data, points);
  const curve = fitBezierCurve(spec, a.theta, b.theta, data, {
    ...options.curve,
    seed,
    points,
    onStep: onProgress && ((step, steps) => onProgress('curve', step, steps)),
  });
  return {
    linear,
    aligned,
    curve: curve.profile,
    alignedState: matching.state,
    control: curve.control,
    matching: { sweeps: matching.sweeps, converged: matching.converged, permutations: matching.permutations },
  };
}
