// The grid as a small colormapped image (one pixel per grid point, β up), for the contour plot's
// background and the heatmap view. DOM only at the end: the pixels are computed by a pure function, and put into
// a canvas that the browser scales (never encoded to PNG: that is slow in software GL).
import { colormap, type ColormapName } from '../../engine/io/figure/colormaps.js';
import type { SurfaceDisplay } from '../landscape/surfaceDisplay.js';

/** RGBA pixels of the grid, na wide and nb high, row 0 at the top (the largest β); unknown values transparent. */
export function heatmapPixels(display: SurfaceDisplay, range: { min: number; max: number }, name: ColormapName): Uint8ClampedArray<ArrayBuffer> {
  const { alpha, beta, values } = display.grid;
  const na = alpha.length;
  const nb = beta.length;
  const pixels = new Uint8ClampedArray(new ArrayBuffer(na * nb * 4));
  const span = range.max - range.min;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const v = values[i * nb + j];
      if (!Number.isFinite(v)) continue;
      const t = span > 0 ? (display.transform(v) - range.min) / span : 0.5;
      const [r, g, b] = colormap(name, t);
      const p = ((nb - 1 - j) * na + i) * 4;
      pixels[p] = r * 255;
      pixels[p + 1] = g * 255;
      pixels[p + 2] = b * 255;
      pixels[p + 3] = 255;
    }
  }
  return pixels;
}

/** Draws the heatmap into `canvas` (resized to the grid): one putImageData, no encoding. */
export function drawHeatmap(canvas: HTMLCanvasElement, display: SurfaceDisplay, range: { min: number; max: number }, name: ColormapName): void {
  const width = display.grid.alpha.length;
  const height = display.grid.beta.length;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  canvas.getContext('2d')?.putImageData(new ImageData(heatmapPixels(display, range, name), width, height), 0, 0);
}
