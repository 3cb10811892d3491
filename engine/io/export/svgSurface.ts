// The surface in 3D as SVG, drawn like matplotlib's plot_surface: every grid cell a polygon
// in the colour of its mean value, painted back to front (the painter's algorithm), over the
// box's back panes with ticks, labels α, β and L(θ), and the optimizer's path on top.
import { BOX_HEIGHT, defaultCamera, projection, type Camera } from '../figure/camera.js';
import { colormap, rgbHex } from '../figure/colormaps.js';
import { surfaceGrid, valueAt, type Metric } from '../figure/grid.js';
import { colorbar, sampleIndices, VIEW_WIDTH } from '../figure/plot2d.js';
import { el, px, svgDocument, text } from '../figure/svg.js';
import { figureDefaults, type FigureOptions } from '../figure/theme.js';
import { axisTicks, logTicks } from '../figure/ticks.js';
import type { SurfaceFile } from '../surfaceFile.js';
import { ExportError } from './exportError.js';

export interface Surface3dOptions extends FigureOptions {
  metric?: Metric;
  camera?: Partial<Camera>;
  /** Most cells along each axis (default 96); larger grids are sampled. */
  cells?: number;
  marker?: number;
}

type Vec3 = [number, number, number];

/** The 3D surface plot of a surface file as an SVG document. */
export function surface3dSvg(file: SurfaceFile, options: Surface3dOptions = {}): string {
  const o = figureDefaults(options, { width: VIEW_WIDTH, height: 760 });
  const grid = surfaceGrid(file, options.metric, o.log);
  const range = grid.range;
  if (!range) throw new ExportError(`the surface has no finite ${grid.metric} values to draw`);
  const camera = { ...defaultCamera, ...options.camera };
  const proj = projection(camera);
  const { alpha, beta, values } = grid;
  const na = alpha.length;
  const nb = beta.length;
  const span = range.max - range.min;
  const wx = (a: number) => -1 + (2 * (a - alpha[0])) / (alpha[na - 1] - alpha[0]);
  const wy = (b: number) => -1 + (2 * (b - beta[0])) / (beta[nb - 1] - beta[0]);
  const wz = (v: number) => (span > 0 ? ((v - range.min) / span) * BOX_HEIGHT : BOX_HEIGHT / 2);

  // Fit the box's corners into the drawing area, left of the colour bar.
  const viewWidth = VIEW_WIDTH;
  const viewHeight = (VIEW_WIDTH * o.height) / o.width;
  const area = { x0: 120, y0: o.title ? 76 : 40, x1: viewWidth - 215, y1: viewHeight - 50 };
  const corners: Vec3[] = [];
  for (const x of [-1, 1]) for (const y of [-1, 1]) for (const z of [0, BOX_HEIGHT]) corners.push([x, y, z]);
  const projected = corners.map(([x, y, z]) => proj.project(x, y, z));
  const bx = [Math.min(...projected.map((p) => p[0])), Math.max(...projected.map((p) => p[0]))];
  const by = [Math.min(...projected.map((p) => p[1])), Math.max(...projected.map((p) => p[1]))];
  const scale = Math.min((area.x1 - area.x0) / (bx[1] - bx[0]), (area.y1 - area.y0) / (by[1] - by[0]));
  const ox = (area.x0 + area.x1) / 2 - (scale * (bx[0] + bx[1])) / 2;
  const oy = (area.y0 + area.y1) / 2 - (scale * (by[0] + by[1])) / 2;
  const screen = ([x, y, z]: Vec3): [number, number] => {
    const p = proj.project(x, y, z);
    return [ox + scale * p[0], oy + scale * p[1]];
  };
  const pts = (ps: Vec3[]) => ps.map((p) => screen(p).map(px).join(',')).join(' ');
  const colour = (v: number) => rgbHex(colormap(o.colormap, span > 0 ? (v - range.min) / span : 0.5));
  const theme = o.theme;

  // The cells, far to near.
  const is = sampleIndices(na, options.cells ?? 96);
  const js = sampleIndices(nb, options.cells ?? 96);
  const cells: { depth: number; svg: string }[] = [];
  for (let p = 0; p + 1 < is.length; p++) {
    for (let q = 0; q + 1 < js.length; q++) {
      const ids: [number, number][] = [[is[p], js[q]], [is[p + 1], js[q]], [is[p + 1], js[q + 1]], [is[p], js[q + 1]]];
      const vs = ids.map(([i, j]) => values[i * nb + j]);
      if (!vs.every(Number.isFinite)) continue;
      const world = ids.map(([i, j], k): Vec3 => [wx(alpha[i]), wy(beta[j]), wz(vs[k])]);
      const depth = world.reduce((d, [x, y, z]) => d + proj.project(x, y, z)[2], 0) / 4;
      const fill = colour((vs[0] + vs[1] + vs[2] + vs[3]) / 4);
      const svg = el('polygon', { points: pts(world), fill, stroke: fill, 'stroke-width': 0.6, 'stroke-linejoin': 'round', 'data-cell': `${is[p]} ${js[q]} ${is[p + 1]} ${js[q + 1]}` });
      cells.push({ depth, svg });
    }
  }
  cells.sort((a, b) => a.depth - b.depth);

  // The back panes and the axes.
  const [cx, cy, cz] = proj.toViewer;
  const xBack = cx > 0 ? -1 : 1;
  const yBack = cy > 0 ? -1 : 1;
  const panes: string[] = [];
  const line = (a: Vec3, b: Vec3, attrs: Record<string, string | number>) => {
    const [x1, y1] = screen(a);
    const [x2, y2] = screen(b);
    return el('line', { x1, y1, x2, y2, ...attrs });
  };
  const paneStyle = { fill: theme.faint, 'fill-opacity': 0.18, stroke: theme.faint, 'stroke-width': 1 };
  if (cz > 0) panes.push(el('polygon', { class: 'pane', points: pts([[-1, -1, 0], [1, -1, 0], [1, 1, 0], [-1, 1, 0]]), ...paneStyle }));
  panes.push(el('polygon', { class: 'pane', points: pts([[xBack, -1, 0], [xBack, 1, 0], [xBack, 1, BOX_HEIGHT], [xBack, -1, BOX_HEIGHT]]), ...paneStyle }));
  panes.push(el('polygon', { class: 'pane', points: pts([[-1, yBack, 0], [1, yBack, 0], [1, yBack, BOX_HEIGHT], [-1, yBack, BOX_HEIGHT]]), ...paneStyle }));
  const gridLine = { stroke: theme.faint, 'stroke-width': 1 };
  const labels: string[] = [];
  // Labels sit off the box's edge, along `outward` (a world direction) as seen on screen.
  const label = (p: Vec3, outward: Vec3, content: string, offset: number, size: number, italic = false) => {
    const [x, y] = screen(p);
    const [x2, y2] = screen([p[0] + 0.1 * outward[0], p[1] + 0.1 * outward[1], p[2] + 0.1 * outward[2]]);
    const d = Math.hypot(x2 - x, y2 - y) || 1;
    const lx = x + ((x2 - x) / d) * offset;
    const ly = y + ((y2 - y) / d) * offset;
    return text(lx, ly + size / 3, content, { 'text-anchor': 'middle', 'font-size': size, fill: theme.text, ...(italic ? { 'font-style': 'italic' } : {}) });
  };
  for (const t of axisTicks(alpha[0], alpha[na - 1], 5)) {
    const x = wx(t.at);
    if (cz > 0) panes.push(line([x, -1, 0], [x, 1, 0], gridLine));
    panes.push(line([x, yBack, 0], [x, yBack, BOX_HEIGHT], gridLine));
    labels.push(label([x, -yBack, 0], [0, -yBack, 0], t.label, 26, theme.tickSize));
  }
  for (const t of axisTicks(beta[0], beta[nb - 1], 5)) {
    const y = wy(t.at);
    if (cz > 0) panes.push(line([-1, y, 0], [1, y, 0], gridLine));
    panes.push(line([xBack, y, 0], [xBack, y, BOX_HEIGHT], gridLine));
    labels.push(label([-xBack, y, 0], [-xBack, 0, 0], t.label, 26, theme.tickSize));
  }
  // The value axis on the vertical edge furthest left on screen, labelled to its left.
  const edge = ([[-1, -1], [-1, 1], [1, -1], [1, 1]] as const).reduce((best, e) => (screen([e[0], e[1], 0])[0] < screen([best[0], best[1], 0])[0] ? e : best));
  const zTicks = span > 0 ? (o.log ? logTicks(range.min, range.max, 5) : axisTicks(range.min, range.max, 5)) : [];
  for (const t of zTicks) {
    const z = wz(t.at);
    panes.push(line([xBack, -1, z], [xBack, 1, z], gridLine));
    panes.push(line([-1, yBack, z], [1, yBack, z], gridLine));
    const [x, y] = screen([edge[0], edge[1], z]);
    labels.push(text(x - 12, y + theme.tickSize / 3, t.label, { 'text-anchor': 'end', 'font-size': theme.tickSize, fill: theme.text }));
  }
  const name = grid.metric === 'loss' ? 'L(θ)' : 'accuracy';
  labels.push(label([0, -yBack, 0], [0, -yBack, 0], 'α', 70, theme.fontSize, true));
  labels.push(label([-xBack, 0, 0], [-xBack, 0, 0], 'β', 70, theme.fontSize, true));
  const [zx, zy] = screen([edge[0], edge[1], BOX_HEIGHT / 2]);
  labels.push(text(zx - 70, zy, o.log ? `log₁₀ ${name}` : name, { 'text-anchor': 'middle', 'font-size': theme.fontSize, fill: theme.text, transform: `rotate(-90 ${px(zx - 70)} ${px(zy)})` }));

  // The path on the surface (heights interpolated from the grid), drawn over it.
  const path: string[] = [];
  const onSurface = grid.trajectory.map((p): Vec3 | null => {
    const v = valueAt(grid, p.alpha, p.beta);
    return Number.isFinite(v) ? [wx(p.alpha), wy(p.beta), wz(v) + 0.01] : null;
  });
  const runs: Vec3[][] = [];
  for (const p of onSurface) {
    if (!p) runs.push([]);
    else (runs.at(-1) ?? runs[runs.push([]) - 1]).push(p);
  }
  for (const run of runs.filter((r) => r.length > 1)) {
    path.push(el('polyline', { class: 'path-halo', points: pts(run), fill: 'none', stroke: theme.pathHalo, 'stroke-width': theme.lineWidth + 4, 'stroke-linejoin': 'round', 'stroke-opacity': 0.8 }));
    path.push(el('polyline', { class: 'path', points: pts(run), fill: 'none', stroke: theme.path, 'stroke-width': theme.lineWidth + 1, 'stroke-linejoin': 'round' }));
  }
  const dot = (p: Vec3 | null | undefined, attrs: Record<string, string | number>) => {
    if (!p) return '';
    const [x, y] = screen(p);
    return el('circle', { cx: x, cy: y, ...attrs });
  };
  path.push(dot(onSurface[0], { class: 'start', r: 7, fill: theme.start, stroke: theme.path, 'stroke-width': 2.5 }));
  path.push(dot(onSurface.at(-1), { class: 'end', r: 7, fill: theme.end, stroke: theme.pathHalo, 'stroke-width': 2 }));
  if (options.marker !== undefined && onSurface.length) {
    const k = Math.max(0, Math.min(onSurface.length - 1, Math.round(options.marker)));
    path.push(dot(onSurface[k], { class: 'marker', r: 10, fill: theme.marker, stroke: theme.pathHalo, 'stroke-width': 2.5, 'data-step': grid.trajectory[k].step }));
  }

  const back = o.transparent ? '' : el('rect', { class: 'background', x: 0, y: 0, width: viewWidth, height: viewHeight, fill: theme.background });
  const title = o.title ? text(viewWidth / 2, 40, o.title, { 'text-anchor': 'middle', 'font-size': theme.fontSize, 'font-weight': 'bold', fill: theme.text }) : '';
  const bar = colorbar({ box: area, theme, log: o.log, colour }, grid, { x: viewWidth - 150, y0: area.y0 + 60, y1: area.y1 - 60 });
  return svgDocument({ width: o.width, height: o.height, viewWidth, viewHeight }, { 'data-figure': 'surface3d', 'data-azimuth': camera.azimuth, 'data-elevation': camera.elevation, 'data-metric': grid.metric }, [
    back,
    title,
    el('g', { id: 'panes' }, panes),
    el('g', { id: 'cells', 'data-min': range.min, 'data-max': range.max }, cells.map((c) => c.svg)),
    el('g', { id: 'trajectory' }, path),
    el('g', { id: 'labels', 'font-family': theme.fontFamily }, labels),
    bar,
  ]);
}
