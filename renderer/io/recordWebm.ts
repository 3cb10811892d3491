// WebM videos of a canvas: its captureStream feeds a MediaRecorder while `step(t)` moves the
// scene from t = 0 to 1 in real time, one call per animation frame. (Recording a 2D canvas that
// composes the view with its HTML labels gave Chromium no frames, so the video has no labels.)

import { HOLD_SECONDS, nextFrame, type AnimationOptions } from './animation.js';

/** WebM types to ask MediaRecorder for, best first. */
const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

/** The first WebM type this browser's MediaRecorder writes, or null when it writes none. */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return WEBM_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

/** Records `canvas` while `options.step` animates it; answers the WebM, or null when aborted. */
export async function recordWebm(canvas: HTMLCanvasElement, options: AnimationOptions): Promise<Blob | null> {
  const mimeType = webmType();
  if (!mimeType) throw new Error('this browser cannot record WebM video (MediaRecorder has no VP8 or VP9)');
  const stream = canvas.captureStream(options.fps);
  const [track] = stream.getVideoTracks() as CanvasCaptureMediaStreamTrack[];
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 8_000_000 });
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  const stopped = new Promise<void>((resolve, reject) => {
    recorder.addEventListener('stop', () => resolve());
    recorder.addEventListener('error', (event) => reject(new Error(`the recorder failed: ${(event as Event & { error?: DOMException }).error?.message ?? 'unknown error'}`)));
  });
  try {
    options.step(0);
    await nextFrame();
    recorder.start(250);
    const start = performance.now();
    const total = options.seconds + HOLD_SECONDS;
    // The loop's last frames, past `seconds`, hold t = 1.
    for (let elapsed = 0; elapsed < total && !options.signal?.aborted; elapsed = (performance.now() - start) / 1000) {
      options.step(Math.min(1, elapsed / options.seconds));
      options.onProgress?.(elapsed / total);
      await nextFrame();
      // A canvas that did not change sends no frame: ask for one, so held frames last their time.
      track.requestFrame();
    }
    recorder.stop();
    await stopped;
  } finally {
    if (recorder.state !== 'inactive') recorder.stop();
    for (const track of stream.getTracks()) track.stop();
  }
  options.onProgress?.(1);
  if (options.signal?.aborted) return null;
  if (chunks.length === 0) throw new Error('the browser recorded no frames');
  return new Blob(chunks, { type: 'video/webm' });
}
