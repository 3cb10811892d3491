// The pieces of a 2D figure over the (α, β) plane, shared by the contour plot and the
// heatmap: the layout, the axes, the colour bar, the cells and the optimizer's path.
import type { TrajectoryPoint } from '../../landscape/surface.js';
import { colormap, rgbHex, type ColormapName } from './colormaps.js';
import type { SurfaceGrid } from './grid.js';
import { el, text } from './svg.js';
import { figureDefaults, type FigureOptions, type Theme } from './theme.js';
import { axisTicks, logTicks } from './ticks.js';

/** Width of every figure's viewBox; the height follows the requested aspect ratio. */
export const VIEW_WIDTH = 960;

export interface Layout2d {
  size: { width: number; height: number; viewWidth: number; viewHeight: number };
  theme: Theme;
  colormap: ColormapName;
  transparent: boolean;
  log: boolean;
  title?: string;
  /** The plot area in viewBox units. */
  box: { x0: number; y0: number; x1: number; y1: number };
  /** α and β to viewBox x and y (β grows upwards). */
  sx: (alpha: number) => number;
  sy: (beta: number) => number;
  /** The colour of a plotted value (grey where missing). */
  colour: (v: number) => string;
}

/** Lays out a square plot with a colour bar on its right. */
export function layout2d(grid: SurfaceGrid, options: FigureOptions = {}): Layout2d {
  const o = figureDefaults(options, { width: VIEW_WIDTH, height: 800 });
  const viewWidth = VIEW_WIDTH;
  const viewHeight = (VIEW_WIDTH * o.height) / o.width;
  const margin = { left: 100, right: 170, top: o.title ? 64 : 28, bottom: 92 };
  const side = Math.max(60, Math.min(viewWidth - margin.left - margin.right, viewHeight - margin.top - margin.bottom));
  const x0 = margin.left + Math.max(0, (viewWidth - margin.left - margin.right - side) / 2);
  const y0 = margin.top + Math.max(0, (viewHeight - margin.top - margin.bottom - side) / 2);
  const box = { x0, y0, x1: x0 + side, y1: y0 + side };
  const { alpha, beta } = grid;
  const a0 = alpha[0], a1 = alpha[alpha.length - 1], b0 = beta[0], b1 = beta[beta.length - 1];
  const range = grid.range ?? { min: 0, max: 1 };
  const span = range.max - range.min;
  return {
    size: { width: o.width, height: o.height, viewWidth, viewHeight },
    theme: o.theme,
    colormap: o.colormap,
    transparent: o.transparent,
    log: o.log,
    title: o.title,
    box,
    sx: (a) => box.x0 + ((a - a0) / (a1 - a0)) * side,
    sy: (b) => box.y1 - ((b - b0) / (b1 - b0)) * side,
    colour: (v) => (Number.isFinite(v) ? rgbHex(colormap(o.colormap, span > 0 ? (v - range.min) / span : 0.5)) : o.theme.faint),
  };
}

/** The background (none when transparent) and the title. */
export function backdrop(layout: Layout2d): string {
  const { theme, size } = layout;
  const back = layout.transparent ? '' : el('rect', { class: 'background', x: 0, y: 0, width: size.viewWidth, height: size.viewHeight, fill: theme.background });
  const title = layout.title ? text(size.viewWidth / 2, 40, layout.title, { 'text-anchor': 'middle', 'font-size': theme.fontSize, 'font-weight': 'bold', fill: theme.text }) : '';
  return back + title;
}

/** Cell edges of an axis: midpoints between values, clamped to the ends. */
function edges(axis: Float64Array): Float64Array {
  const n = axis.length;
  const out = new Float64Array(n + 1);
  out[0] = axis[0];
  out[n] = axis[n - 1];
  for (let k = 1; k < n; k++) out[k] = (axis[k - 1] + axis[k]) / 2;
  return out;
}

