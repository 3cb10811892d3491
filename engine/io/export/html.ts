// A standalone interactive figure: one HTML file with the surface's data and a small canvas
// viewer inline (no network, no libraries), so an audience can orbit the surface in any
// browser. Drag to orbit, wheel or pinch to zoom, double-click to reset.
import { colormap, rgbBytes } from '../figure/colormaps.js';
import { surfaceGrid, valueAt, type Metric } from '../figure/grid.js';
import { sampleIndices } from '../figure/plot2d.js';
import { escapeXml } from '../figure/svg.js';
import { figureDefaults, type FigureOptions } from '../figure/theme.js';
import { defaultCamera, type Camera } from '../figure/camera.js';
import type { SurfaceFile } from '../surfaceFile.js';
import { ExportError } from './exportError.js';

export interface HtmlOptions extends FigureOptions {
  metric?: Metric;
  camera?: Partial<Camera>;
  /** Most grid points along each axis in the page (default 129); larger grids are sampled. */
  points?: number;
}

/** The data the page's viewer draws. */
export interface HtmlFigureData {
  alpha: number[];
  beta: number[];
  /** values[i·nβ + j], null where missing. */
  values: (number | null)[];
  range: [number, number];
  /** The path: [α, β, value on the surface]. */
  path: [number, number, number][];
  stops: [number, number, number][];
  camera: Camera;
  label: string;
  theme: { background: string; text: string; faint: string; path: string; halo: string; font: string };
}

