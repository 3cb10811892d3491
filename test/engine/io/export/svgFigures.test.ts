// The 2D figures read back with an XML parser: contour lines lie on their level, heatmap cells
// carry their values' colours, the path and the line plot sit where the data put them.
import { describe, expect, it } from 'vitest';
import { colormap, rgbBytes } from '../../../../engine/io/figure/colormaps.js';
import { lineSvg, surfaceContourSvg, surfaceHeatmapSvg } from '../../../../engine/io/export/index.js';
import { LINE_FORMAT, type LineFile } from '../../../../engine/io/index.js';
import { bilinearLoss } from '../bilinear.js';
import { syntheticSurface } from '../syntheticSurface.js';
import { byId, findAll, hexRgb, parseXml, type XmlNode } from '../xml.js';

const surface = syntheticSurface(25, 17, { missing: [[20, 3]] });
const finite = surface.values.loss.flat().filter((v): v is number => typeof v === 'number');
const min = Math.min(...finite);
const max = Math.max(...finite);

/** Viewbox px → (α, β), from the plot's data attributes. */
function plotMapping(plot: XmlNode) {
  const [x0, y0, x1, y1] = String(plot['data-box']).split(' ').map(Number);
  const [a0, a1] = String(plot['data-alpha']).split(' ').map(Number);
  const [b0, b1] = String(plot['data-beta']).split(' ').map(Number);
  return {
    box: { x0, y0, x1, y1 },
    toAlpha: (x: number) => a0 + ((x - x0) / (x1 - x0)) * (a1 - a0),
    toBeta: (y: number) => b0 + ((y1 - y) / (y1 - y0)) * (b1 - b0),
    toX: (a: number) => x0 + ((a - a0) / (a1 - a0)) * (x1 - x0),
    toY: (b: number) => y1 - ((b - b0) / (b1 - b0)) * (y1 - y0),
  };
}

