// The export endpoint passes the view's colormap through to every coloured format.
import { describe, expect, it } from 'vitest';
import { colormap, type ColormapName } from '../../engine/io/figure/colormaps.js';
import { renderSurface } from '../../workers/export.js';
import { syntheticSurface } from '../engine/io/syntheticSurface.js';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
/** How far a colour lies from the nearest of 65 samples of a colormap. */
const distance = (c: number[], name: ColormapName) =>
  Math.min(...Array.from({ length: 65 }, (_, k) => colormap(name, k / 64)).map((m) => Math.hypot(m[0] - c[0], m[1] - c[1], m[2] - c[2])));
/** The share of an SVG's fill colours that lie nearer `name` than `other`. */
const nearer = (svg: string, name: ColormapName, other: ColormapName) => {
  const fills = [...svg.matchAll(/fill="(#[0-9a-f]{6})"/gi)].map((m) => rgb(m[1]));
  return fills.filter((c) => distance(c, name) < distance(c, other)).length / fills.length;
};

describe('renderSurface', () => {
  it('draws the SVG figures in the chosen colormap (viridis by default)', () => {
    const file = syntheticSurface();
    for (const format of ['svg-contour', 'svg-3d'] as const) {
      expect(nearer(renderSurface(file, format) as string, 'viridis', 'magma'), format).toBeGreaterThan(0.8);
      expect(nearer(renderSurface(file, format, { colormap: 'magma' }) as string, 'magma', 'viridis'), format).toBeGreaterThan(0.8);
    }
  });

  it('colours the GLB mesh by the chosen colormap', () => {
    const file = syntheticSurface();
    const viridis = renderSurface(file, 'glb') as Uint8Array;
    const magma = renderSurface(file, 'glb', { colormap: 'magma' }) as Uint8Array;
    expect(magma.length).toBe(viridis.length);
    expect(Buffer.compare(Buffer.from(magma), Buffer.from(viridis))).not.toBe(0);
  });
});
