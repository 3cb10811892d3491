// The one shape every data source turns into: a feature matrix and its targets, row-major.

/** What the targets are: class indices or real-valued targets. */
export type Task = 'classification' | 'regression';

/**
 * Samples in row-major order: x is [n, d]; y holds class indices (classification, one per
 * sample, so targetDim is 1) or targets [n, targetDim] (regression).
 */
export interface Dataset {
  /** Short name shown in the UI and written into run files (`iris`, `moons`, a file name). */
  name: string;
  task: Task;
  /** One name per feature column, length d. */
  featureNames: string[];
  /** Class names in class-index order (classification); empty for regression. */
  classNames: string[];
  /** Number of samples. */
  n: number;
  /** Number of features. */
  d: number;
  /** Values per sample in y: 1 for class indices and for a single regression target. */
  targetDim: number;
  /** Features, [n, d] row-major. */
  x: Float64Array;
  /** Targets, [n, targetDim] row-major. */
  y: Float64Array;
}
