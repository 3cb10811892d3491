// What every exporter reads from a surface file: the axes, one metric as a flat row-major
// grid (NaN where missing), its finite range and the projected path.
import type { TrajectoryPoint } from '../../landscape/surface.js';
import { ExportError } from '../export/exportError.js';
import type { SurfaceFile } from '../surfaceFile.js';

export type Metric = 'loss' | 'accuracy';

export interface SurfaceGrid {
  alpha: Float64Array;
  beta: Float64Array;
  /** values[i·nβ + j] = metric at (α_i, β_j); NaN where the file holds no number. */
  values: Float64Array;
  metric: Metric;
  /** The axis label of the metric: L(θ) or accuracy. */
  label: string;
  /** Smallest and largest finite value; null when there is none. */
  range: { min: number; max: number } | null;
  trajectory: TrajectoryPoint[];
}

/** The finite range of `values`, or null. */
export function finiteRange(values: ArrayLike<number>): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : null;
}

/** The grid of `metric` in a surface file; `log` plots log₁₀ (non-positive values go missing). */
export function surfaceGrid(file: SurfaceFile, metric: Metric = 'loss', log = false): SurfaceGrid {
  const rows = file.values[metric];
  if (!rows || rows.length === 0) throw new ExportError(`this surface file has no ${metric} values`);
  const na = file.alpha.length;
  const nb = file.beta.length;
  const values = new Float64Array(na * nb);
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const v = rows[i]?.[j];
      values[i * nb + j] = typeof v !== 'number' ? NaN : log ? (v > 0 ? Math.log10(v) : NaN) : v;
    }
  }
  const name = metric === 'loss' ? 'L(θ)' : 'accuracy';
  return {
    alpha: Float64Array.from(file.alpha),
    beta: Float64Array.from(file.beta),
    values,
    metric,
    label: log ? `log₁₀ ${name}` : name,
    range: finiteRange(values),
    trajectory: file.trajectory ?? [],
  };
}

/** The grid's value at (α, β) by bilinear interpolation; NaN off the grid or next to a missing value. */
export function valueAt(grid: SurfaceGrid, alpha: number, beta: number): number {
  const fi = fractionalIndex(grid.alpha, alpha);
  const fj = fractionalIndex(grid.beta, beta);
  if (Number.isNaN(fi) || Number.isNaN(fj)) return NaN;
  const nb = grid.beta.length;
  const i = Math.min(Math.floor(fi), grid.alpha.length - 2);
  const j = Math.min(Math.floor(fj), nb - 2);
  const u = fi - i;
  const w = fj - j;
  const v = grid.values;
  return (v[i * nb + j] * (1 - u) + v[(i + 1) * nb + j] * u) * (1 - w) + (v[i * nb + j + 1] * (1 - u) + v[(i + 1) * nb + j + 1] * u) * w;
}

/** Where x falls among increasing axis values, as a fractional index; NaN outside. */
export function fractionalIndex(axis: ArrayLike<number>, x: number): number {
  const n = axis.length;
  if (n < 2 || !(x >= axis[0] && x <= axis[n - 1])) return NaN;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (axis[mid] <= x) lo = mid;
    else hi = mid;
  }
  return lo + (x - axis[lo]) / (axis[hi] - axis[lo]);
}
