// An orthographic camera around the unit box of a 3D surface figure, as matplotlib's
// mplot3d: azimuth about the vertical axis, elevation above the floor, in degrees.

/** The figure's world: α in [−1, 1] along x, β in [−1, 1] along y, the value in [0, height] along z. */
export const BOX_HEIGHT = 1.5;

export interface Camera {
  azimuth: number;
  elevation: number;
}

/** Matplotlib's default view (elev 30°, azim −60°). */
export const defaultCamera: Camera = { azimuth: -60, elevation: 30 };

export interface Projection {
  /** Screen x (right), screen y (down) and depth (larger is nearer the viewer), before fitting. */
  project(x: number, y: number, z: number): [number, number, number];
  /** The direction towards the viewer. */
  toViewer: [number, number, number];
}

/** The projection of a camera; the box is centred on the origin. */
export function projection(camera: Camera): Projection {
  const az = (camera.azimuth * Math.PI) / 180;
  const el = (camera.elevation * Math.PI) / 180;
  const c: [number, number, number] = [Math.cos(el) * Math.cos(az), Math.cos(el) * Math.sin(az), Math.sin(el)];
  const right = [-Math.sin(az), Math.cos(az), 0];
  const up = [-Math.sin(el) * Math.cos(az), -Math.sin(el) * Math.sin(az), Math.cos(el)];
  return {
    toViewer: c,
    project(x, y, z) {
      const zc = z - BOX_HEIGHT / 2;
      return [x * right[0] + y * right[1], -(x * up[0] + y * up[1] + zc * up[2]), x * c[0] + y * c[1] + zc * c[2]];
    },
  };
}
