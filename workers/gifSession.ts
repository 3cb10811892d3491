// Animated GIFs encoded in the export worker while the app captures their frames: the app has
// to capture on its own thread (it reads the WebGL canvas), so it sends each frame's pixels
// here as it goes, and the quantizing and LZW encoding never block the UI. A session is
// animatedGif() taken apart: the first and last frames open it (the palette comes from them),
// the frames between follow one at a time, and finishing adds the held last frame.
import { transfer } from 'comlink';
import { ExportError } from '../engine/io/export/exportError.js';
import { gifPalette, gifWriter, type GifWriter, type RgbaImage } from '../engine/io/export/gif.js';

interface Session {
  writer: GifWriter;
  last: RgbaImage;
  holdSeconds: number;
}

/** A set of open GIF encodings, keyed by id. */
export function gifSessions() {
  const open = new Map<number, Session>();
  let next = 1;
  const session = (id: number): Session => {
    const found = open.get(id);
    if (!found) throw new ExportError(`there is no open GIF ${id}: it was finished or aborted, or never started`);
    return found;
  };
  return {
    /** Opens a looping GIF at `fps`, in colours from `first` and `last`, and adds `first`; answers its id. */
    gifStart(first: RgbaImage, last: RgbaImage, options: { fps: number; holdSeconds: number }): number {
      const writer = gifWriter(gifPalette([first, last]), options.fps);
      writer.add(first);
      open.set(next, { writer, last, holdSeconds: options.holdSeconds });
      return next++;
    },
    /** Adds the next frame between the first and the last. */
    gifAdd(id: number, frame: RgbaImage): void {
      session(id).writer.add(frame);
    },
    /** Adds the last frame, held `holdSeconds` longer, and answers the GIF's bytes (transferred); the session closes even if this throws. */
    gifFinish(id: number): Uint8Array {
      const { writer, last, holdSeconds } = session(id);
      open.delete(id);
      writer.add(last, holdSeconds);
      const bytes = writer.finish();
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },
    /** Drops a session (the recording was cancelled or failed); an unknown id is ignored. */
    gifAbort(id: number): void {
      open.delete(id);
    },
  };
}
