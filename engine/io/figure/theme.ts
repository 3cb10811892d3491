// Light and dark themes for exported figures, sized for slides: a figure 960 px wide set
// full-width on a 1920 px slide keeps labels at about 18 pt and lines at 2 px or more.
import { ExportError } from '../export/exportError.js';
import { colormapNames, isColormapName, type ColormapName } from './colormaps.js';

export interface Theme {
  name: 'light' | 'dark';
  background: string;
  /** Labels, ticks and the frame. */
  text: string;
  /** Faint grid lines and outlines. */
  faint: string;
  /** The optimizer's path, its start and its end (readable over every colormap). */
  path: string;
  pathHalo: string;
  start: string;
  end: string;
  /** The marker of an animation frame. */
  marker: string;
  fontFamily: string;
  /** Label and tick font sizes in px at the figure's nominal size. */
  fontSize: number;
  tickSize: number;
  lineWidth: number;
}

const shared = {
  fontFamily: "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif",
  fontSize: 22,
  tickSize: 17,
  lineWidth: 2,
};

export const themes: Record<Theme['name'], Theme> = {
  light: { name: 'light', background: '#ffffff', text: '#1b1b1f', faint: '#c9c9d1', path: '#e0115f', pathHalo: '#ffffff', start: '#ffffff', end: '#e0115f', marker: '#ff9f1c', ...shared },
  dark: { name: 'dark', background: '#15161a', text: '#ececf1', faint: '#4a4b55', path: '#ff5c8a', pathHalo: '#15161a', start: '#ffffff', end: '#ff2e4d', marker: '#ff9f1c', ...shared },
};

/** What every figure exporter accepts. */
export interface FigureOptions {
  /** Size of the figure in px (the SVG's viewBox); PNG rasterizes it at any size. */
  width?: number;
  height?: number;
  theme?: Theme['name'];
  colormap?: ColormapName;
  /** No background: the slide shows through. */
  transparent?: boolean;
  /** Plot log₁₀ of the metric (Li et al.'s --log); non-positive values are missing. */
  log?: boolean;
  /** Title drawn above the plot (none by default). */
  title?: string;
}

/** The options with defaults filled in and checked. */
export function figureDefaults(options: FigureOptions = {}, size: { width: number; height: number }) {
  const colormap = options.colormap ?? 'viridis';
  if (!isColormapName(colormap)) throw new ExportError(`unknown colormap "${colormap}": use ${colormapNames.join(', ')}`);
  const width = options.width ?? size.width;
  const height = options.height ?? size.height;
  return { width, height, theme: themes[options.theme ?? 'light'], colormap, transparent: options.transparent ?? false, log: options.log ?? false, title: options.title };
}
