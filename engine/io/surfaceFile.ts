// The surface file (losscape.surface/1): centre, directions, axes and metric arrays, so
// anyone can recompute any value: values.loss[i][j] = L(center + alpha[i]·d₁ + beta[j]·d₂).
import { LosscapeError } from '../errors.js';
import type { DataSpec } from '../data/index.js';
import type { DirectionInfo, TrajectoryPoint } from '../landscape/surface.js';
import type { ScanPlan } from '../landscape/plan.js';
import { buildLayout, type MlpSpec } from '../nn/index.js';

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
  alpha: number[];
  beta: number[];
  values: { loss: number[][]; accuracy?: number[][] };
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
  values: { loss: Float64Array; accuracy: Float64Array };
  trajectory?: TrajectoryPoint[];
  run?: SurfaceFile['run'];
  timing: SurfaceFile['timing'];
}): SurfaceFile {
  const { plan, info } = args;
  const n = plan.alpha.length;
  const m = plan.beta.length;
  const withAccuracy = plan.spec.loss !== 'mse';
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
    alpha: Array.from(plan.alpha),
    beta: Array.from(plan.beta),
    values: { loss: rows(args.values.loss, n, m), ...(withAccuracy ? { accuracy: rows(args.values.accuracy, n, m) } : {}) },
    ...(args.trajectory ? { trajectory: args.trajectory } : {}),
    timing: args.timing,
  };
}

/** Parses and checks a surface file. */
export function readSurfaceFile(text: string): SurfaceFile {
  let file: Partial<SurfaceFile>;
  try {
    file = JSON.parse(text);
  } catch (e) {
    throw new SurfaceFileError(`this is not a surface file: the JSON does not parse (${(e as Error).message})`);
  }
  if (file?.format !== SURFACE_FORMAT) {
    throw new SurfaceFileError(`this is not a ${SURFACE_FORMAT} file (format: ${JSON.stringify(file?.format)})`);
  }
  const { alpha, beta, values } = file;
  if (!Array.isArray(alpha) || !Array.isArray(beta) || !values || !Array.isArray(values.loss)) {
    throw new SurfaceFileError('the surface file is incomplete: it needs alpha, beta and values.loss');
  }
  if (values.loss.length !== alpha.length || values.loss.some((r) => !Array.isArray(r) || r.length !== beta.length)) {
    throw new SurfaceFileError(`values.loss must be ${alpha.length}×${beta.length}, one row per α`);
  }
  checkSurfaceValues(file as SurfaceFile);
  return file as SurfaceFile;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Checks what a viewer or a figure needs beyond the shape: increasing axes, numeric values (or null), a readable path. */
export function checkSurfaceValues(file: SurfaceFile): void {
  for (const name of ['alpha', 'beta'] as const) {
    const axis = file[name];
    if (axis.length < 2 || !axis.every(finite) || axis.some((v, k) => k > 0 && !(v > axis[k - 1]))) {
      throw new SurfaceFileError(`the surface file’s ${name} must be at least 2 increasing numbers`);
    }
  }
  for (const [metric, rows] of Object.entries(file.values)) {
    if (rows !== undefined && (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row) || row.some((v) => v !== null && typeof v !== 'number')))) {
      throw new SurfaceFileError(`the surface file’s values.${metric} must be rows of numbers`);
    }
  }
  if (file.trajectory !== undefined && (!Array.isArray(file.trajectory) || !file.trajectory.every((p) => finite(p?.alpha) && finite(p?.beta)))) {
    throw new SurfaceFileError('the surface file’s trajectory must be a list of points with finite alpha and beta');
  }
}
