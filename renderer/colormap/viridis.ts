// Matplotlib's viridis colormap (Stéfan van der Walt and Nathaniel Smith, CC0), sampled at
// 33 evenly spaced points of its 256-entry table; linear interpolation between them stays
// within 2/255 of the full table. DOM-free, so the CLI and the tests can use it as well.

/** sRGB colours of viridis at t = k/32, k = 0…32, as 0xRRGGBB. */
const VIRIDIS_STOPS: readonly number[] = [
  0x440154, 0x470d60, 0x48186a, 0x482374, 0x472d7b, 0x453781,
  0x424086, 0x3e4989, 0x3b528b, 0x375b8d, 0x33638d, 0x2f6b8e,
  0x2c728e, 0x297a8e, 0x26828e, 0x23898e, 0x21908c, 0x1f978b,
  0x1f9f88, 0x21a685, 0x27ad81, 0x31b57b, 0x3ebc74, 0x4dc26c,
  0x5cc863, 0x6ece58, 0x82d34d, 0x95d840, 0xaadc32, 0xc0df25,
  0xd5e21a, 0xeae51a, 0xfde725,
];

/** An sRGB colour with channels in [0, 1]. */
export type Rgb = [r: number, g: number, b: number];

function channel(hex: number, shift: number): number {
  return ((hex >> shift) & 0xff) / 255;
}

/** Viridis at t ∈ [0, 1] (clamped; NaN gives the low end) as sRGB channels in [0, 1]. */
export function viridis(t: number): Rgb {
  const s = Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t)) * (VIRIDIS_STOPS.length - 1);
  const k = Math.min(Math.floor(s), VIRIDIS_STOPS.length - 2);
  const u = s - k;
  const a = VIRIDIS_STOPS[k];
  const b = VIRIDIS_STOPS[k + 1];
  return [16, 8, 0].map((shift) => channel(a, shift) * (1 - u) + channel(b, shift) * u) as Rgb;
}

/** Viridis at t as a CSS colour, `rgb(68 1 84)`. */
export function viridisCss(t: number): string {
  const [r, g, b] = viridis(t).map((c) => Math.round(c * 255));
  return `rgb(${r} ${g} ${b})`;
}

/** Converts one sRGB channel in [0, 1] to linear light, as WebGL shading expects. */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
