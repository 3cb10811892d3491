// Animated GIFs of a 3D view: `step` moves the scene through evenly spaced t from 0 to 1, each
// frame is the canvas as the scene drew it, scaled, with the axes' labels (capture.tsx), and
// goes straight to the engine's GIF writer, so only a few frames are in memory at once.
import { gifPalette, gifWriter, type RgbaImage } from '../../engine/io/export/gif.js';
import { snapshotView } from '../scene/capture.js';
import { HOLD_SECONDS, nextFrame, type AnimationOptions } from './animation.js';

/** Records the view of `canvas`, `width` px wide, as `seconds × fps` frames; answers the GIF, or null when aborted. */
export async function recordGif(canvas: HTMLCanvasElement, width: number, options: AnimationOptions): Promise<Uint8Array | null> {
  const count = Math.max(2, Math.round(options.seconds * options.fps));
  const frameAt = async (t: number): Promise<RgbaImage> => {
    options.step(t);
    await nextFrame();
    const image = snapshotView(canvas, width);
    const { data } = image.getContext('2d')!.getImageData(0, 0, image.width, image.height);
    return { width: image.width, height: image.height, pixels: data };
  };
  // The palette comes from the first and last frames (the whole path and its markers are in both).
  const last = await frameAt(1);
  const first = await frameAt(0);
  const writer = gifWriter(gifPalette([first, last]), options.fps);
  writer.add(first);
  for (let k = 1; k < count; k++) {
    if (options.signal?.aborted) return null;
    const final = k === count - 1;
    writer.add(final ? last : await frameAt(k / (count - 1)), final ? HOLD_SECONDS : 0);
    options.onProgress?.(k / (count - 1));
  }
  return writer.finish();
}
