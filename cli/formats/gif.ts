/**
 * An animated GIF of a training run on its surface: one frame per snapshot (or an even
 * sample of them), each the figure with the path travelled so far and a marker at that
 * snapshot, rasterized by resvg and encoded by the engine's GIF writer.
 */
import { animatedGif } from '../../engine/io/export/index.js';
import type { SurfaceFile } from '../../engine/io/index.js';
import { CliError } from '../errors.js';
import { svgToRgba } from './png.js';

/** Frame k of n snapshots → the figure's SVG with the marker on snapshot `marker`. */
export type FrameFigure = (marker: number) => string;

/** Which of `count` snapshots the frames show: about `frames` of them, evenly, first and last included. */
export function frameSnapshots(count: number, frames: number): number[] {
  if (count <= frames) return Array.from({ length: count }, (_, k) => k);
  return Array.from({ length: frames }, (_, k) => Math.round((k * (count - 1)) / (frames - 1)));
}

/** The GIF of a surface's path, `frames` frames at `fps` frames per second, looping; the last frame stays for eight. */
export function trajectoryGif(file: SurfaceFile, figure: FrameFigure, options: { frames: number; fps: number }): Uint8Array {
  const count = file.trajectory?.length ?? 0;
  if (count === 0) throw new CliError('this surface file has no trajectory to animate; compute it from a run with snapshots');
  const snapshots = frameSnapshots(count, Math.max(2, options.frames));
  return animatedGif(snapshots.map((k) => svgToRgba(figure(k))), { fps: options.fps, holdSeconds: 7 / options.fps });
}
