// Log-log plotting for the finite-difference study: decade ranges and ticks, a log map from
// data to pixels, and polylines that break where a value cannot be drawn (an error of 0).
import type { Point } from './graphLayout.js';

/** Whole decades [lo, hi] (as exponents) covering the positive finite values, at least one decade wide. */
export function decadeRange(values: Iterable<number>, floor = -20): { lo: number; hi: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (!(min <= max)) return null;
  const lo = Math.max(floor, Math.floor(Math.log10(min)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max))) + 0; // + 0: no −0 from ceil(−0.7)
  return { lo, hi };
}

/** Decade exponents lo … hi, every `every`-th one labelled (the top and bottom rounded to it). */
export function decadeTicks(lo: number, hi: number, maxLabels = 7): { exponent: number; labelled: boolean }[] {
  const every = Math.max(1, Math.ceil((hi - lo) / Math.max(1, maxLabels - 1)));
  const ticks = [];
  for (let e = lo; e <= hi; e++) ticks.push({ exponent: e, labelled: (e - hi) % every === 0 });
  return ticks;
}

/** A map from a positive value to pixels, with 10^lo at r0 and 10^hi at r1. */
export function logMap(lo: number, hi: number, r0: number, r1: number): (v: number) => number {
  return (v) => r0 + ((Math.log10(v) - lo) / (hi - lo)) * (r1 - r0);
}

/** Polylines through the drawable points (y > 0 and finite), split where one is missing; y clamped to [yMin, ∞). */
export function logPolylines(points: readonly { x: number; y: number }[], yMin: number): { x: number; y: number }[][] {
  const lines: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  for (const p of points) {
    if (p.y > 0 && Number.isFinite(p.y) && p.x > 0) current.push({ x: p.x, y: Math.max(yMin, p.y) });
    else if (current.length > 0) {
      lines.push(current);
      current = [];
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** An SVG polyline's points attribute. */
export function pointsAttribute(points: readonly Point[]): string {
  return points.map((p) => `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join(' ');
}
