import { describe, expect, it } from 'vitest';
import { colormap } from '../../../engine/io/figure/colormaps.js';
import { surfaceDisplay } from '../../../renderer/landscape/surfaceDisplay.js';
import { heatmapPixels } from '../../../renderer/plots/heatmapImage.js';
import { linePath, thin } from '../../../renderer/plots/linePath.js';
import { extent, linear } from '../../../renderer/plots/scale.js';
import type { SurfaceJob } from '../../../renderer/session/types.js';

describe('plot helpers', () => {
  it('draws a polyline that breaks at gaps', () => {
    const id = (x: number) => x;
    expect(linePath([0, 1, 2, 3], [0, 1, NaN, 3], id, id)).toBe('M0.0 0.0L1.0 1.0M3.0 3.0');
  });

  it('thins long series evenly and keeps the last point', () => {
    expect(thin(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const picked = thin(1000, 10);
    expect(picked).toHaveLength(11);
    expect(picked.at(-1)).toBe(999);
  });

  it('maps data to pixels and pads extents', () => {
    expect(linear(0, 10, 100, 0)(2.5)).toBe(75);
    expect(extent([1, 3, NaN], 0.5)).toEqual({ min: 0, max: 4 });
    expect(extent([2, 2])).toEqual({ min: 1.5, max: 2.5 });
  });

  it('paints the heatmap with β up and unknown values transparent', () => {
    const job = { alpha: Float64Array.of(0, 1), beta: Float64Array.of(0, 1), loss: Float64Array.of(0, 1, 0.5, NaN), accuracy: new Float64Array(4) } as SurfaceJob;
    const display = surfaceDisplay(job, 'loss', false);
    const pixels = heatmapPixels(display, { min: 0, max: 1 }, 'viridis');
    // Row 0 is the top (β = 1): (α0, β1) = 1 → yellow, (α1, β1) unknown → transparent.
    const yellow = colormap('viridis', 1).map((c) => Math.round(c * 255));
    expect(Array.from(pixels.subarray(0, 4))).toEqual([...yellow, 255]);
    expect(pixels[7]).toBe(0);
    expect(pixels[11]).toBe(255);
  });
});
