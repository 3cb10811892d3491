// The plot box: how grid coordinates (x, y, f) map into the 3D world. The world is Y-up, so
// x → X, y → −Z (a right-handed turn of the usual maths axes) and f → Y.
import type { ToyGrid } from '../../engine/toy/surfaces.js';

/** Half the width of the square floor, in world units. */
export const BOX_HALF_WIDTH = 1;
/** Height of the box that holds f from its minimum to its maximum, in world units. */
export const BOX_HEIGHT = 1.1;

/** Height of the floor, just under the lowest point of the surface, in world units. */
export const FLOOR_Y = -0.06;

/** The ranges of a grid and its world scale (world units per unit of x, y and f). */
export interface SceneFrame {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  fMin: number;
  fMax: number;
  sx: number;
  sy: number;
  sf: number;
}

/** The frame that fits `grid` into the plot box; non-finite values of f are ignored. */
export function sceneFrame(grid: ToyGrid): SceneFrame {
  let fMin = Infinity;
  let fMax = -Infinity;
  for (const f of grid.z) {
    if (!Number.isFinite(f)) continue;
    if (f < fMin) fMin = f;
    if (f > fMax) fMax = f;
  }
  if (fMin > fMax) [fMin, fMax] = [0, 0];
  return frameOf(grid.x, grid.y, { min: fMin, max: fMax });
}

/** The frame of a grid over axes x and y (ascending) whose plotted values span `range`. */
export function frameOf(x: ArrayLike<number>, y: ArrayLike<number>, range: { min: number; max: number }): SceneFrame {
  const xMin = x[0];
  const xMax = x[x.length - 1];
  const yMin = y[0];
  const yMax = y[y.length - 1];
  return {
    xMin,
    xMax,
    yMin,
    yMax,
    fMin: range.min,
    fMax: range.max,
    sx: (2 * BOX_HALF_WIDTH) / (xMax - xMin),
    sy: (2 * BOX_HALF_WIDTH) / (yMax - yMin),
    sf: range.max > range.min ? BOX_HEIGHT / (range.max - range.min) : 0,
  };
}

/** Grid coordinate x of world X (the inverse of worldX). */
export function gridX(frame: SceneFrame, X: number): number {
  return X / frame.sx + (frame.xMin + frame.xMax) / 2;
}

/** Grid coordinate y of world Z (the inverse of worldZ). */
export function gridY(frame: SceneFrame, Z: number): number {
  return -Z / frame.sy + (frame.yMin + frame.yMax) / 2;
}

/** World X of grid coordinate x. */
export function worldX(frame: SceneFrame, x: number): number {
  return (x - (frame.xMin + frame.xMax) / 2) * frame.sx;
}

/** World Z of grid coordinate y (y grows away from the default viewer, along −Z). */
export function worldZ(frame: SceneFrame, y: number): number {
  return -(y - (frame.yMin + frame.yMax) / 2) * frame.sy;
}

/** World Y (height) of value f; the box floor is at 0. Non-finite f sits on the floor. */
export function worldY(frame: SceneFrame, f: number): number {
  return Number.isFinite(f) ? (f - frame.fMin) * frame.sf : 0;
}

/** Where f sits between its minimum (0) and maximum (1): the colormap coordinate. */
export function colorCoordinate(frame: SceneFrame, f: number): number {
  return frame.fMax > frame.fMin ? (f - frame.fMin) / (frame.fMax - frame.fMin) : 0.5;
}

/**
 * The surface normal of the graph of f in world coordinates at a point with gradient
 * (fx, fy), not normalized: the cross product of the tangents (sx, sf·fx, 0) and (0, sf·fy, −sy).
 */
export function graphNormal(frame: SceneFrame, fx: number, fy: number): [number, number, number] {
  const { sx, sy, sf } = frame;
  return [-sy * sf * fx, sx * sy, sx * sf * fy];
}
