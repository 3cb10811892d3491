// Li et al.'s 2D figure as SVG: contour lines of the surface coloured by level over a faint
// heatmap, with the optimizer's projected path, axes α and β and a colour bar.
import { contourLevels, contourSegments } from '../figure/contours.js';
import { surfaceGrid, type Metric } from '../figure/grid.js';
import { axes2d, backdrop, colorbar, heatmapCells, layout2d, pathLayer, plotAttributes } from '../figure/plot2d.js';
import { el, svgDocument } from '../figure/svg.js';
import type { FigureOptions } from '../figure/theme.js';
import type { SurfaceFile } from '../surfaceFile.js';

export interface ContourOptions extends FigureOptions {
  metric?: Metric;
  /** About this many round levels between the smallest and largest value (default 14). */
  levels?: number;
  /** Draw the path up to snapshot `marker` bold, with a marker there (for animations). */
  marker?: number;
}

/** The contour plot of a surface file as an SVG document. */
export function surfaceContourSvg(file: SurfaceFile, options: ContourOptions = {}): string {
  const grid = surfaceGrid(file, options.metric, options.log);
  const layout = layout2d(grid, options);
  const na = grid.alpha.length;
  const nb = grid.beta.length;
  const levels = grid.range ? contourLevels(grid.range.min, grid.range.max, options.levels ?? 14) : [];
  // Fractional grid coordinates to the viewBox, exact for evenly spaced axes.
  const gx = (fi: number) => layout.sx(grid.alpha[0] + (fi / (na - 1)) * (grid.alpha[na - 1] - grid.alpha[0]));
  const gy = (fj: number) => layout.sy(grid.beta[0] + (fj / (nb - 1)) * (grid.beta[nb - 1] - grid.beta[0]));
  const lines = levels.map((level) => {
    const s = contourSegments(grid.values, na, nb, level);
    let d = '';
    for (let k = 0; k < s.length; k += 4) d += `M${r(gx(s[k]))} ${r(gy(s[k + 1]))}L${r(gx(s[k + 2]))} ${r(gy(s[k + 3]))}`;
    return d ? el('path', { class: 'contour', d, fill: 'none', stroke: layout.colour(level), 'stroke-width': layout.theme.lineWidth, 'stroke-linecap': 'round', 'data-level': level }) : '';
  });
  return svgDocument(layout.size, { 'data-figure': 'contour' }, [
    backdrop(layout),
    el('g', { id: 'plot', ...plotAttributes(layout, grid) }, [
      heatmapCells(layout, grid, { opacity: 0.28 }),
      el('g', { id: 'contours', 'data-levels': levels.length }, lines),
      pathLayer(layout, grid.trajectory, options.marker),
    ]),
    axes2d(layout, grid),
    colorbar(layout, grid),
  ]);
}

function r(x: number): number {
  return Math.round(x * 100) / 100;
}
