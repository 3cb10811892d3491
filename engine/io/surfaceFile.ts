// The surface file (losscape.surface/1): centre, directions, axes and metric arrays, so
// anyone can recompute any value: values.loss[i][j] = L(center + alpha[i]·d₁ + beta[j]·d₂).
import { LosscapeError, shown } from '../errors.js';
import type { DataSpec } from '../data/index.js';
import type { DirectionInfo, TrajectoryPoint } from '../landscape/surface.js';
import type { ScanPlan } from '../landscape/plan.js';
import type { SampleSubset } from '../landscape/samples.js';
import { buildLayout, type MlpSpec } from '../nn/index.js';
import { checkDataSpec, checkModel } from './recipeSchema.js';
import { parseFile, schema, type FileInput, type Schema } from './schema.js';

export const SURFACE_FORMAT = 'losscape.surface/1';

export interface SurfaceFile {
  format: typeof SURFACE_FORMAT;
  run?: { spec: MlpSpec; data: DataSpec; seed: number };
  layout: { name: string; shape: number[]; offset: number; role: string }[];
  center: number[];
  directions: [number[], number[]];
  normalization: string;
  ignore?: string;
  explainedVarianceRatio?: number[];
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  /** 'float32' when the values come from the float32 mode (dense products in float32); absent for float64. */
  precision?: 'float32';
  /** Set when the values come from a seeded subset of n of the split's `of` samples (a preview); absent for the whole split. */
  samples?: SampleSubset;
  alpha: number[];
  beta: number[];
  /** lossStdError: the standard error of each mean loss, with samples only. */
  values: { loss: number[][]; accuracy?: number[][]; lossStdError?: number[][] };
  trajectory?: TrajectoryPoint[];
  timing: { seconds: number; workers: number; points: number };
}

export class SurfaceFileError extends LosscapeError {}

function rows(values: Float64Array, n: number, m: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * m, (i + 1) * m)));
}

/** Assembles a surface file from a finished scan. */
export function surfaceFileOf(args: {
  plan: ScanPlan;
  info: DirectionInfo;
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  values: { loss: Float64Array; accuracy: Float64Array; lossStdError?: Float64Array };
  trajectory?: TrajectoryPoint[];
  run?: SurfaceFile['run'];
  timing: SurfaceFile['timing'];
}): SurfaceFile {
  const { plan, info } = args;
  const n = plan.alpha.length;
  const m = plan.beta.length;
  const withAccuracy = plan.spec.loss !== 'mse';
  const stdError = plan.samples && args.values.lossStdError;
  return {
    format: SURFACE_FORMAT,
    ...(args.run ? { run: args.run } : {}),
    layout: buildLayout(plan.spec).entries.map(({ name, shape, offset, role }) => ({ name, shape, offset, role })),
    center: Array.from(plan.center),
    directions: [Array.from(plan.d1), Array.from(plan.d2 ?? [])],
    normalization: info.normalization,
    ...(info.ignore ? { ignore: info.ignore } : {}),
    ...(info.explainedVarianceRatio ? { explainedVarianceRatio: info.explainedVarianceRatio } : {}),
    split: args.split,
    norm: args.norm,
    ...(plan.precision === 'float32' ? { precision: 'float32' as const } : {}),
    ...(plan.samples ? { samples: { ...plan.samples } } : {}),
    alpha: Array.from(plan.alpha),
    beta: Array.from(plan.beta),
    values: {
      loss: rows(args.values.loss, n, m),
      ...(withAccuracy ? { accuracy: rows(args.values.accuracy, n, m) } : {}),
      ...(stdError ? { lossStdError: rows(stdError, n, m) } : {}),
    },
    ...(args.trajectory ? { trajectory: args.trajectory } : {}),
    timing: args.timing,
  };
}

/** Parses and checks a surface file (JSON text or the binary form). */
export function readSurfaceFile(input: FileInput): SurfaceFile {
  return surfaceFileFrom(parseFile(input, 'this is not a surface file', (m) => new SurfaceFileError(m)));
}

/** Checks a surface file's parsed JSON (as `readSurfaceFile` does, e.g. a surface inside a project). */
export function surfaceFileFrom(json: unknown): SurfaceFile {
  const file = json as Partial<SurfaceFile> | null;
  if (file?.format !== SURFACE_FORMAT) {
    throw new SurfaceFileError(`this is not a ${SURFACE_FORMAT} file (format: ${shown(file?.format)})`);
  }
  return checkSurfaceValues(file);
}

/**
 * Checks a surface's fields (parsed from a file, or a reader's result) and returns exactly
 * them. A null value is a point whose loss was not finite (diverged): the writer keeps it
 * as JSON writes NaN and the viewers leave a hole there; a surface with no value at all has
 * nothing to draw and is refused. `rows` is how many α rows the values hold (a shard's part
 * holds only its block; default all).
 */
