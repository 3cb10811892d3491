// loss-landscape's datasets to surface and line files: the value at (x_i, y_j) is element
// j·nx + i of the array, −1 marks a point not computed yet, accuracies are percentages.
import { describe, expect, it } from 'vitest';
import { fromLossLandscape, type LossLandscapeDatasets } from '../../../../engine/io/import/index.js';
import { readSurfaceFile, type LineFile, type SurfaceFile } from '../../../../engine/io/index.js';

const x = [-1, 0, 1];
const y = [0, 0.5];
const flat = (f: (a: number, b: number) => number) => y.flatMap((b) => x.map((a) => f(a, b)));
const datasets: LossLandscapeDatasets = {
  xcoordinates: { shape: [3], data: x },
  ycoordinates: { shape: [2], data: y },
  train_loss: { shape: [3, 2], data: flat((a, b) => 10 * a + b) },
  train_acc: { shape: [3, 2], data: flat(() => 50) },
  test_loss: { shape: [3, 2], data: flat((a, b) => (a === 0 && b === 0.5 ? -1 : 20 * a + b)) },
};

describe('loss-landscape .h5 datasets', () => {
  it('become a surface file with loss[i][j] at (x_i, y_j) and accuracies as fractions', () => {
    const file = fromLossLandscape(datasets) as SurfaceFile;
    expect(readSurfaceFile(JSON.stringify(file))).toEqual(file);
    expect(file.alpha).toEqual(x);
    expect(file.beta).toEqual(y);
    expect(file.values.loss).toEqual([[-10, -9.5], [0, 0.5], [10, 10.5]]);
    expect(file.values.accuracy![2][1]).toBe(0.5);
    expect(file.split).toBe('train');
  });

  it('mark points not computed yet (−1) as missing, and read the test split on request', () => {
    const file = fromLossLandscape(datasets, { split: 'test' }) as SurfaceFile;
    expect(file.values.loss[1]).toEqual([0, null]);
    expect(file.values.accuracy).toBeUndefined();
  });

  it('without ycoordinates, become a line file', () => {
    const line = fromLossLandscape({ xcoordinates: datasets.xcoordinates, train_loss: { shape: [3], data: [3, 2, 1] } }) as LineFile;
    expect(line).toMatchObject({ format: 'losscape.line/1', t: x, values: { loss: [3, 2, 1] } });
  });

  it('refuse files that are not loss-landscape surfaces, saying what is missing or wrong', () => {
    expect(() => fromLossLandscape({})).toThrow('this is not a loss-landscape surface file: it has no xcoordinates dataset');
    expect(() => fromLossLandscape({ ...datasets, xcoordinates: { shape: [3], data: [0, 0, 1] } })).toThrow('xcoordinates must increase');
    expect(() => fromLossLandscape({ ...datasets, train_loss: { shape: [5], data: [1, 2, 3, 4, 5] } })).toThrow('train_loss has 5 values, the coordinates make 6 points');
    expect(() => fromLossLandscape({ xcoordinates: datasets.xcoordinates, test_loss: { shape: [3], data: [1, 2, 3] } }, { split: 'train' })).toThrow(/no train_loss dataset; choose the test split/);
    expect(() => fromLossLandscape({ ...datasets, train_loss: { shape: [3, 2], data: flat(() => -1) } })).toThrow('train_loss holds no computed value yet (all −1)');
  });
});
