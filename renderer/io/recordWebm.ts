// WebM videos of a 3D view, frame by frame like the GIF (encodeFrames.ts), with the axes' labels.
// This thread only captures; each frame moves to the export worker as an ImageBitmap, where
// WebCodecs encodes it (VP9, else VP8) and mediabunny muxes it (workers/webmSession.ts).
// Frame k is at k / fps whatever speed this machine captures at.
import { transfer } from 'comlink';
import { HOLD_SECONDS, type AnimationOptions } from './animation.js';
import { encodeFrames, viewAt } from './encodeFrames.js';
import { onExportWorker } from './exportClient.js';

/** `frame` for a worker call, moved there rather than copied. */
const moved = (frame: ImageBitmap) => transfer(frame, [frame]);

/** Whether this browser has WebCodecs' VideoEncoder (which codecs it encodes is known only when recording starts). */
export function canEncodeWebm(): boolean {
  return typeof VideoEncoder !== 'undefined';
}

/** Records the view of `canvas`, `width` px wide, as `seconds × fps` frames; answers the WebM, or null when aborted. */
export async function recordWebm(canvas: HTMLCanvasElement, width: number, options: AnimationOptions): Promise<Blob | null> {
  if (!canEncodeWebm()) throw new Error('this browser cannot encode WebM video (it has no WebCodecs VideoEncoder)');
  const frameAt = async (t: number) => createImageBitmap(await viewAt(canvas, width, options, t));
  const first = await frameAt(0);
  const id = await onExportWorker((w) => w.webmStart(moved(first), { fps: options.fps, holdSeconds: HOLD_SECONDS }));
  const video = await encodeFrames(options, frameAt, {
    add: (frame) => onExportWorker((w) => w.webmAdd(id, moved(frame))),
    finish: async () => {
      const last = await frameAt(1);
      return onExportWorker((w) => w.webmFinish(id, moved(last)));
    },
    abort: () => void onExportWorker((w) => w.webmAbort(id)).catch(() => undefined),
  });
  return video && new Blob([video], { type: 'video/webm' });
}
