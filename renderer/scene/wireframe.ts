// The wireframe over a landscape mesh: the grid's lines along α and β (every `stride`-th one
// on large grids, and always the border), as index pairs into the mesh's vertex buffer, so
// it follows streamed rows without a second copy of the positions. Its colours are ink that
// reads over the colormap under each vertex.
import { colormap, srgbToLinear, type ColormapName } from '../../engine/io/figure/colormaps.js';
import { blendedInk } from '../colormap/ink.js';
import { colorCoordinate, type SceneFrame } from './frame.js';

/** Most lines drawn along each axis: denser grids are thinned out, or the lines would fill the surface. */
const MAX_LINES = 50;

/** Index pairs of the drawn edges, and a linear-light colour per mesh vertex. */
export interface Wireframe {
  edges: Uint32Array;
  colors: Float32Array;
}

/** Grid lines skipped between two drawn ones on an axis of `n` points. */
export function wireframeStride(n: number): number {
  return Math.max(1, Math.ceil((n - 1) / MAX_LINES));
}

/** Room for every edge of an na × nb grid, two indices each, and a colour per vertex. */
export function allocateWireframe(na: number, nb: number): Wireframe {
  return { edges: new Uint32Array(Math.max(0, 2 * ((na - 1) * nb + na * (nb - 1)))), colors: new Float32Array(na * nb * 3) };
}

/** Whether line k of an axis of n points is drawn. */
function drawn(k: number, n: number, stride: number): boolean {
  return k % stride === 0 || k === n - 1;
}

/**
 * Writes the index pairs of the drawn grid lines between known values (vertex i·nb + j is
 * (α_i, β_j)) into `wire.edges`, and the ink over each vertex of height `positions` (the
 * mesh's, in `frame`) into `wire.colors`; returns how many indices to draw.
 */
export function fillWireframe(wire: Wireframe, values: ArrayLike<number>, na: number, nb: number, positions: Float32Array, frame: SceneFrame, name: ColormapName): number {
  const { edges, colors } = wire;
  const sa = wireframeStride(na);
  const sb = wireframeStride(nb);
  const known = (v: number) => Number.isFinite(values[v]);
  let k = 0;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const v = i * nb + j;
      if (!known(v)) continue;
      const [r, g, b] = blendedInk(colormap(name, colorCoordinate(frame, positions[3 * v + 1] / frame.sf + frame.fMin)));
      colors[3 * v] = srgbToLinear(r);
      colors[3 * v + 1] = srgbToLinear(g);
      colors[3 * v + 2] = srgbToLinear(b);
      // Along α on the drawn β lines, along β on the drawn α lines.
      if (i < na - 1 && drawn(j, nb, sb) && known(v + nb)) {
        edges[k++] = v;
        edges[k++] = v + nb;
      }
      if (j < nb - 1 && drawn(i, na, sa) && known(v + 1)) {
        edges[k++] = v;
        edges[k++] = v + 1;
      }
    }
  }
  return k;
}
