// Lines drawn over a colormapped surface (contours, the wireframe) must read on the dark and
// the bright end of every colormap alike: white over dark colours, near-black over bright ones.
import type { Rgb } from '../../engine/io/figure/colormaps.js';

/** Luma (Rec. 709 weights on the sRGB channels) above which a colour takes dark ink. */
const BRIGHT_FROM = 0.55;

const LIGHT = { css: '#ffffff', rgb: [1, 1, 1] as Rgb, opacity: 0.5 };
const DARK = { css: '#0d1017', rgb: [13 / 255, 16 / 255, 23 / 255] as Rgb, opacity: 0.55 };

/** The ink of a line over the sRGB colour `under`: its CSS colour, sRGB channels and opacity. */
export function inkOver(under: Rgb): { css: string; rgb: Rgb; opacity: number } {
  const luma = 0.2126 * under[0] + 0.7152 * under[1] + 0.0722 * under[2];
  return luma > BRIGHT_FROM ? DARK : LIGHT;
}

/** What the translucent ink looks like over `under`, as one opaque sRGB colour (no blending needed). */
export function blendedInk(under: Rgb): Rgb {
  const { rgb, opacity } = inkOver(under);
  return under.map((c, k) => c * (1 - opacity) + rgb[k] * opacity) as Rgb;
}
