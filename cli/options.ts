/** Parsers for option values shared by commands; they throw commander's InvalidArgumentError. */
import { InvalidArgumentError } from 'commander';

/** An interval of one axis, min < max. */
export interface Range {
  min: number;
  max: number;
}

/** Parses `min:max` (e.g. `-1.5:1.5`) into finite numbers with min < max. */
export function parseRange(value: string): Range {
  const parts = value.split(':');
  const [min, max] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 2 || !Number.isFinite(min) || !Number.isFinite(max)) {
    throw new InvalidArgumentError('expected min:max, e.g. -1.5:1.5');
  }
  if (!(min < max)) throw new InvalidArgumentError('min must be < max');
  return { min, max };
}

/** Smallest and largest number of grid points along an axis. */
export const gridLimits = { min: 2, max: 1001 };

/** Parses a number of grid points along an axis: an integer from 2 to 1001. */
export function parseGridSize(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < gridLimits.min || n > gridLimits.max) {
    throw new InvalidArgumentError(`grid must be an integer from ${gridLimits.min} to ${gridLimits.max}`);
  }
  return n;
}
