// Decision regions of a classifier with two inputs: the class probabilities over a grid that
// covers the data's input plane, as TensorFlow Playground draws them behind the samples.
// One compiled forward pass over all grid cells at once; nothing allocated per call but the result.
import { CONSTANT_INPUT_NAME, type PreparedData } from '../data/index.js';
import { compileMlp, createWorkspace, forwardPass } from '../nn/fast/network.js';
import { buildLayout, type MlpSpec } from '../nn/index.js';

export interface Interval {
  min: number;
  max: number;
}

/** The plane of a data set's two features, and where they sit among the model's inputs. */
export interface RegionPlane {
  x: Interval;
  y: Interval;
  /** 1 when the constant input x₀ = 1 comes first, else 0. */
  offset: number;
}

/** Class probabilities on a size × size grid of cells over a plane. */
export interface RegionGrid {
  size: number;
  classes: number;
  x: Interval;
  y: Interval;
  /**
   * probabilities[(i·size + j)·classes + c]: p(class c) at the centre of cell (i, j), which is
   * x = x.min + (j + ½)·(x.max − x.min)/size and y = y.min + (i + ½)·(y.max − y.min)/size (i = 0 at the bottom).
   */
  probabilities: Float32Array;
}

function span(values: Float64Array, column: number, stride: number, into: Interval): void {
  for (let k = column; k < values.length; k += stride) {
    if (values[k] < into.min) into.min = values[k];
    if (values[k] > into.max) into.max = values[k];
  }
}

/** The plane of a classification set with two features (train and test samples, padded by `padding` of each span); null for other data. */
export function regionPlane(data: PreparedData, padding = 0.06): RegionPlane | null {
  const offset = data.featureNames[0] === CONSTANT_INPUT_NAME ? 1 : 0;
  if (data.task !== 'classification' || data.d - offset !== 2 || data.train.n + data.test.n === 0) return null;
  const [x, y] = [0, 1].map((j) => {
    const range = { min: Infinity, max: -Infinity };
    for (const split of [data.train, data.test]) span(split.x, offset + j, data.d, range);
    const pad = (range.max - range.min) * padding || 0.5;
    return { min: range.min - pad, max: range.max + pad };
  });
  return { x, y, offset };
}

/** x and y of cell (i, j)'s centre. */
export function cellCentre(grid: Pick<RegionGrid, 'size' | 'x' | 'y'>, i: number, j: number): [number, number] {
  const { size, x, y } = grid;
  return [x.min + ((j + 0.5) * (x.max - x.min)) / size, y.min + ((i + 0.5) * (y.max - y.min)) / size];
}

/**
 * A function from (θ, batch-norm buffers) to the model's decision regions over `plane`. Batch
 * norm uses the running statistics: the prediction for a single input, as in evaluation.
 */
export function regionSampler(spec: MlpSpec, plane: RegionPlane, size = 64): (theta: Float64Array, buffers: Record<string, Float64Array>) => RegionGrid {
  const net = compileMlp(spec, buildLayout(spec));
  const n = size * size;
  const ws = createWorkspace(net, n);
  const x = new Float64Array(n * spec.inputs);
  const geometry = { size, x: plane.x, y: plane.y };
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const row = (i * size + j) * spec.inputs;
      if (plane.offset === 1) x[row] = 1;
      [x[row + plane.offset], x[row + plane.offset + 1]] = cellCentre(geometry, i, j);
    }
  }
  const targets = new Float64Array(n * spec.outputs); // the loss is computed and ignored
  const classes = spec.loss === 'bce' ? 2 : spec.outputs;
  return (theta, buffers) => {
    forwardPass(net, ws, theta, x, n, targets, { kind: 'running', buffers });
    const logits = ws.pre[spec.hidden.length];
    const probabilities = new Float32Array(n * classes);
    for (let k = 0; k < n; k++) {
      if (spec.loss === 'bce') {
        const p = 1 / (1 + Math.exp(-logits[k]));
        probabilities[2 * k] = 1 - p;
        probabilities[2 * k + 1] = p;
        continue;
      }
      // A stable softmax over the row's logits.
      let max = -Infinity;
      for (let c = 0; c < classes; c++) max = Math.max(max, logits[k * classes + c]);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += Math.exp(logits[k * classes + c] - max);
      for (let c = 0; c < classes; c++) probabilities[k * classes + c] = Math.exp(logits[k * classes + c] - max) / sum;
    }
    return { ...geometry, classes, probabilities };
  };
}
