// Axis ranges that frame the optimizer's path: for PCA directions the projected trajectory
// decides where the interesting part of the plane is.
import type { AxisBounds } from '../state/project.js';

/** Rounds x outward (away from zero for `up`) to three significant digits. */
function roundOut(x: number, up: boolean): number {
  if (x === 0) return 0;
  const power = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2);
  return Number(((up ? Math.ceil(x / power) : Math.floor(x / power)) * power).toPrecision(12));
}

/**
 * The smallest range holding 0 (θ*) and every value, widened by `margin` of its span on each
 * side and rounded outward; ±1 when the values have no spread.
 */
export function rangeCovering(values: readonly number[], margin = 0.15): AxisBounds {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo;
  if (!(span > 1e-12)) return { min: -1, max: 1 };
  return { min: roundOut(lo - margin * span, false), max: roundOut(hi + margin * span, true) };
}

/** The union of two ranges. */
export function unionRange(a: AxisBounds, b: AxisBounds): AxisBounds {
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}

/** `count` evenly spaced values from min to max inclusive. */
export function linspace(range: AxisBounds, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = range.min + ((range.max - range.min) * i) / (count - 1);
  out[count - 1] = range.max;
  return out;
}
