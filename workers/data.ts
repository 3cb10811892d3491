// The data job as a comlink endpoint: loads and prepares a data set as a run would, and
// returns what the Data panel shows (names, sizes, a scatter preview). Environment-agnostic,
// like training.ts: the same object runs in a Web Worker and under worker_threads.
import { transfer } from 'comlink';
import { loadDataset, prepareData, type DataSpec, type PreparedData } from '../engine/data/index.js';
import type { Task } from '../engine/data/dataset.js';

/** Most points the preview draws; larger sets are thinned evenly. */
export const PREVIEW_POINTS = 1200;

/** Points of the preview: x[k], y[k] in standardized units, their class (−1 for regression) and split. */
export interface DataPreview {
  xName: string;
  yName: string;
  x: Float32Array;
  y: Float32Array;
  label: Int16Array;
  /** 1 for test samples, 0 for training samples. */
  test: Uint8Array;
}

/** What the Data panel shows about a data spec. */
export interface DataSummary {
  name: string;
  task: Task;
  /** Names of all the loaded set's features (before selection). */
  allFeatures: string[];
  /** Selected feature indices, ascending. */
  selected: number[];
  classNames: string[];
  /** The model's inputs (x₀ included) and outputs (classes, or regression targets). */
  inputs: number;
  outputs: number;
  nTrain: number;
  nTest: number;
  preview: DataPreview;
}

/** The preview of the first two model inputs (after x₀), or of the one input against the target. */
function previewOf(data: PreparedData, constantInput: boolean): DataPreview {
  const offset = constantInput ? 1 : 0;
  const features = data.d - offset;
  const n = data.train.n + data.test.n;
  const stride = Math.max(1, Math.ceil(n / PREVIEW_POINTS));
  const count = Math.ceil(n / stride);
  const preview: DataPreview = {
    xName: data.featureNames[offset],
    yName: features >= 2 ? data.featureNames[offset + 1] : data.task === 'regression' ? 'y' : 'class',
    x: new Float32Array(count),
    y: new Float32Array(count),
    label: new Int16Array(count),
    test: new Uint8Array(count),
  };
  for (let k = 0; k < count; k++) {
    const sample = k * stride;
    const isTest = sample >= data.train.n;
    const split = isTest ? data.test : data.train;
    const i = isTest ? sample - data.train.n : sample;
    const x = split.x[i * data.d + offset];
    const target = split.y[i * data.targetDim];
    const classified = data.task === 'classification';
    preview.x[k] = x;
    preview.y[k] = features >= 2 ? split.x[i * data.d + offset + 1] : target;
    preview.label[k] = classified ? target : -1;
    preview.test[k] = isTest ? 1 : 0;
  }
  return preview;
}

export const dataEndpoint = {
  /** Prepares `spec` (load, select, split, standardize, x₀) and summarizes it; the preview's arrays are transferred. */
  describe(spec: DataSpec): DataSummary {
    const loaded = loadDataset(spec.source, spec.seed);
    const data = prepareData(spec);
    const preview = previewOf(data, spec.constantInput ?? false);
    const summary: DataSummary = {
      name: data.name,
      task: data.task,
      allFeatures: loaded.featureNames,
      selected: spec.features ? [...spec.features].sort((a, b) => a - b) : loaded.featureNames.map((_, j) => j),
      classNames: data.classNames,
      inputs: data.d,
      outputs: data.task === 'classification' ? data.classes : data.targetDim,
      nTrain: data.train.n,
      nTest: data.test.n,
      preview,
    };
    return transfer(summary, [preview.x.buffer, preview.y.buffer, preview.label.buffer, preview.test.buffer] as ArrayBuffer[]);
  },
};

/** The endpoint's type, for `wrap<DataEndpoint>()`. */
export type DataEndpoint = typeof dataEndpoint;
