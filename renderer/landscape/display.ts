// How a computed surface is shown: which metric, on which scale, over which range; and
// values between grid points for the path and the hover read-out.
import type { Metric } from '../state/project.js';

/** Smallest loss the log scale shows: log₁₀ of anything below is clamped here. */
export const LOG_FLOOR = 1e-12;

/** The grid arrays of a surface that the display needs. */
export interface GridValues {
  alpha: Float64Array;
  beta: Float64Array;
  /** values[i·nβ + j] at (α_i, β_j), NaN where unknown. */
  values: Float64Array;
}

/** What is plotted for a value: the value, or its log₁₀ on the log scale. */
export type Transform = (value: number) => number;

/** The plotted value of `metric` (accuracy is never log-scaled). */
export function transformFor(metric: Metric, log: boolean): Transform {
  return metric === 'loss' && log ? (v) => Math.log10(Math.max(v, LOG_FLOOR)) : (v) => v;
}

/** Whether the display uses a log axis. */
export function isLogScale(metric: Metric, log: boolean): boolean {
  return metric === 'loss' && log;
}

/** The plotted value of each grid value, NaN where unknown. */
export function plottedValues(values: Float64Array, transform: Transform): Float64Array {
  return Float64Array.from(values, (v) => (Number.isFinite(v) ? transform(v) : NaN));
}

/** The plotted range of the finite values, or null if there are none. */
export function plottedRange(values: Float64Array, transform: Transform): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) continue;
    const p = transform(v);
    if (p < min) min = p;
    if (p > max) max = p;
  }
  return min <= max ? { min, max } : null;
}

/** The union of plotted ranges (nulls ignored). */
export function unionOf(ranges: ({ min: number; max: number } | null)[]): { min: number; max: number } | null {
  const known = ranges.filter((r): r is { min: number; max: number } => r !== null);
  if (known.length === 0) return null;
  return { min: Math.min(...known.map((r) => r.min)), max: Math.max(...known.map((r) => r.max)) };
}

/** Where x falls on an evenly spaced axis: the cell index and the fraction in it; null outside. */
function locate(axis: Float64Array, x: number): { k: number; u: number } | null {
  const n = axis.length;
  if (n < 2 || !(x >= axis[0] && x <= axis[n - 1])) return null;
  const s = ((x - axis[0]) / (axis[n - 1] - axis[0])) * (n - 1);
  const k = Math.min(n - 2, Math.floor(s));
  return { k, u: s - k };
}

/** The grid's value at (a, b) by bilinear interpolation; NaN outside the grid or next to unknown values. */
export function valueAt(grid: GridValues, a: number, b: number): number {
  const ia = locate(grid.alpha, a);
  const jb = locate(grid.beta, b);
  if (!ia || !jb) return NaN;
  const nb = grid.beta.length;
  const at = (i: number, j: number) => grid.values[i * nb + j];
  const { k: i, u } = ia;
  const { k: j, u: w } = jb;
  return (1 - u) * ((1 - w) * at(i, j) + w * at(i, j + 1)) + u * ((1 - w) * at(i + 1, j) + w * at(i + 1, j + 1));
}

/** The label of the value axis and the colour bar. */
export function metricLabel(metric: Metric, log: boolean): string {
  return metric === 'accuracy' ? 'accuracy' : log ? 'loss (log)' : 'loss';
}
