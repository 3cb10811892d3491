/** Parsers for option values shared by commands; they throw commander's InvalidArgumentError. */
import { InvalidArgumentError, Option } from 'commander';
import { parseInteger } from './recipe/dataOptions.js';

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

/** A parser of integers from min to max; `what` names the value in the refusal. */
export function integerBetween(min: number, max: number, what: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${what} must be an integer from ${min} to ${max}, got ${value}`);
    return n;
  };
}

/** Parses a number of grid points along an axis: an integer from 2 to 1001. */
export const parseGridSize = integerBetween(gridLimits.min, gridLimits.max, 'grid');

/** A whole number ≥ 1 (a count of eigenvalues, probes, steps, workers). */
export function parsePositiveInteger(value: string): number {
  const n = parseInteger(value);
  if (n < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got ${value}`);
  return n;
}

/** Parses a minibatch size: `full`, or a whole number ≥ 1. */
export function parseBatchSize(value: string): number | 'full' {
  return value === 'full' ? 'full' : parsePositiveInteger(value);
}

/** `--precision`: the float32 mode of grids, lines and training, or float64 (the reference, the default). */
export function precisionOption(): Option {
  return new Option('--precision <p>', 'float64 (the reference) or float32 (dense products in float32: about twice as fast on large models)').choices(['float64', 'float32']).default('float64');
}
