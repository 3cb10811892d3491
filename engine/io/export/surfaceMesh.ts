// The surface as a triangle mesh in a unit box, shared by the glTF, OBJ and STL exporters:
// one vertex per grid point, two triangles per cell whose corners are all known, a colour
// per vertex from the colormap, and the optimizer's path lifted just above the surface.
import { colormap, type ColormapName, type Rgb } from '../figure/colormaps.js';
import { surfaceGrid, valueAt, type Metric, type SurfaceGrid } from '../figure/grid.js';
import type { SurfaceFile } from '../surfaceFile.js';
import { ExportError } from './exportError.js';

export interface MeshOptions {
  metric?: Metric;
  /** Heights from log₁₀ of the metric. */
  log?: boolean;
  colormap?: ColormapName;
  /** Height of the box the values span (α and β span [−1, 1]); default 1. */
  height?: number;
}

/** How mesh coordinates map back to the surface: what a reader needs to undo the scaling. */
export interface MeshMapping {
  /** x = −1 + 2·(α − alpha[0])/(alpha[1] − alpha[0]); likewise y from β. */
  alpha: [number, number];
  beta: [number, number];
  /** z = height·(v − value[0])/(value[1] − value[0]), v the metric (its log₁₀ with `log`). */
  value: [number, number];
  height: number;
  metric: Metric;
  log: boolean;
}

export interface SurfaceMesh {
  /** Z-up positions (x from α, y from β, z from the value), one per grid point k = i·nβ + j. */
  positions: Float64Array;
  /** Unit normals, pointing up (+z). */
  normals: Float64Array;
  /** sRGB colours in [0, 1]. */
  colors: Float64Array;
  /** Counter-clockwise seen from above; cells with a missing corner have none. */
  triangles: Uint32Array;
  /** The path's pieces on the grid, as Z-up positions (a piece ends where the path leaves the grid). */
  path: Float64Array[];
  mapping: MeshMapping;
  grid: SurfaceGrid;
}

/** Lift of the path above the surface, in box units. */
const PATH_LIFT = 0.01;

/** Builds the mesh of a surface file. */
export function surfaceMesh(file: SurfaceFile, options: MeshOptions = {}): SurfaceMesh {
  const log = options.log ?? false;
  const grid = surfaceGrid(file, options.metric, log);
  if (!grid.range) throw new ExportError(`the surface has no finite ${grid.metric} values to build a mesh from`);
  const { alpha, beta, values } = grid;
  const height = options.height ?? 1;
  const na = alpha.length;
  const nb = beta.length;
  const { min, max } = grid.range;
  const span = max - min;
  const wx = (a: number) => -1 + (2 * (a - alpha[0])) / (alpha[na - 1] - alpha[0]);
  const wy = (b: number) => -1 + (2 * (b - beta[0])) / (beta[nb - 1] - beta[0]);
  const wz = (v: number) => (span > 0 ? (height * (v - min)) / span : 0);
  const map: Rgb = [0.6, 0.6, 0.6];

  const n = na * nb;
  const positions = new Float64Array(3 * n);
  const colors = new Float64Array(3 * n);
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const k = i * nb + j;
      const v = values[k];
      positions.set([wx(alpha[i]), wy(beta[j]), Number.isFinite(v) ? wz(v) : 0], 3 * k);
      colors.set(Number.isFinite(v) ? colormap(options.colormap ?? 'viridis', span > 0 ? (v - min) / span : 0.5) : map, 3 * k);
    }
  }

  const triangles: number[] = [];
  const known = (i: number, j: number) => Number.isFinite(values[i * nb + j]);
  for (let i = 0; i + 1 < na; i++) {
    for (let j = 0; j + 1 < nb; j++) {
      if (!(known(i, j) && known(i + 1, j) && known(i, j + 1) && known(i + 1, j + 1))) continue;
      const k = i * nb + j;
      triangles.push(k, k + nb, k + nb + 1, k, k + nb + 1, k + 1);
    }
  }
  if (triangles.length === 0) throw new ExportError('the surface has no cell whose four corners are known: nothing to draw');

  return {
    positions,
    normals: vertexNormals(positions, values, na, nb),
    colors,
    triangles: Uint32Array.from(triangles),
    path: pathPieces(grid, (a, b, v) => [wx(a), wy(b), wz(v) + PATH_LIFT]),
    mapping: { alpha: [alpha[0], alpha[na - 1]], beta: [beta[0], beta[nb - 1]], value: [min, max], height, metric: grid.metric, log },
    grid,
  };
}

/** Normals from central differences along the grid (one-sided at edges and beside gaps). */
function vertexNormals(p: Float64Array, values: Float64Array, na: number, nb: number): Float64Array {
  const normals = new Float64Array(p.length);
  const ok = (i: number, j: number) => i >= 0 && i < na && j >= 0 && j < nb && Number.isFinite(values[i * nb + j]);
  const diff = (a: number, b: number) => [p[3 * b] - p[3 * a], p[3 * b + 1] - p[3 * a + 1], p[3 * b + 2] - p[3 * a + 2]];
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const k = i * nb + j;
      let n = [0, 0, 1];
      if (ok(i, j)) {
        const ti = diff(ok(i - 1, j) ? k - nb : k, ok(i + 1, j) ? k + nb : k);
        const tj = diff(ok(i, j - 1) ? k - 1 : k, ok(i, j + 1) ? k + 1 : k);
        const c = [ti[1] * tj[2] - ti[2] * tj[1], ti[2] * tj[0] - ti[0] * tj[2], ti[0] * tj[1] - ti[1] * tj[0]];
        const len = Math.hypot(c[0], c[1], c[2]);
        if (len > 0) n = c.map((x) => x / len);
      }
      normals.set(n, 3 * k);
    }
  }
  return normals;
}

/** The path's points on the grid with interpolated heights, split where it leaves the grid. */
function pathPieces(grid: SurfaceGrid, world: (a: number, b: number, v: number) => number[]): Float64Array[] {
  const pieces: number[][] = [[]];
  for (const p of grid.trajectory) {
    const v = valueAt(grid, p.alpha, p.beta);
    if (Number.isFinite(v)) pieces[pieces.length - 1].push(...world(p.alpha, p.beta, v));
    else if (pieces[pieces.length - 1].length) pieces.push([]);
  }
  return pieces.filter((piece) => piece.length >= 6).map((piece) => Float64Array.from(piece));
}

/** A header line per mapped coordinate, for text formats (OBJ comments, the STL header). */
export function mappingLines(m: MeshMapping, up: 'y' | 'z'): string[] {
  const v = m.log ? `log10(${m.metric})` : m.metric;
  const [b, h] = up === 'z' ? ['y', 'z'] : ['-z', 'y'];
  return [
    `x = -1 + 2*(alpha - ${m.alpha[0]})/(${m.alpha[1]} - ${m.alpha[0]})`,
    `${b} = -1 + 2*(beta - ${m.beta[0]})/(${m.beta[1]} - ${m.beta[0]})`,
    `${h} = ${m.height}*(${v} - ${m.value[0]})/(${m.value[1]} - ${m.value[0]})`,
  ];
}
