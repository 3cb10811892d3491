// The optimizer's path on the plane: where the playback marker is, and the path as polylines
// (in plane coordinates with plotted heights) that follow the drawn surface.
import type { TrajectoryPoint } from '../../engine/landscape/surface.js';

/** A point of the path at a fraction of the way from the first snapshot to the last. */
export interface PathPosition {
  alpha: number;
  beta: number;
  /** The training step, interpolated between snapshots. */
  step: number;
  /** The true loss at the snapshot (interpolated). */
  loss: number;
  /** Index of the snapshot at or before this position. */
  index: number;
}

/** The position at fraction t ∈ [0, 1] along the snapshots (evenly per snapshot); null for no path. */
export function positionAlong(points: readonly TrajectoryPoint[], t: number): PathPosition | null {
  if (points.length === 0) return null;
  const s = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 1)) * (points.length - 1);
  const index = Math.min(points.length - 1, Math.floor(s));
  const next = points[Math.min(points.length - 1, index + 1)];
  const u = s - index;
  const p = points[index];
  const mix = (a: number, b: number) => a + (b - a) * u;
  return { alpha: mix(p.alpha, next.alpha), beta: mix(p.beta, next.beta), step: mix(p.step, next.step), loss: mix(p.loss, next.loss), index };
}

/** A path point on the plane with its plotted height. */
export interface PathVertex {
  alpha: number;
  beta: number;
  height: number;
}

/**
 * The path as polylines that follow the surface: each segment between snapshots is cut into
 * `substeps` pieces whose heights come from `heightAt` (NaN where the surface is unknown or
 * off the grid, which breaks the line).
 */
export function pathPolylines(points: readonly TrajectoryPoint[], heightAt: (alpha: number, beta: number) => number, substeps = 4): PathVertex[][] {
  const lines: PathVertex[][] = [];
  let line: PathVertex[] = [];
  const visit = (alpha: number, beta: number) => {
    const height = heightAt(alpha, beta);
    if (Number.isFinite(height)) {
      line.push({ alpha, beta, height });
    } else if (line.length > 0) {
      if (line.length > 1) lines.push(line);
      line = [];
    }
  };
  points.forEach((p, k) => {
    if (k === 0) return visit(p.alpha, p.beta);
    const q = points[k - 1];
    for (let s = 1; s <= substeps; s++) {
      const u = s / substeps;
      visit(q.alpha + (p.alpha - q.alpha) * u, q.beta + (p.beta - q.beta) * u);
    }
  });
  if (line.length > 1) lines.push(line);
  return lines;
}

/** How much of the plane's half-width the path spans, 0 … 1 (and more when it leaves the plane). */
export function pathSpan(trajectory: readonly TrajectoryPoint[], alpha: Float64Array, beta: Float64Array): number {
  if (alpha.length < 2 || beta.length < 2) return 1;
  const half = Math.min(alpha[alpha.length - 1] - alpha[0], beta[beta.length - 1] - beta[0]) / 2;
  return Math.max(0, ...trajectory.map((p) => Math.max(Math.abs(p.alpha), Math.abs(p.beta)))) / half;
}
