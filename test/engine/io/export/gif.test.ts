// The shared GIF writer, read back by the spec-written decoder in test/utils: sizes, frame
// count, delays and loop, every pixel near its source colour, and frames that keep only the
// pixels that changed.
import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../engine/io/export/exportError.js';
import { animatedGif, gifPalette, gifWriter, type RgbaImage } from '../../../../engine/io/export/gif.js';
import { decodeGif } from '../../../utils/gifDecode.js';

const W = 48;
const H = 32;
const BANDS = [
  [30, 60, 120],
  [200, 200, 40],
  [16, 16, 23],
  [240, 240, 240],
];
const MARKER = [255, 159, 28];

/** A seeded stream of bytes (a linear congruential generator). */
function randomBytes(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255;
}

/** 200 random colours: few enough for one palette, random enough that LZW hardly compresses them. */
const random = randomBytes(7);
const NOISE = Array.from({ length: 200 }, () => [random(), random(), random()]);

/** Frame k: four vertical bands (or seeded noise) with a 4 × 4 marker that moves right and down. */
function frame(k: number, background: 'bands' | 'noise' = 'bands'): RgbaImage {
  const pixels = new Uint8Array(W * H * 4);
  const pick = randomBytes(12345);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const inMarker = x >= 4 + 7 * k && x < 8 + 7 * k && y >= 10 + 2 * k && y < 14 + 2 * k;
      const rgb = inMarker ? MARKER : background === 'bands' ? BANDS[Math.floor((4 * x) / W)] : NOISE[pick() % NOISE.length];
      pixels.set([...rgb, 255], 4 * (y * W + x));
    }
  }
  return { width: W, height: H, pixels };
}

const maxDifference = (a: Uint8Array, b: ArrayLike<number>) => a.reduce((m, v, k) => Math.max(m, Math.abs(v - b[k])), 0);

describe('animatedGif', () => {
  it('decodes to every frame at its size, looping forever, with the last frame held', () => {
    const images = Array.from({ length: 6 }, (_, k) => frame(k));
    const gif = decodeGif(animatedGif(images, { fps: 10, holdSeconds: 0.5 }));
    expect([gif.width, gif.height, gif.loops]).toEqual([W, H, 0]);
    expect(gif.frames.map((f) => f.delayMs)).toEqual([100, 100, 100, 100, 100, 600]);
    // rgb565 quantization: within 8 of the source in every channel of every pixel.
    gif.frames.forEach((f, k) => expect(maxDifference(f.rgba, images[k].pixels), `frame ${k}`).toBeLessThanOrEqual(8));
    for (let k = 1; k < 6; k++) expect(maxDifference(gif.frames[k].rgba, gif.frames[k - 1].rgba), `frame ${k} against ${k - 1}`).toBeGreaterThan(100);
  });

  it('stores only the changed pixels after the first frame, the rest transparent over it', () => {
    const images = Array.from({ length: 6 }, (_, k) => frame(k, 'noise'));
    const bytes = animatedGif(images, { fps: 10, holdSeconds: 0 });
    const gif = decodeGif(bytes);
    expect(gif.frames.map((f) => [f.transparent, f.disposal])).toEqual([[false, 1], ...Array(5).fill([true, 1])]);
    gif.frames.forEach((f, k) => expect(maxDifference(f.rgba, images[k].pixels), `frame ${k}`).toBeLessThanOrEqual(8));
    // Noise hardly compresses: five more full frames would cost five times the first.
    const one = animatedGif(images.slice(0, 1), { fps: 10, holdSeconds: 0 });
    expect(bytes.length).toBeLessThan(2 * one.length);
  });

  it('uses at most 255 colours, leaving one index for unchanged pixels', () => {
    const next = randomBytes(3);
    const manyColours = { width: 64, height: 64, pixels: Uint8Array.from({ length: 64 * 64 * 4 }, (_, k) => (k % 4 === 3 ? 255 : next())) };
    expect(gifPalette([manyColours]).length).toBe(255);
    expect(gifPalette([frame(0)]).length).toBeLessThanOrEqual(BANDS.length + 1);
  });

  it('refuses frames of another size, short pixel arrays, and a GIF with no frames', () => {
    const writer = gifWriter(gifPalette([frame(0)]), 10);
    writer.add(frame(0));
    expect(() => writer.add({ width: W + 1, height: H, pixels: new Uint8Array((W + 1) * H * 4) })).toThrow(new ExportError(`every frame must be ${W}×${H}, not ${W + 1}×${H}`));
    expect(() => writer.add({ width: W, height: H, pixels: new Uint8Array(10) })).toThrow(ExportError);
    expect(() => gifWriter([[0, 0, 0]], 10).finish()).toThrow('a GIF needs at least one frame');
    expect(() => animatedGif([], { fps: 10, holdSeconds: 0 })).toThrow('a GIF needs at least one frame');
  });
});
