// From a serializable DataSpec to the exact matrices a run trains and tests on: load, select
// features, split (seeded), standardize on the train split, optionally add the input x₀ = 1.
import { ValueError } from '../errors.js';
import { loadBuiltin, type BuiltinName } from './builtin.js';
import { parseCsv } from './csv.js';
import type { Dataset, Task } from './dataset.js';
import { heldDataset, type FileSource } from './fileSource.js';
import { randomSplit, stratifiedSplit } from './split.js';
import { applyStandardization, fitStandardization, prependConstant, type Standardization } from './standardize.js';
import { synthetic, type SyntheticName } from './synthetic.js';

/** Where the samples come from: a bundled set, a seeded generator, CSV text, or array files (held in memory, see fileSource.ts). */
export type DataSource =
  | { kind: 'builtin'; name: BuiltinName }
  | { kind: 'synthetic'; name: SyntheticName; samples: number; noise: number; classes?: number }
  | { kind: 'csv'; text: string; name?: string; target?: string | number; task?: Task }
  | FileSource;

/** Everything that decides the data a run sees; plain JSON, saved in run files. */
export interface DataSpec {
  source: DataSource;
  /** Feature selection by index (default all). */
  features?: number[];
  /** Fraction of samples held out for testing, in [0, 1); default 0.2; 0 means all samples train. */
  testFraction?: number;
  /** Keep class proportions in both splits; default true for classification. */
  stratify?: boolean;
  /** Default true; mean/std fitted on the train split only; constant features get std 1. */
  standardize?: boolean;
  /** Prepend a constant-1 column x₀ = 1 (the bias as an input), after standardization, not standardized. */
  constantInput?: boolean;
  /** Seeds the split (purpose 'split') and synthetic generation (purpose 'data'). */
  seed: number;
}

/** One split's samples: x [n, d], y [n, targetDim], row-major. */
export interface Split {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

/** The matrices a run trains and tests on, with what it takes to explain and redo them. */
export interface PreparedData {
  name: string;
  task: Task;
  /** Names of the model's inputs, including 'x₀ = 1' first if the constant input was added. */
  featureNames: string[];
  classNames: string[];
  /** Inputs per sample, including x₀. */
  d: number;
  targetDim: number;
  /** Number of classes; 0 for regression. */
  classes: number;
  train: Split;
  test: Split;
  /** Statistics of the selected features (without x₀), fitted on the train split; null if not standardized. */
  standardization: Standardization | null;
  /** Indices into the loaded data set, ascending. */
  trainIndices: number[];
  testIndices: number[];
}

/** The name the constant input column carries. */
export const CONSTANT_INPUT_NAME = 'x₀ = 1';

/** Loads a source as it is (no selection, split or scaling); seed drives synthetic generation. */
export function loadDataset(source: DataSource, seed = 0): Dataset {
  switch (source?.kind) {
    case 'builtin':
      return loadBuiltin(source.name);
    case 'synthetic':
      return synthetic({ name: source.name, samples: source.samples, noise: source.noise, classes: source.classes, seed });
    case 'csv':
      return parseCsv(source.text, { name: source.name, target: source.target, task: source.task });
    case 'file':
      return heldDataset(source);
    default:
      throw new ValueError(`unknown data source kind "${(source as { kind?: unknown })?.kind}"; use builtin, synthetic, csv or file`);
  }
}

/** Loads, selects features, splits, standardizes and optionally adds x₀ = 1, as spec says. */
export function prepareData(spec: DataSpec): PreparedData {
  if (!Number.isSafeInteger(spec.seed)) throw new ValueError(`the seed must be an integer, got ${spec.seed}`);
  const data = loadDataset(spec.source, spec.seed);
  const features = checkFeatures(spec.features, data);
  const d = features.length;
  // No copy without a selection: the splits copy rows out of x, so data.x is never changed.
  const x = spec.features === undefined ? data.x : selectColumns(data.x, data.d, features);
  const classes = data.task === 'classification' ? data.classNames.length : 0;

  const testFraction = spec.testFraction ?? 0.2;
  const stratify = spec.stratify ?? data.task === 'classification';
  if (stratify && data.task !== 'classification') {
    throw new ValueError(`${data.name} is a regression data set: there are no classes to stratify by; set stratify to false`);
  }
  const { trainIndices, testIndices } = stratify
    ? stratifiedSplit(data.y, classes, testFraction, spec.seed, data.classNames)
    : randomSplit(data.n, testFraction, spec.seed);

  const standardization = (spec.standardize ?? true) ? fitStandardization(x, d, trainIndices) : null;
  const split = (indices: number[]): Split => {
    let xs = takeRows(x, d, indices);
    if (standardization) xs = applyStandardization(xs, d, standardization);
    if (spec.constantInput) xs = prependConstant(xs, d);
    return { x: xs, y: takeRows(data.y, data.targetDim, indices), n: indices.length };
  };
  const featureNames = features.map((j) => data.featureNames[j]);
  return {
    name: data.name,
    task: data.task,
    featureNames: spec.constantInput ? [CONSTANT_INPUT_NAME, ...featureNames] : featureNames,
    classNames: [...data.classNames],
    d: spec.constantInput ? d + 1 : d,
    targetDim: data.targetDim,
    classes,
    train: split(trainIndices),
    test: split(testIndices),
    standardization,
    trainIndices,
    testIndices,
  };
}

/** One-hot rows for class indices: labels [n] → [n, classes], a single 1 per row. */
export function oneHot(labels: Float64Array, classes: number): Float64Array {
  if (!Number.isInteger(classes) || classes < 1) throw new ValueError(`oneHot: classes must be a positive integer, got ${classes}`);
  const out = new Float64Array(labels.length * classes);
  labels.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= classes) {
      throw new ValueError(`oneHot: label ${c} at sample ${i} is not a class index 0…${classes - 1}`);
    }
    out[i * classes + c] = 1;
  });
  return out;
}

/** The selected feature indices (default all), checked against the data set. */
function checkFeatures(features: number[] | undefined, data: Dataset): number[] {
  if (features === undefined) return data.featureNames.map((_, j) => j);
  if (features.length === 0) throw new ValueError(`select at least one feature of ${data.name} (indices 0 to ${data.d - 1}), or leave features out for all`);
  const seen = new Set<number>();
  for (const j of features) {
    if (!Number.isInteger(j) || j < 0 || j >= data.d) {
      throw new ValueError(`feature index ${j} is out of range: ${data.name} has ${data.d} features, numbered 0 to ${data.d - 1}`);
    }
    if (seen.has(j)) throw new ValueError(`feature ${j} ("${data.featureNames[j]}") is selected twice; list each feature once`);
    seen.add(j);
  }
  return [...features];
}

/** Columns `columns` of x [n, d] as a new [n, columns.length] array. */
function selectColumns(x: Float64Array, d: number, columns: number[]): Float64Array {
  const n = x.length / d;
  const out = new Float64Array(n * columns.length);
  for (let i = 0; i < n; i++) columns.forEach((j, k) => (out[i * columns.length + k] = x[i * d + j]));
  return out;
}

/** Rows `indices` of a [n, width] array as a new [indices.length, width] array. */
function takeRows(a: Float64Array, width: number, indices: number[]): Float64Array {
  const out = new Float64Array(indices.length * width);
  indices.forEach((i, k) => out.set(a.subarray(i * width, (i + 1) * width), k * width));
  return out;
}
