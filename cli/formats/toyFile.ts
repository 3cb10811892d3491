/** The toy-surface file, `losscape.toy/1`: axes and nested grids, z[i][j] = f(x[i], y[j]). */
import type { ToyGrid, ToySurfaceName } from '../../engine/toy/surfaces.js';

/** A toy surface with its gradient field on a grid, as written to JSON. */
export interface ToyFile {
  format: 'losscape.toy/1';
  name: ToySurfaceName;
  x: number[];
  y: number[];
  z: number[][];
  gradX: number[][];
  gradY: number[][];
}

/** Splits a row-major `[nx·ny]` array into nx rows of ny values. */
function rows(values: Float64Array, nx: number, ny: number): number[][] {
  return Array.from({ length: nx }, (_, i) => Array.from(values.subarray(i * ny, (i + 1) * ny)));
}

/** Converts the engine's flat grid to the file's nested arrays. */
export function toToyFile(grid: ToyGrid): ToyFile {
  const nx = grid.x.length;
  const ny = grid.y.length;
  return {
    format: 'losscape.toy/1',
    name: grid.name,
    x: Array.from(grid.x),
    y: Array.from(grid.y),
    z: rows(grid.z, nx, ny),
    gradX: rows(grid.gradX, nx, ny),
    gradY: rows(grid.gradY, nx, ny),
  };
}
