// The animated exports' frames (WebM, GIF): each is the view as the scene drew it at t, with
// the axes' labels, and goes to an encoding in the export worker while the next is captured.
import { snapshotView } from '../scene/capture.js';
import type { AnimationOptions } from './animation.js';

/** Frames sent to the export worker and not yet encoded: enough to keep it busy, few enough to bound memory. */
const IN_FLIGHT = 3;

/** Resolves at the next animation frame, after the scene has drawn what `step` changed. */
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** The view of `canvas`, `width` px wide with its labels, once the scene has moved to `t`. */
export async function viewAt(canvas: HTMLCanvasElement, width: number, options: AnimationOptions, t: number): Promise<HTMLCanvasElement> {
  options.step(t);
  await nextFrame();
  return snapshotView(canvas, width);
}

/** An encoding opened in the export worker, fed one frame at a time. */
export interface FrameEncoding<Frame, Result> {
  add(frame: Frame): Promise<void>;
  /** Ends the encoding (closing it, even when this fails) and answers the file. */
  finish(): Promise<Result>;
  /** Drops the encoding; harmless once it is closed. */
  abort(): void;
}

/**
 * Feeds `encoding` the frames between the first and the last (t = k / (count − 1)), at most
 * IN_FLIGHT unencoded at once, then finishes it; answers null when aborted. Unless it finished,
 * the encoding is dropped, so a cancel or a failure leaves nothing open in the worker.
 */
export async function encodeFrames<Frame, Result>(options: AnimationOptions, capture: (t: number) => Promise<Frame>, encoding: FrameEncoding<Frame, Result>): Promise<Result | null> {
  const count = Math.max(2, Math.round(options.seconds * options.fps));
  let finished = false;
  try {
    const sent: Promise<void>[] = [];
    for (let k = 1; k < count - 1; k++) {
      if (options.signal?.aborted) return null;
      const added = encoding.add(await capture(k / (count - 1)));
      added.catch(() => undefined); // awaited below; a failure meanwhile must not go unhandled
      sent.push(added);
      if (sent.length >= IN_FLIGHT) await sent.shift();
      options.onProgress?.(k / (count - 1));
    }
    if (options.signal?.aborted) return null;
    // A frame the worker refused (the view resized mid-recording) fails the file, not just the frame.
    await Promise.all(sent);
    const result = await encoding.finish();
    finished = true;
    options.onProgress?.(1);
    return result;
  } finally {
    if (!finished) encoding.abort();
  }
}