/** The surface file as a self-contained HTML page. */
export function surfaceHtml(file: SurfaceFile, options: HtmlOptions = {}): string {
  const o = figureDefaults(options, { width: 960, height: 720 });
  const grid = surfaceGrid(file, options.metric, o.log);
  if (!grid.range) throw new ExportError(`the surface has no finite ${grid.metric} values to draw`);
  const is = sampleIndices(grid.alpha.length, (options.points ?? 129) - 1);
  const js = sampleIndices(grid.beta.length, (options.points ?? 129) - 1);
  const nb = grid.beta.length;
  const data: HtmlFigureData = {
    alpha: is.map((i) => grid.alpha[i]),
    beta: js.map((j) => grid.beta[j]),
    values: is.flatMap((i) => js.map((j) => (Number.isFinite(grid.values[i * nb + j]) ? grid.values[i * nb + j] : null))),
    range: [grid.range.min, grid.range.max],
    path: grid.trajectory.map((p) => [p.alpha, p.beta, valueAt(grid, p.alpha, p.beta)] as [number, number, number]).filter((p) => Number.isFinite(p[2])),
    stops: Array.from({ length: 33 }, (_, k) => rgbBytes(colormap(o.colormap, k / 32))),
    camera: { ...defaultCamera, ...options.camera },
    label: grid.label,
    theme: { background: o.transparent ? 'transparent' : o.theme.background, text: o.theme.text, faint: o.theme.faint, path: o.theme.path, halo: o.theme.pathHalo, font: o.theme.fontFamily },
  };
  const title = o.title ?? 'Loss landscape';
  // `<` is escaped so no value can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Losscape">
<title>${escapeXml(title)}</title>
<style>
html, body { margin: 0; height: 100%; background: ${data.theme.background}; color: ${data.theme.text}; font-family: ${data.theme.font}; }
#view { display: block; width: 100vw; height: 100vh; cursor: grab; touch-action: none; }
#view:active { cursor: grabbing; }
#help { position: fixed; left: 12px; bottom: 10px; font-size: 13px; opacity: 0.7; }
</style>
</head>
<body>
<canvas id="view" width="${o.width}" height="${o.height}" aria-label="${escapeXml(title)}: ${escapeXml(data.label)} over α and β"></canvas>
<div id="help">drag to orbit · wheel to zoom · double-click to reset</div>
<script type="application/json" id="losscape-data">${json}</script>
<script>
${VIEWER}
</script>
</body>
</html>
`;
}

/** The viewer: an orthographic camera, cells painted back to front, the path on top. */
const VIEWER = String.raw`(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('losscape-data').textContent);
  var canvas = document.getElementById('view');
  var ctx = canvas.getContext('2d');
  var H = 1.5, na = D.alpha.length, nb = D.beta.length;
  var lo = D.range[0], span = D.range[1] - D.range[0];
  var az = D.camera.azimuth, el = D.camera.elevation, zoom = 1;
  function wx(a) { return -1 + 2 * (a - D.alpha[0]) / (D.alpha[na - 1] - D.alpha[0]); }
  function wy(b) { return -1 + 2 * (b - D.beta[0]) / (D.beta[nb - 1] - D.beta[0]); }
  function wz(v) { return span > 0 ? (v - lo) / span * H : H / 2; }
  function colour(t) {
    var s = Math.min(1, Math.max(0, t)) * (D.stops.length - 1), k = Math.min(Math.floor(s), D.stops.length - 2), u = s - k;
    var a = D.stops[k], b = D.stops[k + 1];
    return 'rgb(' + [0, 1, 2].map(function (c) { return Math.round(a[c] * (1 - u) + b[c] * u); }).join(',') + ')';
  }
  var points = [], cells = [];
  for (var i = 0; i < na; i++) for (var j = 0; j < nb; j++) {
    var v = D.values[i * nb + j];
    points.push(v === null ? null : [wx(D.alpha[i]), wy(D.beta[j]), wz(v)]);
  }
  for (i = 0; i + 1 < na; i++) for (j = 0; j + 1 < nb; j++) {
    var ks = [i * nb + j, (i + 1) * nb + j, (i + 1) * nb + j + 1, i * nb + j + 1];
    if (ks.some(function (k) { return points[k] === null; })) continue;
    var mean = ks.reduce(function (s, k) { return s + D.values[k]; }, 0) / 4;
    cells.push({ ks: ks, fill: colour(span > 0 ? (mean - lo) / span : 0.5), depth: 0 });
  }
  var path = D.path.map(function (p) { return [wx(p[0]), wy(p[1]), wz(p[2]) + 0.01]; });
  function draw() {
    var dpr = window.devicePixelRatio || 1;
    var w = canvas.clientWidth || canvas.width, h = canvas.clientHeight || canvas.height;
    canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var a = az * Math.PI / 180, e = el * Math.PI / 180;
    var c = [Math.cos(e) * Math.cos(a), Math.cos(e) * Math.sin(a), Math.sin(e)];
    var r = [-Math.sin(a), Math.cos(a), 0];
    var up = [-Math.sin(e) * Math.cos(a), -Math.sin(e) * Math.sin(a), Math.cos(e)];
    var s = Math.min(w - 140, h) / 3.4 * zoom, ox = (w - 140) / 2, oy = h / 2;
    function P(p) { var z = p[2] - H / 2; return [ox + s * (p[0] * r[0] + p[1] * r[1]), oy - s * (p[0] * up[0] + p[1] * up[1] + z * up[2]), p[0] * c[0] + p[1] * c[1] + z * c[2]]; }
    var screen = points.map(function (p) { return p && P(p); });
    ctx.lineWidth = 1; ctx.strokeStyle = D.theme.faint;
    ctx.beginPath();
    [[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]].forEach(function (q, n) { var f = P([q[0], q[1], 0]); if (n) ctx.lineTo(f[0], f[1]); else ctx.moveTo(f[0], f[1]); });
    ctx.stroke();
    cells.forEach(function (cell) { cell.depth = cell.ks.reduce(function (d, k) { return d + screen[k][2]; }, 0); });
    cells.sort(function (x, y) { return x.depth - y.depth; });
    ctx.lineJoin = 'round'; ctx.lineWidth = 0.6;
    cells.forEach(function (cell) {
      ctx.beginPath();
      cell.ks.forEach(function (k, n) { var q = screen[k]; if (n) ctx.lineTo(q[0], q[1]); else ctx.moveTo(q[0], q[1]); });
      ctx.closePath(); ctx.fillStyle = cell.fill; ctx.strokeStyle = cell.fill; ctx.fill(); ctx.stroke();
    });
    if (path.length > 1) {
      [[D.theme.halo, 6], [D.theme.path, 3]].forEach(function (style) {
        ctx.beginPath();
        path.forEach(function (p, n) { var q = P(p); if (n) ctx.lineTo(q[0], q[1]); else ctx.moveTo(q[0], q[1]); });
        ctx.strokeStyle = style[0]; ctx.lineWidth = style[1]; ctx.stroke();
      });
    }
    ctx.fillStyle = D.theme.text; ctx.font = 'italic 18px ' + D.theme.font; ctx.textAlign = 'center';
    var la = P([0, -1.25, 0]), lb = P([1.25, 0, 0]);
    ctx.fillText('α', la[0], la[1]); ctx.fillText('β', lb[0], lb[1]);
    var bx = w - 110, by = h * 0.2, bh = h * 0.6;
    for (var k = 0; k < 64; k++) { ctx.fillStyle = colour((k + 0.5) / 64); ctx.fillRect(bx, by + bh - (k + 1) * bh / 64, 20, bh / 64 + 0.5); }
    ctx.fillStyle = D.theme.text; ctx.font = '14px ' + D.theme.font; ctx.textAlign = 'left';
    ctx.fillText(Number(D.range[1].toPrecision(3)), bx + 26, by + 5);
    ctx.fillText(Number(D.range[0].toPrecision(3)), bx + 26, by + bh + 5);
    ctx.font = '16px ' + D.theme.font; ctx.textAlign = 'center'; ctx.fillText(D.label, bx + 10, by - 14);
  }
  var drag = null, pending = false;
  function redraw() { if (!pending) { pending = true; requestAnimationFrame(function () { pending = false; draw(); }); } }
  canvas.addEventListener('pointerdown', function (ev) { drag = [ev.clientX, ev.clientY]; canvas.setPointerCapture(ev.pointerId); });
  canvas.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    az -= (ev.clientX - drag[0]) * 0.4; el = Math.max(-89, Math.min(89, el + (ev.clientY - drag[1]) * 0.4));
    drag = [ev.clientX, ev.clientY]; redraw();
  });
  canvas.addEventListener('pointerup', function () { drag = null; });
  canvas.addEventListener('wheel', function (ev) { ev.preventDefault(); zoom = Math.max(0.3, Math.min(5, zoom * Math.exp(-ev.deltaY * 0.001))); redraw(); }, { passive: false });
  canvas.addEventListener('dblclick', function () { az = D.camera.azimuth; el = D.camera.elevation; zoom = 1; redraw(); });
  window.addEventListener('resize', redraw);
  draw();
})();`;
