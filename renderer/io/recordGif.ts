// Animated GIFs of a 3D view, frame by frame (encodeFrames.ts). This thread only captures (the
// canvas lives here); each frame's pixels move to the export worker, which quantizes and
// encodes them (workers/gifSession.ts) while the next frame is captured.
import { transfer } from 'comlink';
import type { RgbaImage } from '../../engine/io/export/gif.js';
import { HOLD_SECONDS, type AnimationOptions } from './animation.js';
import { encodeFrames, viewAt } from './encodeFrames.js';
import { onExportWorker } from './exportClient.js';

/** `image` for a worker call, its pixels moved there rather than copied. */
const moved = (image: RgbaImage) => transfer(image, [image.pixels.buffer as ArrayBuffer]);

/** Records the view of `canvas`, `width` px wide, as `seconds × fps` frames; answers the GIF, or null when aborted. */
export async function recordGif(canvas: HTMLCanvasElement, width: number, options: AnimationOptions): Promise<Uint8Array | null> {
  const frameAt = async (t: number): Promise<RgbaImage> => {
    const image = await viewAt(canvas, width, options, t);
    const { data } = image.getContext('2d')!.getImageData(0, 0, image.width, image.height);
    return { width: image.width, height: image.height, pixels: data };
  };
  // The palette comes from the first and last frames (the whole path and its markers are in both).
  const last = await frameAt(1);
  const first = await frameAt(0);
  const id = await onExportWorker((w) => w.gifStart(moved(first), moved(last), { fps: options.fps, holdSeconds: HOLD_SECONDS }));
  return encodeFrames(options, frameAt, {
    add: (frame) => onExportWorker((w) => w.gifAdd(id, moved(frame))),
    finish: () => onExportWorker((w) => w.gifFinish(id)),
    abort: () => void onExportWorker((w) => w.gifAbort(id)).catch(() => undefined),
  });
}
