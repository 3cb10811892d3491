/** `--samples` and `--sample-seed` of `losscape surface` and `line`: a seeded subset of the split for a quick preview. */
import type { Command } from 'commander';
import type { SampleChoice } from '../engine/landscape/samples.js';
import { CliError } from './errors.js';
import { parsePositiveInteger } from './options.js';
import { parseInteger } from './recipe/dataOptions.js';

export interface SampleOptions {
  samples?: number;
  sampleSeed: number;
}

/** Adds the two options to a command. */
export function addSampleOptions(command: Command): Command {
  return command
    .option('--samples <n>', 'compute on a seeded subset of n samples of the split (a quick preview; the file gets each loss’s standard error)', parsePositiveInteger)
    .option('--sample-seed <s>', 'seed of the --samples subset', parseInteger, 0);
}

/** The subset the options ask for on a split of `total` samples: none for the whole split (no --samples, or n = total). */
export function sampleChoice(options: SampleOptions, total: number, split: string): SampleChoice | undefined {
  const n = options.samples;
  if (n === undefined || n === total) return undefined;
  if (n > total) throw new CliError(`--samples ${n} is more than the ${total} samples of the ${split} split: give at most ${total}, or leave --samples out to use them all`);
  if (n < 2) throw new CliError(`--samples needs at least 2 samples (a standard error takes two), got ${n}`);
  return { n, seed: options.sampleSeed };
}
