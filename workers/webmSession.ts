// WebM videos encoded in the export worker while the app captures their frames: the app has to
// capture on its own thread (it reads the WebGL canvas), so it sends each frame here as an
// ImageBitmap; WebCodecs' VideoEncoder (VP9, else VP8) encodes it and mediabunny muxes it into
// WebM, so nothing but the capture runs on the UI thread. Timing does not depend on how fast
// frames arrive: frame k starts at k / fps and lasts 1 / fps, and the last lasts `holdSeconds` more.
import { transfer } from 'comlink';
import { BufferTarget, getFirstEncodableVideoCodec, Output, Quality, VideoSample, VideoSampleSource, WebMOutputFormat } from 'mediabunny';
import { ExportError } from '../engine/io/export/exportError.js';

interface Session {
  output: Output<WebMOutputFormat, BufferTarget>;
  source: VideoSampleSource;
  fps: number;
  holdSeconds: number;
  frames: number;
  /** Every frame added so far: adds chain on it, so frames are encoded in the order they arrived. */
  added: Promise<void>;
}

/** Adds `frame` (closed here) as the session's next frame, `extraSeconds` longer than 1 / fps; resolves once it is encoded. */
function addFrame(session: Session, frame: ImageBitmap, extraSeconds = 0): Promise<void> {
  const k = session.frames++;
  const sample = new VideoSample(frame, { timestamp: k / session.fps, duration: 1 / session.fps + extraSeconds });
  frame.close(); // the sample holds its own copy
  session.added = session.added.then(() => session.source.add(sample)).finally(() => sample.close());
  return session.added;
}

/** A set of open WebM encodings, keyed by id. */
export function webmSessions() {
  const open = new Map<number, Session>();
  let next = 1;
  const session = (id: number): Session => {
    const found = open.get(id);
    if (!found) throw new ExportError(`there is no open WebM video ${id}: it was finished or aborted, or never started`);
    return found;
  };
  return {
    /** Opens a WebM video at `fps`, the size of `first`, and adds `first`; answers its id. Throws when this browser can encode neither VP9 nor VP8. */
    async webmStart(first: ImageBitmap, options: { fps: number; holdSeconds: number }): Promise<number> {
      const { width, height } = first;
      let output: Output<WebMOutputFormat, BufferTarget> | undefined;
      try {
        const codec = await getFirstEncodableVideoCodec(['vp9', 'vp8'], { width, height, frameRate: options.fps });
        if (!codec) throw new ExportError(`this browser cannot encode WebM video: its VideoEncoder has neither VP9 nor VP8 at ${width}×${height}`);
        output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
        const source = new VideoSampleSource({ codec, quality: new Quality('high') });
        // The track's frame rate snaps every timestamp and duration to whole frames of 1 / fps.
        output.addVideoTrack(source, { frameRate: options.fps });
        await output.start();
        const started: Session = { output, source, fps: options.fps, holdSeconds: options.holdSeconds, frames: 0, added: Promise.resolve() };
        await addFrame(started, first);
        open.set(next, started);
        return next++;
      } catch (error) {
        void output?.cancel().catch(() => undefined);
        throw error;
      } finally {
        first.close(); // a no-op once added; releases it when opening failed
      }
    },
    /** Adds the next frame; resolves once it is encoded (callers bound the frames in flight with it). */
    webmAdd(id: number, frame: ImageBitmap): Promise<void> {
      return addFrame(session(id), frame);
    },
    /** Adds the last frame, held `holdSeconds` longer, and answers the WebM's bytes (transferred); the session closes even if this throws. */
    async webmFinish(id: number, last: ImageBitmap): Promise<Uint8Array<ArrayBuffer>> {
      const finishing = session(id);
      open.delete(id);
      try {
        await addFrame(finishing, last, finishing.holdSeconds);
        await finishing.output.finalize();
      } catch (error) {
        void finishing.output.cancel().catch(() => undefined);
        throw error;
      }
      const bytes = new Uint8Array(finishing.output.target.buffer!);
      return transfer(bytes, [bytes.buffer]);
    },
    /** Drops a session (the recording was cancelled or failed), releasing its encoder; an unknown id is ignored. */
    webmAbort(id: number): void {
      const found = open.get(id);
      open.delete(id);
      void found?.output.cancel().catch(() => undefined);
    },
  };
}