/** Every `step`-th index of 0 … n−1 (the last always included), at most `most` steps apart in all. */
export function sampleIndices(n: number, most: number): number[] {
  const step = Math.max(1, Math.ceil((n - 1) / most));
  const out: number[] = [];
  for (let k = 0; k < n; k += step) out.push(k);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

/**
 * One rectangle per grid point, coloured by its value, reaching halfway to its neighbours
 * (matplotlib's pcolormesh with shading='nearest'). Grids over 257 points a side are sampled.
 */
export function heatmapCells(layout: Layout2d, grid: SurfaceGrid, attrs: Record<string, string | number> = {}): string {
  const nb = grid.beta.length;
  const is = sampleIndices(grid.alpha.length, 256);
  const js = sampleIndices(nb, 256);
  const ea = edges(Float64Array.from(is, (i) => grid.alpha[i]));
  const eb = edges(Float64Array.from(js, (j) => grid.beta[j]));
  const cells: string[] = [];
  is.forEach((i, p) => {
    const x = layout.sx(ea[p]);
    const width = layout.sx(ea[p + 1]) - x;
    js.forEach((j, q) => {
      const y = layout.sy(eb[q + 1]);
      cells.push(el('rect', { x, y, width, height: layout.sy(eb[q]) - y, fill: layout.colour(grid.values[i * nb + j]), 'data-i': i, 'data-j': j }));
    });
  });
  return el('g', { id: 'cells', 'shape-rendering': 'crispEdges', ...attrs }, cells);
}

/** The frame, ticks and labels α and β. */
export function axes2d(layout: Layout2d, grid: SurfaceGrid): string {
  const { box, theme } = layout;
  const a = grid.alpha, b = grid.beta;
  const parts = [el('rect', { x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0, fill: 'none', stroke: theme.text, 'stroke-width': 1.5 })];
  const tick = { fill: theme.text, 'font-size': theme.tickSize };
  for (const t of axisTicks(a[0], a[a.length - 1], 5)) {
    const x = layout.sx(t.at);
    parts.push(el('line', { x1: x, y1: box.y1, x2: x, y2: box.y1 + 8, stroke: theme.text, 'stroke-width': 1.5 }));
    parts.push(text(x, box.y1 + 30, t.label, { ...tick, 'text-anchor': 'middle' }));
  }
  for (const t of axisTicks(b[0], b[b.length - 1], 5)) {
    const y = layout.sy(t.at);
    parts.push(el('line', { x1: box.x0 - 8, y1: y, x2: box.x0, y2: y, stroke: theme.text, 'stroke-width': 1.5 }));
    parts.push(text(box.x0 - 14, y + 6, t.label, { ...tick, 'text-anchor': 'end' }));
  }
  const label = { fill: theme.text, 'font-size': theme.fontSize, 'font-style': 'italic' };
  parts.push(text((box.x0 + box.x1) / 2, box.y1 + 70, 'α', { ...label, 'text-anchor': 'middle' }));
  parts.push(text(box.x0 - 72, (box.y0 + box.y1) / 2 + 8, 'β', { ...label, 'text-anchor': 'middle' }));
  return el('g', { id: 'axes', 'font-family': theme.fontFamily }, parts);
}

/** A vertical colour bar with its left edge at `at.x` from `at.y0` to `at.y1` (default: right of the plot). */
export function colorbar(layout: Pick<Layout2d, 'box' | 'theme' | 'colour' | 'log'>, grid: SurfaceGrid, at = { x: layout.box.x1 + 28, y0: layout.box.y0, y1: layout.box.y1 }): string {
  const { theme } = layout;
  const box = { y0: at.y0, y1: at.y1 };
  const range = grid.range;
  if (!range) return '';
  const x = at.x;
  const width = 24;
  const steps = 64;
  const h = (box.y1 - box.y0) / steps;
  const parts: string[] = [];
  for (let k = 0; k < steps; k++) {
    const v = range.min + ((k + 0.5) / steps) * (range.max - range.min);
    parts.push(el('rect', { x, y: box.y1 - (k + 1) * h, width, height: h + 0.5, fill: layout.colour(v) }));
  }
  parts.push(el('rect', { x, y: box.y0, width, height: box.y1 - box.y0, fill: 'none', stroke: theme.text, 'stroke-width': 1 }));
  const span = range.max - range.min;
  const ticks = span > 0 ? (layout.log ? logTicks(range.min, range.max, 5) : axisTicks(range.min, range.max, 5)) : [{ at: range.min, label: String(range.min) }];
  for (const t of ticks) {
    const y = span > 0 ? box.y1 - ((t.at - range.min) / span) * (box.y1 - box.y0) : (box.y0 + box.y1) / 2;
    parts.push(el('line', { x1: x + width, y1: y, x2: x + width + 6, y2: y, stroke: theme.text, 'stroke-width': 1.5 }));
    parts.push(text(x + width + 10, y + 6, t.label, { fill: theme.text, 'font-size': theme.tickSize }));
  }
  const name = grid.metric === 'loss' ? 'L(θ)' : 'accuracy';
  const cx = x + width + 86;
  const cy = (box.y0 + box.y1) / 2;
  parts.push(text(cx, cy, layout.log ? `${name}, log scale` : name, { fill: theme.text, 'font-size': theme.fontSize, 'text-anchor': 'middle', transform: `rotate(-90 ${cx} ${cy})` }));
  return el('g', { id: 'colorbar', 'font-family': theme.fontFamily, 'data-min': range.min, 'data-max': range.max }, parts);
}

/**
 * The optimizer's path on the plane, with its start (hollow) and end (filled); with `marker`,
 * the path up to snapshot `marker` is drawn bold and a marker sits on that snapshot.
 */
export function pathLayer(layout: Layout2d, points: readonly TrajectoryPoint[], marker?: number): string {
  if (points.length === 0) return '';
  const { theme, box } = layout;
  const xy = points.map((p) => `${Math.round(layout.sx(p.alpha) * 100) / 100},${Math.round(layout.sy(p.beta) * 100) / 100}`);
  const w = theme.lineWidth + 1;
  const parts = [
    el('polyline', { class: 'path-halo', points: xy.join(' '), fill: 'none', stroke: theme.pathHalo, 'stroke-width': w + 3, 'stroke-linejoin': 'round', 'stroke-opacity': 0.8 }),
    el('polyline', { class: 'path', points: xy.join(' '), fill: 'none', stroke: theme.path, 'stroke-width': w, 'stroke-linejoin': 'round', 'stroke-opacity': marker === undefined ? 1 : 0.45 }),
  ];
  if (marker !== undefined) {
    const k = Math.max(0, Math.min(points.length - 1, Math.round(marker)));
    parts.push(el('polyline', { class: 'path-travelled', points: xy.slice(0, k + 1).join(' '), fill: 'none', stroke: theme.path, 'stroke-width': w + 1, 'stroke-linejoin': 'round' }));
  }
  const dot = (p: TrajectoryPoint, attrs: Record<string, string | number>) => el('circle', { cx: layout.sx(p.alpha), cy: layout.sy(p.beta), ...attrs });
  parts.push(dot(points[0], { class: 'start', r: 7, fill: theme.start, stroke: theme.path, 'stroke-width': 2.5 }));
  parts.push(dot(points[points.length - 1], { class: 'end', r: 7, fill: theme.end, stroke: theme.pathHalo, 'stroke-width': 2 }));
  if (marker !== undefined) {
    const k = Math.max(0, Math.min(points.length - 1, Math.round(marker)));
    parts.push(dot(points[k], { class: 'marker', r: 10, fill: theme.marker, stroke: theme.pathHalo, 'stroke-width': 2.5, 'data-step': points[k].step }));
  }
  return el('defs', {}, el('clipPath', { id: 'plot-clip' }, el('rect', { x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0 }))) + el('g', { id: 'trajectory', 'clip-path': 'url(#plot-clip)' }, parts);
}

/** The plot area and its axes' domain, as data attributes a reader can invert. */
export function plotAttributes(layout: Layout2d, grid: SurfaceGrid): Record<string, string> {
  const { box } = layout;
  const a = grid.alpha, b = grid.beta;
  return {
    'data-box': `${box.x0} ${box.y0} ${box.x1} ${box.y1}`,
    'data-alpha': `${a[0]} ${a[a.length - 1]}`,
    'data-beta': `${b[0]} ${b[b.length - 1]}`,
    'data-metric': grid.metric,
  };
}
