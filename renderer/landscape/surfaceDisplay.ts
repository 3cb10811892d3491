// What the views draw of a surface job: the grid of the chosen metric, its plotted range,
// the transform to plotted units, and the labels.
import type { Metric } from '../state/project.js';
import type { SurfaceJob } from '../session/types.js';
import { isLogScale, metricLabel, plottedRange, transformFor, valueAt, type GridValues, type Transform } from './display.js';

export interface SurfaceDisplay {
  grid: GridValues;
  transform: Transform;
  log: boolean;
  /** Plotted range of the known values; null until a value is known. */
  range: { min: number; max: number } | null;
  label: string;
  metric: Metric;
  /** The loss's standard errors on the same grid, for a loss surface computed on a subset of the samples. */
  stdError?: GridValues;
}

const transforms = {
  linear: transformFor('loss', false),
  log: transformFor('loss', true),
};

/** The display of `job`'s `metric` (log scale applies to the loss only). */
export function surfaceDisplay(job: SurfaceJob, metric: Metric, logScale: boolean): SurfaceDisplay {
  const log = isLogScale(metric, logScale);
  const transform = log ? transforms.log : transforms.linear;
  const grid = { alpha: job.alpha, beta: job.beta, values: metric === 'loss' ? job.loss : job.accuracy };
  const stdError = metric === 'loss' && job.lossStdError ? { stdError: { alpha: job.alpha, beta: job.beta, values: job.lossStdError } } : {};
  return { grid, transform, log, range: plottedRange(grid.values, transform), label: metricLabel(metric, logScale), metric, ...stdError };
}

/** Plotted height of the surface at (α, β), NaN off the grid or where unknown. */
export function heightOf(display: SurfaceDisplay): (alpha: number, beta: number) => number {
  return (alpha, beta) => {
    const v = valueAt(display.grid, alpha, beta);
    return Number.isFinite(v) ? display.transform(v) : NaN;
  };
}