describe('SVG contour plot', () => {
  const svg = surfaceContourSvg(surface, { title: 'A bowl' });
  const doc = parseXml(svg);
  const plot = byId(doc, 'plot');
  const map = plotMapping(plot);

  it('is a well-formed SVG with labels α, β and L(θ), a title, and the size asked for', () => {
    const root = (doc.svg as XmlNode[])[0];
    expect(root.xmlns).toBe('http://www.w3.org/2000/svg');
    expect([root.width, root.height]).toEqual(['960', '800']);
    const texts = findAll(doc, 'text').map((t) => t['#text']);
    for (const label of ['α', 'β', 'L(θ)', 'A bowl']) expect(texts).toContain(label);
  });

  it('draws every contour line on its level: the surface interpolated at each vertex equals the level', () => {
    const paths = findAll(byId(doc, 'contours'), 'path');
    expect(paths.length).toBeGreaterThan(8);
    let checked = 0;
    for (const path of paths) {
      const level = Number(path['data-level']);
      expect(level).toBeGreaterThan(min);
      expect(level).toBeLessThan(max);
      const numbers = String(path.d).match(/-?[\d.]+/g)!.map(Number);
      for (let k = 0; k < numbers.length; k += 2) {
        const a = map.toAlpha(numbers[k]);
        const b = map.toBeta(numbers[k + 1]);
        expect(Math.abs(bilinearLoss(surface, a, b) - level)).toBeLessThan(2e-3 * (max - min));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('puts the optimizer’s path, its start and its end at their (α, β)', () => {
    const path = findAll(byId(doc, 'trajectory'), 'polyline').find((p) => p.class === 'path')!;
    const points = String(path.points).split(' ').map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(surface.trajectory!.length);
    points.forEach(([x, y], k) => {
      expect(map.toAlpha(x)).toBeCloseTo(surface.trajectory![k].alpha, 3);
      expect(map.toBeta(y)).toBeCloseTo(surface.trajectory![k].beta, 3);
    });
    const end = findAll(doc, 'circle').find((c) => c.class === 'end')!;
    expect(map.toAlpha(Number(end.cx))).toBeCloseTo(surface.trajectory!.at(-1)!.alpha, 3);
  });

  it('spans the colour bar from the smallest to the largest finite loss', () => {
    const bar = byId(doc, 'colorbar');
    expect(Number(bar['data-min'])).toBe(min);
    expect(Number(bar['data-max'])).toBe(max);
  });
});

describe('SVG heatmap', () => {
  it('gives every grid point a cell around it in the colour of its value, and a missing point the missing colour', () => {
    const doc = parseXml(surfaceHeatmapSvg(surface, { colormap: 'cividis' }));
    const map = plotMapping(byId(doc, 'plot'));
    const cells = findAll(byId(doc, 'cells'), 'rect');
    expect(cells).toHaveLength(25 * 17);
    for (const cell of cells) {
      const i = Number(cell['data-i']);
      const j = Number(cell['data-j']);
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(cell[k]));
      expect(map.toX(surface.alpha[i])).toBeGreaterThanOrEqual(x - 0.01);
      expect(map.toX(surface.alpha[i])).toBeLessThanOrEqual(x + w + 0.01);
      expect(map.toY(surface.beta[j])).toBeGreaterThanOrEqual(y - 0.01);
      expect(map.toY(surface.beta[j])).toBeLessThanOrEqual(y + h + 0.01);
      const v = surface.values.loss[i][j];
      if (typeof v !== 'number') {
        expect(cell.fill).toBe('#c9c9d1');
        continue;
      }
      const expected = rgbBytes(colormap('cividis', (v - min) / (max - min)));
      hexRgb(String(cell.fill)).forEach((c, k) => expect(Math.abs(c - expected[k])).toBeLessThanOrEqual(1));
    }
  });

  it('plots accuracy on request, and its log; light, dark and transparent backgrounds', () => {
    const accuracy = parseXml(surfaceHeatmapSvg(surface, { metric: 'accuracy' }));
    const accValues = surface.values.accuracy!.flat().filter((v): v is number => typeof v === 'number');
    expect(Number(byId(accuracy, 'colorbar')['data-min'])).toBe(Math.min(...accValues));
    const log = parseXml(surfaceHeatmapSvg(surface, { log: true }));
    expect(Number(byId(log, 'colorbar')['data-max'])).toBeCloseTo(Math.log10(max), 12);
    const background = (svg: string) => findAll(parseXml(svg), 'rect').find((r) => r.class === 'background');
    expect(background(surfaceHeatmapSvg(surface))?.fill).toBe('#ffffff');
    expect(background(surfaceHeatmapSvg(surface, { theme: 'dark' }))?.fill).toBe('#15161a');
    expect(background(surfaceHeatmapSvg(surface, { transparent: true }))).toBeUndefined();
  });

  it('keeps the figure and changes only the pixel size for 4K output', () => {
    const root = (parseXml(surfaceHeatmapSvg(surface, { width: 3840, height: 3200 })).svg as XmlNode[])[0];
    expect([root.width, root.height, root.viewBox]).toEqual(['3840', '3200', '0 0 960 800']);
  });

  it('refuses a metric the file lacks and an unknown colormap, saying which', () => {
    const lossOnly = { ...surface, values: { loss: surface.values.loss } };
    expect(() => surfaceHeatmapSvg(lossOnly, { metric: 'accuracy' })).toThrow('this surface file has no accuracy values');
    expect(() => surfaceHeatmapSvg(surface, { colormap: 'jet' as never })).toThrow(/unknown colormap "jet": use viridis, cividis/);
  });
});

describe('SVG line plot', () => {
  it('draws L(t) through every point of a line file, with dots at t = 0 and t = 1', () => {
    const t = Array.from({ length: 21 }, (_, k) => -0.5 + k / 10);
    const line: LineFile = { format: LINE_FORMAT, line: 'init → final', center: [0], direction: [1], split: 'train', norm: 'batch', t, values: { loss: t.map((x) => 2 - x + x * x) } };
    const doc = parseXml(lineSvg(line));
    const g = byId(doc, 'line');
    const [x0, y0, x1, y1] = String(g['data-box']).split(' ').map(Number);
    const [t0, t1] = String(g['data-t']).split(' ').map(Number);
    const [lo, hi] = String(g['data-value']).split(' ').map(Number);
    const points = String(findAll(g, 'polyline')[0].points).split(' ').map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(21);
    points.forEach(([x, y], k) => {
      expect(t0 + ((x - x0) / (x1 - x0)) * (t1 - t0)).toBeCloseTo(t[k], 3);
      expect(lo + ((y1 - y) / (y1 - y0)) * (hi - lo)).toBeCloseTo(line.values.loss[k], 3);
    });
    expect(findAll(g, 'circle')).toHaveLength(2);
  });
});
