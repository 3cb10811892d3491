// The tests' own bilinear interpolation of a surface file's loss (independent of the exporters').
import type { SurfaceFile } from '../../../engine/io/index.js';

function locate(axis: number[], x: number): [number, number] {
  let k = 0;
  while (k < axis.length - 2 && axis[k + 1] <= x) k++;
  return [k, (x - axis[k]) / (axis[k + 1] - axis[k])];
}

/** L at (α, β) inside the grid by bilinear interpolation of values.loss. */
export function bilinearLoss(file: SurfaceFile, a: number, b: number): number {
  const [i, u] = locate(file.alpha, a);
  const [j, w] = locate(file.beta, b);
  const L = file.values.loss;
  return (1 - u) * (1 - w) * L[i][j] + u * (1 - w) * L[i + 1][j] + (1 - u) * w * L[i][j + 1] + u * w * L[i + 1][j + 1];
}
