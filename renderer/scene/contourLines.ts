// Contour lines in the 3D plot box: each level's marching-squares segments on the surface at
// the level's height, or projected flat onto the floor below it (matplotlib's
// `contour(…, offset=)` look). Segment ends lie on grid edges, where the mesh is linear, so
// they sit exactly on the surface.
import type { Rgb } from '../../engine/io/figure/colormaps.js';
import { contourSegments } from '../landscape/contours.js';
import type { GridValues } from '../landscape/display.js';
import { worldX, worldZ, type SceneFrame } from './frame.js';

/** Line segments as pairs of points, with a colour per point: 3 floats each. */
export interface LineBuffers {
  positions: Float32Array;
  colors: Float32Array;
}

/** Where and in which colour the lines of a level go. */
export interface ContourPlacement {
  /** World height (Y) of the lines of `level` (plotted units). */
  height: (level: number) => number;
  /** Linear-light colour of the lines of `level`. */
  color: (level: number) => Rgb;
}

/** The axis value at fractional index s (the axis is ascending; it need not be even). */
function along(axis: Float64Array, s: number): number {
  const k = Math.min(axis.length - 2, Math.floor(s));
  return axis[k] + (s - k) * (axis[k + 1] - axis[k]);
}

/** The level sets of the plotted grid (values[i·nβ + j] at (α_i, β_j)) at `levels`, as world-space segments. */
export function contourLines(plotted: GridValues, frame: SceneFrame, levels: readonly number[], placement: ContourPlacement): LineBuffers {
  const { alpha, beta, values } = plotted;
  const positions: number[] = [];
  const colors: number[] = [];
  for (const level of levels) {
    const segments = contourSegments(values, alpha.length, beta.length, level);
    const Y = placement.height(level);
    const color = placement.color(level);
    for (let k = 0; k < segments.length; k += 2) {
      positions.push(worldX(frame, along(alpha, segments[k])), Y, worldZ(frame, along(beta, segments[k + 1])));
      colors.push(...color);
    }
  }
  return { positions: Float32Array.from(positions), colors: Float32Array.from(colors) };
}
