// The surface mesh of a grid as typed buffers: one vertex per grid point, two triangles
// per cell, exact normals from the engine's gradient, colormap vertex colours.
import { colormap, srgbToLinear, type ColormapName } from '../../engine/io/figure/colormaps.js';
import type { ToyGrid } from '../../engine/toy/surfaces.js';
import { colorCoordinate, graphNormal, worldX, worldY, worldZ, type SceneFrame } from './frame.js';

/** Vertex attributes (3 floats per vertex) and triangle indices of a surface mesh. */
export interface SurfaceBuffers {
  positions: Float32Array;
  normals: Float32Array;
  /** Linear-light RGB, as three.js expects vertex colours to be. */
  colors: Float32Array;
  indices: Uint32Array;
}

/** Builds the mesh of f over the grid; vertex i·ny + j is the point (x[i], y[j]). */
export function surfaceBuffers(grid: ToyGrid, frame: SceneFrame, name: ColormapName): SurfaceBuffers {
  const nx = grid.x.length;
  const ny = grid.y.length;
  const positions = new Float32Array(nx * ny * 3);
  const normals = new Float32Array(nx * ny * 3);
  const colors = new Float32Array(nx * ny * 3);
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const v = i * ny + j;
      const f = grid.z[v];
      positions.set([worldX(frame, grid.x[i]), worldY(frame, f), worldZ(frame, grid.y[j])], 3 * v);
      const [a, b, c] = graphNormal(frame, grid.gradX[v], grid.gradY[v]);
      const length = Math.hypot(a, b, c) || 1;
      normals.set([a / length, b / length, c / length], 3 * v);
      colors.set(colormap(name, colorCoordinate(frame, f)).map(srgbToLinear), 3 * v);
    }
  }
  const indices = new Uint32Array((nx - 1) * (ny - 1) * 6);
  let k = 0;
  for (let i = 0; i < nx - 1; i++) {
    for (let j = 0; j < ny - 1; j++) {
      const a = i * ny + j;
      const b = a + ny;
      // Counter-clockwise seen from above (+Y): (x, y) → (x + dx, y) → (x + dx, y + dy).
      indices.set([a, b, b + 1, a, b + 1, a + 1], k);
      k += 6;
    }
  }
  return { positions, normals, colors, indices };
}
