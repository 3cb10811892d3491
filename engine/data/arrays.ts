// Data sets from numpy arrays as Python users save them: X and y in one .npz
// (`np.savez(path, X=X, y=y)`), or X and y as two files, each a .npy or an IDX file (MNIST).
// X [n, …] becomes x [n, d] (d the product of the other sizes, images flattened row by row);
// y decides the task: integers (or one-hot rows) are class labels, floats regression targets.
import { checkFinite } from '../io/finite.js';
import { ImportError } from '../io/import/importError.js';
import { isNpy, readNpy, type NpyTensor } from '../io/import/npy.js';
import { readNpz } from '../io/import/npzWeights.js';
import type { Dataset } from './dataset.js';
import { readIdx } from './idx.js';

/** A file's bytes and its name (for messages). */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** An array read from a file, with what to call it in messages (`X in xy.npz`). */
export interface NamedArray extends NpyTensor {
  what: string;
}

/** Most classes integer labels may name (labels are 0 … k − 1). */
export const MAX_LABEL_CLASSES = 1000;

/** Where the names X and y are looked for in a .npz, in order. */
const X_NAMES = ['X', 'x'];
const Y_NAMES = ['y', 'Y'];

/**
 * Reads a data set from array files: one .npz holding X and y, or the features and the labels
 * as two .npy or IDX files (gzipped or not). Throws ImportError naming the array and its shape.
 */
export function readArrayDataset(data: NamedBytes, labels?: NamedBytes): Dataset {
  if (isNpz(data.bytes)) {
    if (labels) throw new ImportError(`${data.name} is a .npz holding X and y itself; leave out the labels file ${labels.name}`);
    return npzDataset(data);
  }
  if (!labels) {
    throw new ImportError(`${data.name} holds only the features X; give the labels y as a second file, a .npy or an IDX file of one label per sample (in the CLI: --labels y.npy)`);
  }
  return datasetFromArrays(data.name, readArrayFile(data, 'X'), readArrayFile(labels, 'y'));
}

/**
 * A Dataset from X [n, …] and y [n] or [n, k]: integer y are class indices 0 … k − 1 (class
 * names "0" … "k−1"), one-hot rows [n, k] too; float y are regression targets [n, k].
 */
export function datasetFromArrays(name: string, x: NamedArray, y: NamedArray): Dataset {
  if (x.shape.length === 0 || x.shape[0] === 0) throw new ImportError(`${x.what} has shape [${x.shape.join(', ')}]: it needs one row per sample and at least one sample`);
  const n = x.shape[0];
  const d = x.data.length / n;
  if (d === 0) throw new ImportError(`${x.what} has shape [${x.shape.join(', ')}]: every sample needs at least one feature`);
  if (y.shape.length === 0 || y.shape.length > 2 || y.shape[0] !== n) {
    throw new ImportError(`${y.what} has shape [${y.shape.join(', ')}] but ${x.what} has shape [${x.shape.join(', ')}]: y needs shape [${n}] (one label or target per sample) or [${n}, k]`);
  }
  const k = y.shape.length === 2 ? y.shape[1] : 1;
  if (k === 0) throw new ImportError(`${y.what} has shape [${y.shape.join(', ')}]: each sample needs at least one target`);
  const fail = (message: string) => new ImportError(message);
  checkFinite(x.data, x.what, fail, (i) => `sample ${Math.floor(i / d)}, feature ${i % d}`);
  checkFinite(y.data, y.what, fail, (i) => `sample ${Math.floor(i / k)}${k > 1 ? `, column ${i % k}` : ''}`);
  const base = { name, featureNames: featureNames(x.shape), n, d, x: x.data };
  const onehot = k > 1 ? oneHotLabels(y.data, k) : null;
  if (onehot) return { ...base, task: 'classification', classNames: classNames(k), targetDim: 1, y: onehot };
  if (!/^[<>|=]?[iub]/.test(y.dtype)) return { ...base, task: 'regression', classNames: [], targetDim: k, y: y.data };
  if (k > 1) throw new ImportError(`${y.what} holds integers of shape [${y.shape.join(', ')}] that are not one-hot rows; save class labels as shape [${n}], or targets as floats`);
  return { ...base, task: 'classification', classNames: classNames(labelClasses(y)), targetDim: 1, y: y.data };
}

/** Whether bytes start like a zip archive (a .npz). */
function isNpz(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** X and y of a .npz, found by name. */
function npzDataset(file: NamedBytes): Dataset {
  const arrays = readNpz(file.bytes);
  const find = (names: string[]): NamedArray => {
    const key = names.find((k) => k in arrays);
    if (key === undefined) {
      const present = Object.keys(arrays).map((k) => `"${k}"`).join(', ');
      throw new ImportError(`${file.name} has no array named ${names.join(' or ')} (it holds ${present}); save it as np.savez(path, X=X, y=y)`);
    }
    return { ...arrays[key], what: `${key} in ${file.name}` };
  };
  return datasetFromArrays(file.name, find(X_NAMES), find(Y_NAMES));
}

/** One array from a .npy (by its magic or its name) or else an IDX file. */
function readArrayFile(file: NamedBytes, role: 'X' | 'y'): NamedArray {
  const array = isNpy(file.bytes) || /\.npy$/i.test(file.name) ? readNpy(file.bytes, file.name) : readIdx(file.bytes, file.name);
  return { ...array, what: `${role} in ${file.name}` };
}

/** Feature names: `x[j]` for X [n, d], `x[r,c]` for images [n, h, w], `x` for X [n]. */
function featureNames(shape: number[]): string[] {
  const sizes = shape.slice(1);
  if (sizes.length === 0) return ['x'];
  const count = sizes.reduce((a, b) => a * b, 1);
  return Array.from({ length: count }, (_, j) => {
    const index: number[] = [];
    for (let a = sizes.length - 1; a >= 0; a--) {
      index.unshift(j % sizes[a]);
      j = Math.floor(j / sizes[a]);
    }
    return `x[${index.join(',')}]`;
  });
}

/** Class names "0" … "k−1". */
function classNames(k: number): string[] {
  return Array.from({ length: k }, (_, c) => String(c));
}

/** The number of classes integer labels name (their largest + 1), checked to be 0 … k − 1. */
function labelClasses(y: NamedArray): number {
  let max = 0;
  for (let i = 0; i < y.data.length; i++) {
    const c = y.data[i];
    if (c < 0 || c >= MAX_LABEL_CLASSES) {
      throw new ImportError(`${y.what}: label ${c} of sample ${i} is not a class index 0 … ${MAX_LABEL_CLASSES - 1}; class labels must be whole numbers from 0`);
    }
    max = Math.max(max, c);
  }
  return max + 1;
}

/** Class indices of one-hot rows y [n, k] (one 1, the rest 0, in every row), or null if they are not one-hot. */
function oneHotLabels(y: Float64Array, k: number): Float64Array | null {
  const labels = new Float64Array(y.length / k);
  for (let i = 0; i < labels.length; i++) {
    let ones = 0;
    for (let c = 0; c < k; c++) {
      const v = y[i * k + c];
      if (v === 1) {
        ones++;
        labels[i] = c;
      } else if (v !== 0) return null;
    }
    if (ones !== 1) return null;
  }
  return labels;
}
