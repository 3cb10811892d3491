/**
 * Looping animated GIFs from RGBA frames, with no DOM: the CLI rasterizes its SVG figures, the
 * app captures its 3D view. Every frame shares one palette (up to 255 colours, quantized by
 * gifenc from sample frames); after the first, a frame keeps only the pixels that changed and
 * leaves the rest transparent over the frame before, so a marker moving over a still figure
 * costs little.
 */
import * as gifencModule from 'gifenc';
import type { Palette } from 'gifenc';
import { ExportError } from './exportError.js';

// Node loads gifenc's CommonJS build (the functions on its default export), bundlers its ES build (named exports).
const cjsExports = gifencModule.default;
const gifenc = typeof cjsExports === 'function' ? gifencModule : cjsExports;

/** An image as RGBA bytes, row by row from the top: width × height × 4 values. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8Array | Uint8ClampedArray;
}

export type { Palette };

/** A GIF's colours, up to 255 (one index stays free for "unchanged"), quantized from `samples`. */
export function gifPalette(samples: readonly RgbaImage[]): Palette {
  const rgba = new Uint8Array(samples.reduce((n, s) => n + s.pixels.length, 0));
  let at = 0;
  for (const s of samples) {
    rgba.set(s.pixels, at);
    at += s.pixels.length;
  }
  return gifenc.quantize(rgba, 255);
}

/** A GIF written one frame at a time. */
export interface GifWriter {
  /** Adds a frame shown for one frame time plus `holdSeconds`; it must have the first frame's size. */
  add(image: RgbaImage, holdSeconds?: number): void;
  /** Ends the GIF and answers its bytes. */
  finish(): Uint8Array;
}

/** A looping GIF in `palette`'s colours at `fps` frames per second. */
export function gifWriter(palette: Palette, fps: number): GifWriter {
  const encoder = gifenc.GIFEncoder();
  // The index after the colours is transparent: "as in the frame before".
  const unchanged = palette.length;
  let previous: { width: number; height: number; index: Uint8Array } | null = null;
  return {
    add(image, holdSeconds = 0) {
      const { width, height, pixels } = image;
      if (pixels.length !== width * height * 4) throw new ExportError(`a ${width}×${height} frame needs ${width * height * 4} RGBA values, not ${pixels.length}`);
      if (previous && (width !== previous.width || height !== previous.height)) throw new ExportError(`every frame must be ${previous.width}×${previous.height}, not ${width}×${height}`);
      const index = gifenc.applyPalette(pixels, palette);
      const before = previous?.index;
      const frame = before ? index.map((c, k) => (c === before[k] ? unchanged : c)) : index;
      const delay = Math.round(1000 * (1 / fps + holdSeconds));
      // Disposal 1 leaves each frame in place for the next one to draw over.
      encoder.writeFrame(frame, width, height, { ...(before ? {} : { palette: [...palette, [0, 0, 0]] }), delay, repeat: 0, transparent: before !== undefined, transparentIndex: unchanged, dispose: 1 });
      previous = { width, height, index };
    },
    finish() {
      if (!previous) throw new ExportError('a GIF needs at least one frame');
      encoder.finish();
      return encoder.bytes();
    },
  };
}

/** A looping GIF of `images` at `fps`, the last held `holdSeconds` longer, in colours from the first and last. */
export function animatedGif(images: readonly RgbaImage[], options: { fps: number; holdSeconds: number }): Uint8Array {
  if (images.length === 0) throw new ExportError('a GIF needs at least one frame');
  const writer = gifWriter(gifPalette([images[0], images[images.length - 1]]), options.fps);
  images.forEach((image, k) => writer.add(image, k === images.length - 1 ? options.holdSeconds : 0));
  return writer.finish();
}
