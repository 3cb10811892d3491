import { describe, expect, it } from 'vitest';
import { colormap, colormapNames } from '../../../engine/io/figure/colormaps.js';
import { blendedInk, inkOver } from '../../../renderer/colormap/ink.js';

describe('ink over a colormap', () => {
  it('is light on the dark end and dark on the bright end of every colormap', () => {
    for (const name of colormapNames) {
      expect(inkOver(colormap(name, 0)).css, name).toBe('#ffffff');
      expect(inkOver(colormap(name, 1)).css, name).toBe('#0d1017');
    }
  });

  it('blends the ink over the colour as a translucent line would look', () => {
    const under = colormap('viridis', 0);
    const { rgb, opacity } = inkOver(under);
    blendedInk(under).forEach((c, k) => expect(c).toBeCloseTo(under[k] + (rgb[k] - under[k]) * opacity, 12));
    // Over the dark end the line is lighter than the surface; over the bright end, darker.
    expect(Math.min(...blendedInk(colormap('magma', 0)))).toBeGreaterThan(Math.max(...colormap('magma', 0)));
    expect(Math.max(...blendedInk(colormap('magma', 1)))).toBeLessThan(Math.min(...colormap('magma', 1)));
  });
});
