// The mesh of a loss surface as typed buffers that streaming rows fill in place: one vertex
// per grid point, normals by central differences, colormap colours, and triangles only for
// the cells whose four corners are known.
import { colormap, srgbToLinear, type ColormapName } from '../../engine/io/figure/colormaps.js';
import type { GridValues, Transform } from '../landscape/display.js';
import { colorCoordinate, worldX, worldY, worldZ, type SceneFrame } from './frame.js';

/** Vertex attributes (3 floats per vertex) and the triangle indices of a grid mesh. */
export interface LandscapeMesh {
  na: number;
  nb: number;
  positions: Float32Array;
  normals: Float32Array;
  /** Linear-light RGB, as three.js expects vertex colours to be. */
  colors: Float32Array;
  indices: Uint32Array;
}

/** Empty buffers for an na × nb grid. */
export function allocateLandscapeMesh(na: number, nb: number): LandscapeMesh {
  const vertices = na * nb;
  return {
    na,
    nb,
    positions: new Float32Array(vertices * 3),
    normals: new Float32Array(vertices * 3),
    colors: new Float32Array(vertices * 3),
    indices: new Uint32Array(Math.max(0, (na - 1) * (nb - 1) * 6)),
  };
}

/**
 * Writes the grid's known values into `mesh` (vertex i·nb + j is (α_i, β_j)); heights and
 * colours come from the plotted values in `frame`, clamped to its range. Returns the
 * number of indices to draw.
 */
export function fillLandscapeMesh(mesh: LandscapeMesh, grid: GridValues, frame: SceneFrame, transform: Transform, name: ColormapName): number {
  const { na, nb, positions, normals, colors, indices } = mesh;
  const heights = new Float32Array(na * nb).fill(NaN);
  for (let i = 0; i < na; i++) {
    const X = worldX(frame, grid.alpha[i]);
    for (let j = 0; j < nb; j++) {
      const v = i * nb + j;
      const value = grid.values[v];
      const known = Number.isFinite(value);
      const p = known ? Math.min(frame.fMax, Math.max(frame.fMin, transform(value))) : frame.fMin;
      const Y = worldY(frame, p);
      if (known) heights[v] = Y;
      positions[3 * v] = X;
      positions[3 * v + 1] = Y;
      positions[3 * v + 2] = worldZ(frame, grid.beta[j]);
      const [r, g, b] = colormap(name, colorCoordinate(frame, p));
      colors[3 * v] = srgbToLinear(r);
      colors[3 * v + 1] = srgbToLinear(g);
      colors[3 * v + 2] = srgbToLinear(b);
    }
  }
  // Normals of the height field Y(X, Z): (−∂Y/∂X, 1, −∂Y/∂Z), by central (or one-sided) differences.
  const slope = (v: number, back: number, ahead: number, dWorld: number) => {
    const h0 = Number.isFinite(heights[back]) ? heights[back] : heights[v];
    const h1 = Number.isFinite(heights[ahead]) ? heights[ahead] : heights[v];
    const span = (back === v ? 0 : 1) + (ahead === v ? 0 : 1);
    return span > 0 && Number.isFinite(h0) && Number.isFinite(h1) ? (h1 - h0) / (span * dWorld) : 0;
  };
  const dX = na > 1 ? positions[3 * nb] - positions[0] : 1;
  const dZ = nb > 1 ? positions[5] - positions[2] : 1;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const v = i * nb + j;
      const sx = slope(v, i > 0 ? v - nb : v, i < na - 1 ? v + nb : v, dX || 1);
      const sz = slope(v, j > 0 ? v - 1 : v, j < nb - 1 ? v + 1 : v, dZ || 1);
      const length = Math.hypot(sx, 1, sz);
      normals[3 * v] = -sx / length;
      normals[3 * v + 1] = 1 / length;
      normals[3 * v + 2] = -sz / length;
    }
  }
  let k = 0;
  for (let i = 0; i < na - 1; i++) {
    for (let j = 0; j < nb - 1; j++) {
      const a = i * nb + j;
      const b = a + nb;
      if (!(Number.isFinite(heights[a]) && Number.isFinite(heights[b]) && Number.isFinite(heights[a + 1]) && Number.isFinite(heights[b + 1]))) continue;
      // Counter-clockwise seen from above (+Y), as the toy surfaces.
      indices[k++] = a;
      indices[k++] = b;
      indices[k++] = b + 1;
      indices[k++] = a;
      indices[k++] = b + 1;
      indices[k++] = a + 1;
    }
  }
  return k;
}
