// The 3D surface figure read back: one polygon per cell with all corners known, in the colour
// of the cell's mean value, painted far to near for the camera it names.
import { describe, expect, it } from 'vitest';
import { BOX_HEIGHT } from '../../../../engine/io/figure/camera.js';
import { colormap, colormapNames, rgbBytes } from '../../../../engine/io/figure/colormaps.js';
import { surface3dSvg } from '../../../../engine/io/export/index.js';
import { syntheticSurface } from '../syntheticSurface.js';
import { byId, findAll, hexRgb, parseXml, type XmlNode } from '../xml.js';

const surface = syntheticSurface(21, 15, { missing: [[4, 4]] });
const L = surface.values.loss as (number | null)[][];
const finite = L.flat().filter((v): v is number => v !== null);
const min = Math.min(...finite);
const max = Math.max(...finite);

describe('SVG 3D surface (painter’s algorithm)', () => {
  for (const camera of [{ azimuth: -60, elevation: 30 }, { azimuth: 135, elevation: 55 }]) {
    it(`draws each known cell once, coloured by its mean, back to front (azimuth ${camera.azimuth}°)`, () => {
      const doc = parseXml(surface3dSvg(surface, { camera, colormap: 'magma' }));
      const root = (doc.svg as XmlNode[])[0];
      expect([Number(root['data-azimuth']), Number(root['data-elevation'])]).toEqual([camera.azimuth, camera.elevation]);
      const polygons = findAll(byId(doc, 'cells'), 'polygon');
      expect(polygons).toHaveLength(20 * 14 - 4); // the 4 cells around the missing point are left out
      const a = (camera.azimuth * Math.PI) / 180;
      const e = (camera.elevation * Math.PI) / 180;
      const toViewer = [Math.cos(e) * Math.cos(a), Math.cos(e) * Math.sin(a), Math.sin(e)];
      let previous = -Infinity;
      for (const polygon of polygons) {
        const [i0, j0, i1, j1] = String(polygon['data-cell']).split(' ').map(Number);
        const corners = [[i0, j0], [i1, j0], [i1, j1], [i0, j1]];
        const values = corners.map(([i, j]) => L[i][j] as number);
        const mean = values.reduce((s, v) => s + v, 0) / 4;
        const expected = rgbBytes(colormap('magma', (mean - min) / (max - min)));
        hexRgb(String(polygon.fill)).forEach((c, k) => expect(Math.abs(c - expected[k])).toBeLessThanOrEqual(1));
        expect(String(polygon.points).split(' ')).toHaveLength(4);
        // Depth towards the viewer of the cell's centre, in the figure's box (α, β in [−1, 1]).
        const depth = corners.reduce((d, [i, j], k) => {
          const x = -1 + (2 * i) / 20;
          const y = -1 + (2 * j) / 14;
          const z = ((values[k] - min) / (max - min)) * BOX_HEIGHT - BOX_HEIGHT / 2;
          return d + (x * toViewer[0] + y * toViewer[1] + z * toViewer[2]) / 4;
        }, 0);
        expect(depth).toBeGreaterThanOrEqual(previous - 1e-12);
        previous = depth;
      }
    });
  }

  it('labels the axes α, β and L(θ) and draws the path on top of the surface', () => {
    const doc = parseXml(surface3dSvg(surface, { theme: 'dark' }));
    const texts = findAll(doc, 'text').map((t) => t['#text']);
    for (const label of ['α', 'β', 'L(θ)']) expect(texts).toContain(label);
    const order = Object.keys((doc.svg as XmlNode[])[0]);
    expect(findAll(byId(doc, 'trajectory'), 'polyline').length).toBeGreaterThan(0);
    expect(order.indexOf('g')).toBeGreaterThanOrEqual(0);
  });

  it('samples large grids to at most `cells` cells a side', () => {
    const big = syntheticSurface(201, 201, { trajectory: false });
    expect(findAll(parseXml(surface3dSvg(big, { cells: 50 })), 'polygon').filter((p) => p['data-cell'])).toHaveLength(50 * 50);
  });
});

describe('colormaps', () => {
  it('match matplotlib’s tables at the ends and the middle', () => {
    const hex = (name: (typeof colormapNames)[number], t: number) => rgbBytes(colormap(name, t)).map((c) => c.toString(16).padStart(2, '0')).join('');
    expect([hex('viridis', 0), hex('viridis', 0.5), hex('viridis', 1)]).toEqual(['440154', '21918c', 'fde725']);
    expect([hex('cividis', 0), hex('cividis', 1)]).toEqual(['00224e', 'fee838']);
    expect([hex('magma', 1), hex('inferno', 1), hex('plasma', 0)]).toEqual(['fcfdbf', 'fcffa4', '0d0887']);
  });

  it('grow steadily lighter, so they read in greyscale', () => {
    for (const name of colormapNames) {
      const luma = Array.from({ length: 17 }, (_, k) => {
        const [r, g, b] = colormap(name, k / 16);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      });
      luma.slice(1).forEach((l, k) => expect(l).toBeGreaterThan(luma[k]));
    }
  });
});
