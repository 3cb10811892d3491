/** PNG from the engine's SVG figures, rasterized by resvg (Node only) at the figure's pixel size. */
import { Resvg } from '@resvg/resvg-js';

/** The SVG document rendered as PNG bytes (width × height as the SVG's width and height say). */
export function svgToPng(svg: string): Uint8Array {
  const image = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'original' } }).render();
  return new Uint8Array(image.asPng());
}

/** The SVG rendered as RGBA pixels. */
export function svgToRgba(svg: string): { width: number; height: number; pixels: Uint8Array } {
  const image = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'original' } }).render();
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}
