// Decision regions as a small image behind the scatter preview: each cell the mix of the class
// colours weighted by the model's probabilities, more opaque where the model is more certain.
// Pixels from a pure function; the DOM only encodes the 64 × 64 result.
import type { RegionGrid } from '../../engine/analysis/decisionRegions.js';

/** Opacity of a cell the model is certain about; an undecided cell (uniform probabilities) gets MIN_ALPHA. */
const MAX_ALPHA = 0.6;
const MIN_ALPHA = 0.1;

/** '#rrggbb' as [r, g, b], 0 … 255. */
export function hexChannels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** RGBA pixels of the grid, size × size, row 0 at the top (the largest y). */
export function regionPixels(grid: RegionGrid, colors: readonly string[]): Uint8ClampedArray<ArrayBuffer> {
  const { size, classes, probabilities } = grid;
  const rgb = Array.from({ length: classes }, (_, c) => hexChannels(colors[c % colors.length]));
  const pixels = new Uint8ClampedArray(new ArrayBuffer(size * size * 4));
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const k = (i * size + j) * classes;
      const p = ((size - 1 - i) * size + j) * 4;
      let [r, g, b, top] = [0, 0, 0, 0];
      for (let c = 0; c < classes; c++) {
        const w = probabilities[k + c];
        r += w * rgb[c][0];
        g += w * rgb[c][1];
        b += w * rgb[c][2];
        top = Math.max(top, w);
      }
      [pixels[p], pixels[p + 1], pixels[p + 2]] = [r, g, b];
      const certainty = classes > 1 ? (top - 1 / classes) / (1 - 1 / classes) : 1;
      pixels[p + 3] = 255 * (MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * certainty);
    }
  }
  return pixels;
}

/** The regions as a PNG data URL (small: one pixel per cell, the browser smooths it when scaling). */
export function regionImageUrl(grid: RegionGrid, colors: readonly string[]): string {
  const canvas = document.createElement('canvas');
  canvas.width = grid.size;
  canvas.height = grid.size;
  canvas.getContext('2d')?.putImageData(new ImageData(regionPixels(grid, colors), grid.size, grid.size), 0, 0);
  return canvas.toDataURL('image/png');
}
