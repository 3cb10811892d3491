// Grid axes and the checks on them.
import { ValueError } from '../errors.js';

/** Most points a scan takes along one axis. */
export const MAX_AXIS_POINTS = 1001;

export interface AxisRange {
  min: number;
  max: number;
  /** Number of points, ends included. */
  count: number;
}

/** `count` evenly spaced values from min to max inclusive, after checking the range. */
export function axisValues(range: AxisRange, label: string): Float64Array {
  const { min, max, count } = range;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
    throw new ValueError(`${label}: the range needs min < max, got ${min}:${max}`);
  }
  if (!Number.isInteger(count) || count < 2 || count > MAX_AXIS_POINTS) {
    throw new ValueError(`${label}: the number of points must be a whole number from 2 to ${MAX_AXIS_POINTS}, got ${count}`);
  }
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = min + ((max - min) * i) / (count - 1);
  out[count - 1] = max;
  return out;
}
