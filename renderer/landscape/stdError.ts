// The standard errors of a surface or line computed on a subset of the samples, as the views
// and the Landscape section show them.
import { formatValue } from '../format/ticks.js';
import { valueAt, type GridValues } from './display.js';

/** The largest and the typical (median) standard error of the finite ones; null if none is known yet. */
export function errorSummary(errors: Float64Array): { largest: number; typical: number } | null {
  const known = Float64Array.from(errors.filter(Number.isFinite)).sort();
  if (known.length === 0) return null;
  const mid = known.length >> 1;
  return { largest: known[known.length - 1], typical: known.length % 2 ? known[mid] : (known[mid - 1] + known[mid]) / 2 };
}

/** The read-out of a value at (a, b): `0.4213`, or `0.4213 ± 0.0051` where the standard errors are known there. */
export function valueText(value: number, errors: GridValues | undefined, a: number, b: number): string {
  const se = errors ? valueAt(errors, a, b) : NaN;
  return Number.isFinite(se) ? `${formatValue(value)} ± ${formatValue(se)}` : formatValue(value);
}