export function checkSurfaceValues(value: unknown, s = schema('the surface file', (m) => new SurfaceFileError(m)), rows?: number): SurfaceFile {
  const file = s.object(value, 'the file');
  const alpha = s.axis(file.alpha, 'alpha');
  const beta = s.axis(file.beta, 'beta');
  const values = s.object(file.values, 'values');
  // A part may leave a metric out (losscape surface --metrics): its rows are then [].
  const rowsOf = (metric: unknown) => (rows !== undefined && Array.isArray(metric) && metric.length === 0 ? 0 : (rows ?? alpha.length));
  const loss = s.grid(values.loss, 'values.loss', rowsOf(values.loss), beta.length);
  if (loss.length > 0 && loss.every((row) => row.every((v) => v === null))) throw s.fail(`${s.field('values.loss')} holds no value (every point is null): there is nothing to show`);
  const accuracy = values.accuracy === undefined ? {} : { accuracy: s.grid(values.accuracy, 'values.accuracy', rowsOf(values.accuracy), beta.length) };
  const samples = file.samples === undefined ? undefined : checkSamples(s, file.samples);
  const lossStdError = checkStdErrors(s, values.lossStdError, samples, (v) => s.grid(v, 'values.lossStdError', rowsOf(values.lossStdError), beta.length).flat());
  const center = s.numbers(file.center, 'center');
  const directions = s.list(file.directions, 'directions', 2).map((d, k) => s.numbers(d, `directions[${k}]`)) as [number[], number[]];
  const timing = s.object(file.timing, 'timing');
  // The keys in the order surfaceFileOf writes them, so a file read and written again is the same text.
  return {
    format: SURFACE_FORMAT,
    ...(file.run === undefined ? {} : { run: checkRun(s, file.run) }),
    layout: s.json(s.list(file.layout, 'layout'), 'layout') as SurfaceFile['layout'],
    center,
    directions,
    normalization: s.string(file.normalization, 'normalization'),
    ...(file.ignore === undefined ? {} : { ignore: s.string(file.ignore, 'ignore') }),
    ...(file.explainedVarianceRatio === undefined ? {} : { explainedVarianceRatio: s.numbers(file.explainedVarianceRatio, 'explainedVarianceRatio') }),
    split: s.oneOf(file.split, 'split', ['train', 'test'] as const),
    norm: s.oneOf(file.norm, 'norm', ['batch', 'running'] as const),
    ...(file.precision === undefined ? {} : { precision: s.oneOf(file.precision, 'precision', ['float32'] as const) }),
    ...(samples ? { samples } : {}),
    alpha,
    beta,
    values: { loss: loss as number[][], ...(accuracy as { accuracy?: number[][] }), ...(lossStdError ? { lossStdError: values.lossStdError as number[][] } : {}) },
    ...(file.trajectory === undefined ? {} : { trajectory: checkTrajectory(s, file.trajectory) }),
    timing: { seconds: s.number(timing.seconds, 'timing.seconds', { min: 0 }), workers: s.number(timing.workers, 'timing.workers', { whole: true, min: 0 }), points: s.number(timing.points, 'timing.points', { whole: true, min: 0 }) },
  };
}

/** A file's `samples`: n of `of` samples (2 ≤ n ≤ of), drawn with a whole-number seed. */
export function checkSamples(s: Schema, value: unknown): SampleSubset {
  const samples = s.object(value, 'samples');
  const of = s.number(samples.of, 'samples.of', { whole: true, min: 2 });
  const n = s.number(samples.n, 'samples.n', { whole: true, min: 2 });
  if (n > of) throw s.fail(`${s.field('samples.n')} (${n}) must not exceed ${s.field('samples.of')} (${of}), the split's size`);
  return { n, of, seed: s.number(samples.seed, 'samples.seed', { whole: true }) };
}

/**
 * Checks `values.lossStdError` (by `entries`, which checks its shape and returns its numbers):
 * present exactly when the file scanned a subset, and never negative (null where the loss diverged).
 */
export function checkStdErrors(s: Schema, value: unknown, samples: SampleSubset | undefined, entries: (value: unknown) => (number | null)[]): boolean {
  if (value === undefined) {
    if (samples) throw s.fail(`${s.field('values.lossStdError')} is missing: a file computed on a subset of samples holds each loss's standard error`);
    return false;
  }
  if (!samples) throw s.fail(`${s.field('values.lossStdError')} needs "samples" (the subset it was computed on): remove it, or add samples: { n, of, seed }`);
  const k = entries(value).findIndex((v) => v !== null && v < 0);
  if (k >= 0) throw s.fail(`${s.field('values.lossStdError')} must not be negative (entry ${k} in row order is)`);
  return true;
}

function checkRun(s: Schema, value: unknown): NonNullable<SurfaceFile['run']> {
  const run = s.object(value, 'run');
  return { spec: checkModel(s, run.spec, 'run.spec'), data: checkDataSpec(s, run.data, 'run.data'), seed: s.number(run.seed, 'run.seed', { whole: true }) };
}

/** The path's points: finite coordinates on the plane; its losses may be null where they diverged. */
function checkTrajectory(s: Schema, value: unknown): TrajectoryPoint[] {
  return s.list(value, 'trajectory').map((point, k) => {
    const p = s.object(point, `trajectory[${k}]`);
    const at = (key: keyof TrajectoryPoint, nullable: boolean) => (nullable && p[key] === null ? (null as unknown as number) : s.number(p[key], `trajectory[${k}].${key}`));
    return { step: s.number(p.step, `trajectory[${k}].step`, { whole: true, min: 0 }), alpha: at('alpha', false), beta: at('beta', false), loss: at('loss', true), planeLoss: at('planeLoss', true), distance: at('distance', true) };
  });
}
