// Pixel statistics of screenshots, for assertions that need no reference image.
import type { PNG } from 'pngjs';
import { colormap, type ColormapName } from '../../engine/io/figure/colormaps.js';

/** An sRGB colour with channels 0…255. */
export type Rgb255 = [number, number, number];

function pixel(png: PNG, index: number): Rgb255 {
  return [png.data[4 * index], png.data[4 * index + 1], png.data[4 * index + 2]];
}

function distance(a: Rgb255, b: Rgb255): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** The most frequent colour of the image: the background of a plot. */
export function dominantColor(png: PNG): Rgb255 {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < png.width * png.height; i++) {
    const [r, g, b] = pixel(png, i);
    const key = (r << 16) | (g << 8) | b;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  return [(best >> 16) & 0xff, (best >> 8) & 0xff, best & 0xff];
}

/** The fraction of pixels farther than `tolerance` (Euclidean, 0…255 channels) from `color`. */
export function fractionUnlike(png: PNG, color: Rgb255, tolerance = 24): number {
  let unlike = 0;
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) if (distance(pixel(png, i), color) > tolerance) unlike++;
  return unlike / n;
}

/**
 * How many pixels fall close (within `tolerance`) to each of `bands` equal parts of the colormap
 * `name`: counts[0] is its low end, counts[bands − 1] its high end.
 */
export function colormapBandCounts(png: PNG, name: ColormapName, bands = 8, tolerance = 22): number[] {
  const samples = Array.from({ length: 128 }, (_, k) => {
    const t = k / 127;
    return { t, rgb: colormap(name, t).map((c) => c * 255) as Rgb255 };
  });
  const counts = new Array<number>(bands).fill(0);
  for (let i = 0; i < png.width * png.height; i++) {
    const p = pixel(png, i);
    let nearest = samples[0];
    let nearestDistance = Infinity;
    for (const sample of samples) {
      const d = distance(p, sample.rgb);
      if (d < nearestDistance) [nearest, nearestDistance] = [sample, d];
    }
    if (nearestDistance <= tolerance) counts[Math.min(bands - 1, Math.floor(nearest.t * bands))]++;
  }
  return counts;
}

/** colormapBandCounts of viridis: counts[0] is the dark-purple low end, counts[bands − 1] the yellow high end. */
export function viridisBandCounts(png: PNG, bands = 8, tolerance = 22): number[] {
  return colormapBandCounts(png, 'viridis', bands, tolerance);
}

/** Parses '#rrggbb' into channels 0…255. */
export function hexRgb(hex: string): Rgb255 {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** How many pixels lie within `tolerance` (Euclidean, 0…255 channels) of `color`. */
export function countNear(png: PNG, color: Rgb255, tolerance = 30): number {
  let near = 0;
  for (let i = 0; i < png.width * png.height; i++) if (distance(pixel(png, i), color) <= tolerance) near++;
  return near;
}

/** The fraction of pixels that differ by more than `tolerance` between two images of one size. */
export function fractionChanged(a: PNG, b: PNG, tolerance = 24): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`images differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  let changed = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n; i++) if (distance(pixel(a, i), pixel(b, i)) > tolerance) changed++;
  return changed / n;
}

/** The colour at column x, row y. */
export function pixelAt(png: PNG, x: number, y: number): Rgb255 {
  return pixel(png, y * png.width + x);
}
