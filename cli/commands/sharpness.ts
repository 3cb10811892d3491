/**
 * `losscape hessian --over-run`: λ_max (sharpness) and the Hessian index at the run's recorded
 * θ snapshots, as JSON (losscape.sharpness/1) or, for an --out ending in .csv, as CSV.
 */
import { sharpnessOverTraining, type LossFunction, type SharpnessSeries } from '../../engine/analysis/index.js';
import type { RunState } from '../../engine/landscape/surface.js';
import { CliError } from '../errors.js';
import { writeResult, writeOutput } from '../output.js';
import { progressBar } from '../progress.js';

export const SHARPNESS_FORMAT = 'losscape.sharpness/1';

export interface SharpnessCliOptions {
  method: 'auto' | 'full' | 'lanczos';
  bottom: number;
  points?: number;
  tol: number;
  lanczosSteps: number;
  zeroTol: number;
  seed: number;
  out?: string;
}

/** One row per snapshot: step, loss, ‖∇L‖, λ_max, λ_min, index, index_exact, hvps. */
export function sharpnessCsv(series: SharpnessSeries): string {
  const rows = series.points.map((p) => [p.step, p.loss, p.gradientNorm, p.lambdaMax, p.lambdaMin, p.index, p.indexExact ? 1 : 0, p.hvps].join(','));
  return ['step,loss,grad_norm,lambda_max,lambda_min,index,index_exact,hvps', ...rows].join('\n') + '\n';
}

/** Computes the series over `state`'s trajectory and writes it. */
export async function writeSharpness(loss: LossFunction, state: RunState, header: Record<string, unknown>, options: SharpnessCliOptions): Promise<void> {
  if (!state.trajectory || state.trajectory.params.length === 0) throw new CliError('this run file has no trajectory snapshots; train it again to record them');
  const bar = progressBar('snapshots');
  const started = performance.now();
  const series = sharpnessOverTraining(loss, state.trajectory, {
    method: options.method,
    bottom: options.bottom,
    points: options.points,
    lanczos: { tolerance: options.tol, maxSteps: options.lanczosSteps },
    classify: { zero: options.zeroTol },
    seed: options.seed,
    onProgress: (done, total) => bar.update(done, total, `${done}/${total}`),
  });
  bar.finish();
  if (options.out?.toLowerCase().endsWith('.csv')) return writeOutput(sharpnessCsv(series), options.out);
  const seconds = (performance.now() - started) / 1000;
  await writeResult({ format: SHARPNESS_FORMAT, ...header, ...series, timing: { seconds, hvps: series.points.reduce((s, p) => s + p.hvps, 0) } }, options.out);
}
