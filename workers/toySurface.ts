// The toy-surface job as a comlink endpoint: a plain object, the same in a Web Worker
// (toySurface.worker.ts) and under worker_threads. No DOM and no Node APIs here.
import { transfer } from 'comlink';
import { evaluateToySurface, type GridAxes, type ToyGrid, type ToySurfaceName } from '../engine/toy/surfaces.js';

/** The ArrayBuffers behind a grid's arrays, each once (subarrays may share a buffer). */
function gridBuffers(grid: ToyGrid): ArrayBuffer[] {
  const arrays = [grid.x, grid.y, grid.z, grid.gradX, grid.gradY];
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}

export const toySurfaceEndpoint = {
  /**
   * Evaluates toy surface `name` and its gradient on the grid `axes`:
   * z[i·ny + j] = f(x[i], y[j]). The arrays are transferred, not copied, to the caller.
   */
  evaluate(name: ToySurfaceName, axes: GridAxes): ToyGrid {
    const grid = evaluateToySurface(name, axes);
    return transfer(grid, gridBuffers(grid));
  },
};

/** The endpoint's type, for `wrap<ToySurfaceEndpoint>()` on the calling side. */
export type ToySurfaceEndpoint = typeof toySurfaceEndpoint;
