// Matplotlib's perceptually uniform colormaps (viridis, magma, inferno, plasma by Stéfan van
// der Walt and Nathaniel Smith, CC0; cividis by Nuñez, Anderton and Renslow, optimized for
// colour-vision deficiency), sampled at 33 evenly spaced entries of their 256-entry tables.
// Linear interpolation between the samples stays within a few 1/255 of the full tables.

/** An sRGB colour with channels in [0, 1]. */
export type Rgb = [r: number, g: number, b: number];

/** The colormaps a figure can use; all read in greyscale and to colour-blind eyes. */
export const colormapNames = ['viridis', 'cividis', 'magma', 'inferno', 'plasma'] as const;
export type ColormapName = (typeof colormapNames)[number];

/** sRGB colours at t = k/32, k = 0…32, as 0xRRGGBB. */
const STOPS: Record<ColormapName, readonly number[]> = {
  viridis: [
    0x440154, 0x470d60, 0x48186a, 0x482374, 0x472d7b, 0x453781, 0x424086, 0x3e4989, 0x3b528b, 0x375b8d, 0x33638d,
    0x2f6b8e, 0x2c728e, 0x297a8e, 0x26828e, 0x23898e, 0x21918c, 0x1f978b, 0x1f9f88, 0x21a685, 0x27ad81, 0x31b57b,
    0x3dbc74, 0x4cc26c, 0x5cc863, 0x6ece58, 0x81d34d, 0x95d840, 0xaadc32, 0xc0df25, 0xd5e21a, 0xeae51a, 0xfde725,
  ],
  cividis: [
    0x00224e, 0x00285b, 0x002e6a, 0x053371, 0x1a386f, 0x273e6e, 0x32436d, 0x3b496c, 0x434e6c, 0x4b546c, 0x535a6d,
    0x5a5f6e, 0x61656f, 0x686a71, 0x6f7073, 0x767676, 0x7d7c78, 0x838179, 0x8b8778, 0x928d78, 0x9a9376, 0xa29975,
    0xaaa073, 0xb3a670, 0xbbad6d, 0xc3b369, 0xccba64, 0xd4c15f, 0xddc858, 0xe6d051, 0xefd748, 0xf8df3c, 0xfee838,
  ],
  magma: [
    0x000004, 0x030312, 0x0a0822, 0x130d34, 0x1d1147, 0x29115a, 0x36106b, 0x440f76, 0x51127c, 0x5d177f, 0x6a1c81,
    0x762181, 0x832681, 0x902a81, 0x9c2e7f, 0xaa337d, 0xb73779, 0xc23b75, 0xcf4070, 0xdb476a, 0xe55064, 0xee5b5e,
    0xf4695c, 0xf9785d, 0xfb8761, 0xfd9668, 0xfea571, 0xfeb47b, 0xfec287, 0xfed194, 0xfde0a1, 0xfceeb0, 0xfcfdbf,
  ],
  inferno: [
    0x000004, 0x040312, 0x0b0724, 0x150b37, 0x210c4a, 0x2f0a5b, 0x3d0965, 0x4a0c6b, 0x57106e, 0x64156e, 0x71196e,
    0x7d1e6d, 0x8a226a, 0x972766, 0xa32c61, 0xb0315b, 0xbc3754, 0xc63d4d, 0xd04545, 0xda4e3c, 0xe35933, 0xeb6429,
    0xf1711f, 0xf67e14, 0xf98c0a, 0xfb9b06, 0xfcaa0f, 0xfbba1f, 0xf9c932, 0xf5d949, 0xf2e865, 0xf3f586, 0xfcffa4,
  ],
  plasma: [
    0x0d0887, 0x220690, 0x310597, 0x3f049c, 0x4c02a1, 0x5901a5, 0x6600a7, 0x7201a8, 0x7e03a8, 0x8a09a5, 0x9511a1,
    0xa01a9c, 0xaa2395, 0xb32c8e, 0xbc3587, 0xc43e7f, 0xcc4778, 0xd24f71, 0xd9586a, 0xdf6263, 0xe56b5d, 0xeb7556,
    0xf07f4f, 0xf48948, 0xf89441, 0xfb9f3a, 0xfdab33, 0xfeb72d, 0xfdc328, 0xfcd025, 0xf9dd25, 0xf5eb27, 0xf0f921,
  ],
};

/** Whether `name` is a colormap this module knows. */
export function isColormapName(name: string): name is ColormapName {
  return (colormapNames as readonly string[]).includes(name);
}

/** The colormap `name` at t ∈ [0, 1] (clamped; NaN gives the low end) as sRGB in [0, 1]. */
export function colormap(name: ColormapName, t: number): Rgb {
  const stops = STOPS[name];
  const s = Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const k = Math.min(Math.floor(s), stops.length - 2);
  const u = s - k;
  const channel = (hex: number, shift: number) => ((hex >> shift) & 0xff) / 255;
  return [16, 8, 0].map((shift) => channel(stops[k], shift) * (1 - u) + channel(stops[k + 1], shift) * u) as Rgb;
}

/** An sRGB colour as 8-bit channels. */
export function rgbBytes(rgb: Rgb): [number, number, number] {
  return rgb.map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255)) as [number, number, number];
}

/** An sRGB colour as `#rrggbb`. */
export function rgbHex(rgb: Rgb): string {
  return `#${rgbBytes(rgb).map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Converts one sRGB channel in [0, 1] to linear light, as glTF vertex colours expect. */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
