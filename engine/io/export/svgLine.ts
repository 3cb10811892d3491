// A 1D slice as an SVG line plot (Goodfellow et al.'s interpolation figure): the metric
// against t, with dots at t = 0 and t = 1 (the line's two ends when it joins two points).
import { finiteRange, type Metric } from '../figure/grid.js';
import { VIEW_WIDTH } from '../figure/plot2d.js';
import { el, px, svgDocument, text } from '../figure/svg.js';
import { figureDefaults, type FigureOptions } from '../figure/theme.js';
import { axisTicks } from '../figure/ticks.js';
import type { LineFile } from '../lineFile.js';
import { ExportError } from './exportError.js';

export interface LineFigureOptions extends FigureOptions {
  metric?: Metric;
}

/** The line file as an SVG line plot. */
export function lineSvg(file: LineFile, options: LineFigureOptions = {}): string {
  const o = figureDefaults(options, { width: VIEW_WIDTH, height: 600 });
  const metric = options.metric ?? 'loss';
  const raw = file.values[metric];
  if (!raw) throw new ExportError(`this line file has no ${metric} values`);
  const ys = raw.map((v) => (typeof v === 'number' ? (o.log ? (v > 0 ? Math.log10(v) : NaN) : v) : NaN));
  const range = finiteRange(ys);
  if (!range) throw new ExportError(`the line has no finite ${metric} values to draw`);
  const theme = o.theme;
  const viewWidth = VIEW_WIDTH;
  const viewHeight = (VIEW_WIDTH * o.height) / o.width;
  const box = { x0: 110, y0: o.title ? 64 : 28, x1: viewWidth - 40, y1: viewHeight - 90 };
  const t0 = file.t[0];
  const t1 = file.t[file.t.length - 1];
  const pad = (range.max - range.min) * 0.05 || 1;
  const lo = range.min - pad;
  const hi = range.max + pad;
  const sx = (t: number) => box.x0 + ((t - t0) / (t1 - t0)) * (box.x1 - box.x0);
  const sy = (v: number) => box.y1 - ((v - lo) / (hi - lo)) * (box.y1 - box.y0);
  const runs: string[][] = [[]];
  file.t.forEach((t, k) => {
    if (Number.isFinite(ys[k])) runs[runs.length - 1].push(`${px(sx(t))},${px(sy(ys[k]))}`);
    else if (runs[runs.length - 1].length) runs.push([]);
  });
  const parts: string[] = [];
  if (!o.transparent) parts.push(el('rect', { class: 'background', x: 0, y: 0, width: viewWidth, height: viewHeight, fill: theme.background }));
  if (o.title) parts.push(text(viewWidth / 2, 40, o.title, { 'text-anchor': 'middle', 'font-size': theme.fontSize, 'font-weight': 'bold', fill: theme.text }));
  const axes: string[] = [el('rect', { x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0, fill: 'none', stroke: theme.text, 'stroke-width': 1.5 })];
  for (const t of axisTicks(t0, t1, 6)) {
    axes.push(el('line', { x1: sx(t.at), y1: box.y1, x2: sx(t.at), y2: box.y1 + 8, stroke: theme.text, 'stroke-width': 1.5 }));
    axes.push(text(sx(t.at), box.y1 + 30, t.label, { 'text-anchor': 'middle', 'font-size': theme.tickSize, fill: theme.text }));
  }
  for (const t of axisTicks(lo, hi, 5)) {
    axes.push(el('line', { x1: box.x0, y1: sy(t.at), x2: box.x1, y2: sy(t.at), stroke: theme.faint, 'stroke-width': 1 }));
    axes.push(text(box.x0 - 12, sy(t.at) + 6, t.label, { 'text-anchor': 'end', 'font-size': theme.tickSize, fill: theme.text }));
  }
  const name = metric === 'loss' ? 'L(θ)' : 'accuracy';
  axes.push(text((box.x0 + box.x1) / 2, box.y1 + 70, 't', { 'text-anchor': 'middle', 'font-size': theme.fontSize, 'font-style': 'italic', fill: theme.text }));
  const cy = (box.y0 + box.y1) / 2;
  axes.push(text(box.x0 - 80, cy, o.log ? `log₁₀ ${name}` : name, { 'text-anchor': 'middle', 'font-size': theme.fontSize, fill: theme.text, transform: `rotate(-90 ${box.x0 - 80} ${px(cy)})` }));
  parts.push(el('g', { id: 'axes', 'font-family': theme.fontFamily }, axes));
  const curve = runs.filter((r) => r.length > 1).map((r) => el('polyline', { class: 'curve', points: r.join(' '), fill: 'none', stroke: theme.path, 'stroke-width': theme.lineWidth + 1, 'stroke-linejoin': 'round' }));
  const ends = [0, 1].filter((t) => t >= t0 && t <= t1).map((t) => {
    const k = file.t.findIndex((x) => Math.abs(x - t) < 1e-12);
    return k >= 0 && Number.isFinite(ys[k]) ? el('circle', { class: 'end', cx: sx(t), cy: sy(ys[k]), r: 6, fill: t === 0 ? theme.start : theme.end, stroke: theme.path, 'stroke-width': 2 }) : '';
  });
  parts.push(el('g', { id: 'line', 'data-box': `${box.x0} ${box.y0} ${box.x1} ${box.y1}`, 'data-t': `${t0} ${t1}`, 'data-value': `${lo} ${hi}` }, [...curve, ...ends]));
  return svgDocument({ width: o.width, height: o.height, viewWidth, viewHeight }, { 'data-figure': 'line' }, parts);
}
