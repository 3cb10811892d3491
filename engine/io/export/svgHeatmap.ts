// The surface as a heatmap (matplotlib's pcolormesh): one rectangle per grid point in the
// colour of its value, with the optimizer's path, axes α and β and a colour bar.
import { surfaceGrid, type Metric } from '../figure/grid.js';
import { axes2d, backdrop, colorbar, heatmapCells, layout2d, pathLayer, plotAttributes } from '../figure/plot2d.js';
import { el, svgDocument } from '../figure/svg.js';
import type { FigureOptions } from '../figure/theme.js';
import type { SurfaceFile } from '../surfaceFile.js';

export interface HeatmapOptions extends FigureOptions {
  metric?: Metric;
  marker?: number;
}

/** The heatmap of a surface file as an SVG document. */
export function surfaceHeatmapSvg(file: SurfaceFile, options: HeatmapOptions = {}): string {
  const grid = surfaceGrid(file, options.metric, options.log);
  const layout = layout2d(grid, options);
  return svgDocument(layout.size, { 'data-figure': 'heatmap' }, [
    backdrop(layout),
    el('g', { id: 'plot', ...plotAttributes(layout, grid) }, [heatmapCells(layout, grid), pathLayer(layout, grid.trajectory, options.marker)]),
    axes2d(layout, grid),
    colorbar(layout, grid),
  ]);
}
