// Linear maps from data to pixels for the SVG plots, with round tick values.
import { niceTicks } from '../format/ticks.js';

/** A map from [d0, d1] to [r0, r1]; a degenerate domain maps to the middle. */
export function linear(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const span = d1 - d0;
  return span > 0 ? (x) => r0 + ((x - d0) / span) * (r1 - r0) : () => (r0 + r1) / 2;
}

/** The range of finite values, padded by `pad` of its span (or ±0.5 when flat); null if none. */
export function extent(values: Iterable<number>, pad = 0): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(min <= max)) return null;
  if (max === min) return { min: min - 0.5, max: max + 0.5 };
  const p = (max - min) * pad;
  return { min: min - p, max: max + p };
}

/** Round ticks inside [min, max]. */
export function ticksOf(range: { min: number; max: number }, target = 4): number[] {
  return niceTicks(range.min, range.max, target);
}
