// Surfaces computed by Li et al.'s loss-landscape (plot_surface.py), from the datasets of its
// .h5 files: xcoordinates, ycoordinates, train_loss, train_acc, test_loss, test_acc. Reading
// the HDF5 container is the caller's (the CLI uses h5wasm); this turns datasets into a
// surface (2D) or line (1D) file.
//
// Their layout: the loss array is declared (nx, ny) but filled through
// `losses.ravel()[k]` with k enumerating np.meshgrid(x, y) — y slowest — so value k is at
// (x[k mod nx], y[k div nx]). Unfilled points hold −1; accuracies are percentages.
import { LINE_FORMAT, type LineFile } from '../lineFile.js';
import { SURFACE_FORMAT, type SurfaceFile } from '../surfaceFile.js';
import { checkFinite } from '../finite.js';
import { ImportError } from './importError.js';

/** A dataset as read from the file: its shape and values in storage order. */
export interface H5Dataset {
  shape: number[];
  data: ArrayLike<number>;
}

/** The datasets of a loss-landscape surface file, by name (absent ones undefined). */
export type LossLandscapeDatasets = Partial<Record<'xcoordinates' | 'ycoordinates' | 'train_loss' | 'train_acc' | 'test_loss' | 'test_acc', H5Dataset>>;

/** The dataset names this importer reads. */
export const lossLandscapeNames = ['xcoordinates', 'ycoordinates', 'train_loss', 'train_acc', 'test_loss', 'test_acc'] as const;

/** What this reads of an open h5wasm file (its File and Dataset classes, in Node or a browser). */
interface H5Entity {
  shape: number[] | null;
  dtype: unknown;
  value: unknown;
}
export interface OpenH5File {
  keys(): string[];
  get(name: string): unknown;
}

/** The loss-landscape datasets of an open h5wasm file; `Dataset` is h5wasm's class, `name` names the file in messages. */
export function lossLandscapeDatasets(file: OpenH5File, Dataset: abstract new (...args: never[]) => H5Entity, name: string): LossLandscapeDatasets {
  const datasets: LossLandscapeDatasets = {};
  const keys = new Set(file.keys());
  for (const key of lossLandscapeNames) {
    if (!keys.has(key)) continue;
    const entity = file.get(key);
    if (!(entity instanceof Dataset)) throw new ImportError(`${key} in ${name} is not a dataset`);
    const value = entity.value;
    if (!(ArrayBuffer.isView(value) || Array.isArray(value))) throw new ImportError(`${key} in ${name} is not numeric (dtype ${JSON.stringify(entity.dtype)})`);
    datasets[key] = { shape: entity.shape ?? [], data: Array.from(value as ArrayLike<number | bigint>, Number) };
  }
  return datasets;
}

function axis(d: H5Dataset | undefined, name: string): number[] {
  if (!d) throw new ImportError(`this is not a loss-landscape surface file: it has no ${name} dataset`);
  if (d.shape.length !== 1 || d.data.length < 2) throw new ImportError(`${name} must be a list of at least 2 coordinates, got shape [${d.shape.join(', ')}]`);
  const values = Array.from(d.data, Number);
  checkFinite(values, name, (m) => new ImportError(m));
  for (let k = 1; k < values.length; k++) {
    if (!(values[k] > values[k - 1])) throw new ImportError(`${name} must increase, but ${name}[${k}] = ${values[k]} follows ${values[k - 1]}`);
  }
  return values;
}

/** Values of a metric dataset (−1 placeholders and non-finite values, points that diverged, become null; percentages fractions). */
function metric(d: H5Dataset, name: string, size: number, percent: boolean): (number | null)[] {
  if (d.data.length !== size) throw new ImportError(`${name} has ${d.data.length} values, the coordinates make ${size} points`);
  return Array.from(d.data, (v) => (v === -1 || !Number.isFinite(v) ? null : percent ? v / 100 : v));
}

/**
 * A surface file (when ycoordinates is present) or a line file from loss-landscape datasets,
 * of the `split` asked for (default: train, or test when the file has only test values).
 */
export function fromLossLandscape(datasets: LossLandscapeDatasets, options: { split?: 'train' | 'test' } = {}): SurfaceFile | LineFile {
  const x = axis(datasets.xcoordinates, 'xcoordinates');
  const split = options.split ?? (datasets.train_loss ? 'train' : 'test');
  const lossData = datasets[`${split}_loss`];
  if (!lossData) throw new ImportError(`this loss-landscape file has no ${split}_loss dataset${split === 'train' && datasets.test_loss ? '; choose the test split' : ''}`);
  const accData = datasets[`${split}_acc`];
  const missing = (v: (number | null)[]) => v.filter((x) => x === null).length;
  if (!datasets.ycoordinates) {
    const loss = metric(lossData, `${split}_loss`, x.length, false);
    if (missing(loss) === loss.length) throw new ImportError(`${split}_loss holds no computed value yet (all −1)`);
    return {
      format: LINE_FORMAT,
      line: 'loss-landscape (.h5)',
      center: [],
      direction: [],
      split,
      norm: 'running',
      t: x,
      values: { loss: loss as number[], ...(accData ? { accuracy: metric(accData, `${split}_acc`, x.length, true) as number[] } : {}) },
    };
  }
  const y = axis(datasets.ycoordinates, 'ycoordinates');
  const nx = x.length;
  const ny = y.length;
  const grid = (flat: (number | null)[]) => x.map((_, i) => y.map((_, j) => flat[j * nx + i]));
  const loss = metric(lossData, `${split}_loss`, nx * ny, false);
  if (missing(loss) === loss.length) throw new ImportError(`${split}_loss holds no computed value yet (all −1)`);
  return {
    format: SURFACE_FORMAT,
    layout: [],
    center: [],
    directions: [[], []],
    normalization: 'loss-landscape (.h5)',
    split,
    norm: 'running',
    alpha: x,
    beta: y,
    values: { loss: grid(loss) as number[][], ...(accData ? { accuracy: grid(metric(accData, `${split}_acc`, nx * ny, true)) as number[][] } : {}) },
    timing: { seconds: 0, workers: 0, points: nx * ny },
  };
}
