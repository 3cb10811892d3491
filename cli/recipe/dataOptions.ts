/** The data options shared by `train` and `dataset`, turned into a DataSpec. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { builtinNames, syntheticNames, type BuiltinName, type DataSpec, type SyntheticName } from '../../engine/data/index.js';
import { arrayFileSource, isArrayFileName } from './dataFiles.js';

export interface DataOptions {
  dataset?: string;
  labels?: string;
  features?: number[];
  samples?: number;
  noise?: number;
  target?: string;
  testFraction?: number;
  standardize?: boolean;
  constantInput?: boolean;
  seed?: number;
}

/** Parses a comma-separated list of whole numbers, e.g. `2,3` or `16,16`. */
export function parseIntegerList(value: string): number[] {
  const items = value.split(',').map((v) => Number(v.trim()));
  if (items.some((v) => !Number.isInteger(v) || v < 0)) throw new InvalidArgumentError(`expected whole numbers separated by commas, e.g. 16,16; got ${value}`);
  return items;
}

/** Parses a number, refusing text and infinities. */
export function parseNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number, got ${value}`);
  return n;
}

/** Parses a whole number. */
export function parseInteger(value: string): number {
  const n = parseNumber(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`expected a whole number, got ${value}`);
  return n;
}

/** Adds the data options to a command. */
export function addDataOptions(command: Command): Command {
  return command
    .option(
      '--dataset <name|file>',
      `a bundled set (${builtinNames.join(', ')}), a synthetic one (${syntheticNames.join(', ')}), a CSV file, a .npz holding X and y, or X as a .npy or IDX file (with --labels)`,
    )
    .option('--labels <file>', 'y for --dataset X.npy or an IDX images file: a .npy or IDX labels file (integers: classes; floats: regression)')
    .option('--features <i,j,…>', 'use these feature columns (0-based)', parseIntegerList)
    .option('--samples <n>', 'samples of a synthetic set', parseInteger)
    .option('--noise <σ>', 'noise of a synthetic set', parseNumber)
    .option('--target <column>', 'target column of a CSV file (name or 0-based index; default the last)')
    .option('--test-fraction <f>', 'fraction held out for testing (0 for none)', parseNumber)
    .option('--no-standardize', 'keep the features as they are (default: standardized on the training split)')
    .option('--constant-input', 'add the input x₀ = 1 (the bias as an input)')
    .addOption(new Option('--seed <n>', 'seed of every random choice').argParser(parseInteger));
}

/** The DataSpec these options ask for, on top of `base` (a preset's, if any). */
export async function dataSpecFrom(options: DataOptions, base?: DataSpec): Promise<DataSpec> {
  const spec: DataSpec = base ? { ...base } : { source: { kind: 'builtin', name: 'iris' }, seed: 0 };
  const name = options.dataset;
  if (options.labels !== undefined && !(name !== undefined && isArrayFileName(name))) {
    throw new InvalidArgumentError('--labels goes with --dataset X.npy or an IDX images file');
  }
  if (name !== undefined) {
    if ((builtinNames as readonly string[]).includes(name)) spec.source = { kind: 'builtin', name: name as BuiltinName };
    else if ((syntheticNames as readonly string[]).includes(name)) {
      spec.source = { kind: 'synthetic', name: name as SyntheticName, samples: options.samples ?? 400, noise: options.noise ?? 0.1 };
    } else if (name.endsWith('.csv')) {
      const target = options.target === undefined ? undefined : /^-?\d+$/.test(options.target) ? Number(options.target) : options.target;
      spec.source = { kind: 'csv', text: await readFile(name, 'utf8'), name, target };
    } else if (isArrayFileName(name)) {
      if (options.target !== undefined) throw new InvalidArgumentError('--target picks a CSV column; an array file\'s targets are its y (in the .npz, or --labels)');
      spec.source = await arrayFileSource(name, options.labels);
    } else {
      throw new InvalidArgumentError(`unknown data set "${name}": use ${[...builtinNames, ...syntheticNames].join(', ')}, a .csv, .npz or .npy file, or an IDX file (…-idx3-ubyte[.gz])`);
    }
  }
  if (options.features) spec.features = options.features;
  if (options.testFraction !== undefined) spec.testFraction = options.testFraction;
  if (options.standardize === false) spec.standardize = false;
  if (options.constantInput) spec.constantInput = true;
  if (options.seed !== undefined) spec.seed = options.seed;
  return spec;
}
