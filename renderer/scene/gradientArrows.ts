// The gradient field as arrows drawn on the surface: each arrow points downhill (−∇f),
// lies in the surface's tangent plane and is as long as √(|∇f| / max |∇f|) allows. Arrows
// are light on the dark part of the colormap and dark on its bright end, to stay readable.
import type { ToyGrid } from '../../engine/toy/surfaces.js';
import { colorCoordinate, graphNormal, worldX, worldY, worldZ, type SceneFrame } from './frame.js';

type Vec3 = [number, number, number];

/** How many arrows and how large, in world units. */
export interface ArrowOptions {
  /** Grid points between arrows along each axis. */
  stride: number;
  /** Length of the longest arrow. */
  length: number;
  /** Lift above the surface along its normal, against depth fighting. */
  lift: number;
}

const defaults: ArrowOptions = { stride: 6, length: 0.12, lift: 0.012 };

/** Linear-light RGB of arrows on dark and on bright parts of the surface. */
const LIGHT_ARROW: Vec3 = [0.92, 0.94, 1];
const DARK_ARROW: Vec3 = [0.006, 0.008, 0.02];
/** Colormap coordinate above which the surface is bright enough for dark arrows. */
const BRIGHT_FROM = 0.72;

/** Line segments of the downhill arrows: pairs of points and their colours, 3 floats each. */
export interface ArrowSegments {
  positions: Float32Array;
  colors: Float32Array;
}

/** The downhill arrows on a coarser lattice of the grid, three segments per arrow. */
export function gradientArrowSegments(grid: ToyGrid, frame: SceneFrame, options: Partial<ArrowOptions> = {}): ArrowSegments {
  const { stride, length, lift } = { ...defaults, ...options };
  const nx = grid.x.length;
  const ny = grid.y.length;
  let gMax = 0;
  for (let v = 0; v < nx * ny; v++) {
    const g = Math.hypot(grid.gradX[v], grid.gradY[v]);
    if (Number.isFinite(g) && g > gMax) gMax = g;
  }
  const points: number[] = [];
  const colors: number[] = [];
  // Arrows sit between the grid lines of a coarser lattice, so none starts on the border.
  for (let i = Math.floor(stride / 2); i < nx; i += stride) {
    for (let j = Math.floor(stride / 2); j < ny; j += stride) {
      const v = i * ny + j;
      const fx = grid.gradX[v];
      const fy = grid.gradY[v];
      const g = Math.hypot(fx, fy);
      if (!(g > gMax * 1e-3) || !Number.isFinite(g)) continue;
      const n = unit(graphNormal(frame, fx, fy));
      // A step of h along −∇f/|∇f| in the plane changes f by −|∇f|·h.
      const direction = unit([-(fx / g) * frame.sx, -g * frame.sf, (fy / g) * frame.sy]);
      const size = length * (0.3 + 0.7 * Math.sqrt(g / gMax));
      const base = add([worldX(frame, grid.x[i]), worldY(frame, grid.z[v]), worldZ(frame, grid.y[j])], scale(n, lift));
      const tip = add(base, scale(direction, size));
      const side = unit(cross(direction, n));
      const back = add(tip, scale(direction, -0.35 * size));
      points.push(...base, ...tip);
      points.push(...tip, ...add(back, scale(side, 0.2 * size)));
      points.push(...tip, ...add(back, scale(side, -0.2 * size)));
      const color = colorCoordinate(frame, grid.z[v]) > BRIGHT_FROM ? DARK_ARROW : LIGHT_ARROW;
      for (let k = 0; k < 6; k++) colors.push(...color);
    }
  }
  return { positions: new Float32Array(points), colors: new Float32Array(colors) };
}

function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

function scale(a: Vec3, s: number): Vec3 {
  return [a[0] * s, a[1] * s, a[2] * s];
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function unit(a: Vec3): Vec3 {
  const length = Math.hypot(...a) || 1;
  return scale(a, 1 / length);
}
