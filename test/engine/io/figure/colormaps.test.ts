import { describe, expect, it } from 'vitest';
import { colormap, colormapNames, isColormapName, rgbHex, srgbToLinear } from '../../../../engine/io/figure/colormaps.js';

describe('colormap lookup', () => {
  it('clamps t outside [0, 1] and maps NaN to the low end', () => {
    for (const name of colormapNames) {
      expect(colormap(name, -3)).toEqual(colormap(name, 0));
      expect(colormap(name, 7)).toEqual(colormap(name, 1));
      expect(colormap(name, Number.NaN)).toEqual(colormap(name, 0));
    }
  });

  it('gives each map its own ends, as CSS colours', () => {
    expect(colormapNames.map((name) => rgbHex(colormap(name, 0)))).toEqual(['#440154', '#00224e', '#000004', '#000004', '#0d0887']);
    expect(new Set(colormapNames.map((name) => rgbHex(colormap(name, 1)))).size).toBe(colormapNames.length);
    expect(isColormapName('magma')).toBe(true);
    expect(isColormapName('jet')).toBe(false);
  });

  it('converts sRGB to linear light', () => {
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(1)).toBeCloseTo(1, 12);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214, 3);
  });
});
