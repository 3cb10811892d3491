// GIF sessions of the export worker: the same bytes as animatedGif() for the same frames, directly
// and through the export endpoint over comlink (frames transferred); clear errors for a session
// that is not open; nothing kept once finished or aborted.
import { expose, transfer, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportError } from '../../engine/io/export/exportError.js';
import { animatedGif, type RgbaImage } from '../../engine/io/export/gif.js';
import { exportEndpoint, type ExportEndpoint } from '../../workers/export.js';
import { gifSessions } from '../../workers/gifSession.js';
import { decodeGif } from '../utils/gifDecode.js';

const W = 40;
const H = 24;
const OPTIONS = { fps: 12, holdSeconds: 0.5 };

/** `count` frames of a diagonal gradient with a 5 × 5 square moving across it (fresh arrays each call). */
function frames(count: number, shade = 0): RgbaImage[] {
  return Array.from({ length: count }, (_, k) => {
    const pixels = new Uint8ClampedArray(W * H * 4);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const inSquare = x >= 3 + 6 * k && x < 8 + 6 * k && y >= 8 && y < 13;
        pixels.set(inSquare ? [255, 159, 28, 255] : [6 * x, 8 * y + shade, 120, 255], 4 * (y * W + x));
      }
    }
    return { width: W, height: H, pixels };
  });
}

/** Runs `images` through a session of `gifs`: the ends open it, the middle follows, finish adds the last. */
function encode(gifs: ReturnType<typeof gifSessions>, images: RgbaImage[]): Uint8Array {
  const id = gifs.gifStart(images[0], images.at(-1)!, OPTIONS);
  images.slice(1, -1).forEach((image) => gifs.gifAdd(id, image));
  return gifs.gifFinish(id);
}

describe('gifSessions', () => {
  it('writes byte for byte the GIF that animatedGif writes, for two frames or many', () => {
    const gifs = gifSessions();
    for (const count of [2, 6]) expect(encode(gifs, frames(count)), `${count} frames`).toEqual(animatedGif(frames(count), OPTIONS));
  });

  it('keeps interleaved sessions apart', () => {
    const gifs = gifSessions();
    const [a, b] = [frames(4), frames(4, 40)];
    const ids = [gifs.gifStart(a[0], a[3], OPTIONS), gifs.gifStart(b[0], b[3], OPTIONS)];
    expect(ids[0]).not.toBe(ids[1]);
    for (const k of [1, 2]) [a, b].forEach((images, s) => gifs.gifAdd(ids[s], images[k]));
    expect(gifs.gifFinish(ids[1])).toEqual(animatedGif(frames(4, 40), OPTIONS));
    expect(gifs.gifFinish(ids[0])).toEqual(animatedGif(frames(4), OPTIONS));
  });

  it('refuses an id that was never started or is finished, and drops an aborted session', () => {
    const gifs = gifSessions();
    const [first, middle, last] = frames(3);
    expect(() => gifs.gifAdd(99, middle)).toThrow(new ExportError('there is no open GIF 99: it was finished or aborted, or never started'));
    const finished = gifs.gifStart(first, last, OPTIONS);
    gifs.gifFinish(finished);
    expect(() => gifs.gifAdd(finished, middle)).toThrow(ExportError);
    expect(() => gifs.gifFinish(finished)).toThrow(`no open GIF ${finished}`);
    const aborted = gifs.gifStart(first, last, OPTIONS);
    gifs.gifAbort(aborted);
    expect(() => gifs.gifAdd(aborted, middle)).toThrow(`no open GIF ${aborted}`);
    expect(() => gifs.gifAbort(aborted)).not.toThrow();
  });

  it('closes a session whose finish fails, and keeps one open after a refused frame', () => {
    const gifs = gifSessions();
    const [first, middle] = frames(2);
    const small = { width: W / 2, height: H, pixels: new Uint8ClampedArray((W / 2) * H * 4) };
    const failing = gifs.gifStart(first, small, OPTIONS);
    expect(() => gifs.gifFinish(failing)).toThrow(`every frame must be ${W}×${H}`);
    expect(() => gifs.gifFinish(failing)).toThrow(`no open GIF ${failing}`);
    // A refused frame leaves the session as it was; the caller decides (the app aborts).
    const id = gifs.gifStart(first, middle, OPTIONS);
    expect(() => gifs.gifAdd(id, small)).toThrow(ExportError);
    expect(gifs.gifFinish(id)).toEqual(animatedGif(frames(2), OPTIONS));
  });
});

describe('the export endpoint over comlink', () => {
  const channel = new MessageChannel();
  expose(exportEndpoint, nodeEndpoint(channel.port1));
  const remote = wrap<ExportEndpoint>(nodeEndpoint(channel.port2));
  afterAll(() => channel.port1.close());
  const moved = (image: RgbaImage) => transfer(image, [image.pixels.buffer as ArrayBuffer]);

  it('encodes frames moved to it, not copied, into the same bytes as animatedGif', async () => {
    const images = frames(5);
    const id = await remote.gifStart(moved(images[0]), moved(images[4]), OPTIONS);
    // Sent without waiting: comlink delivers them in order.
    await Promise.all(images.slice(1, 4).map((image) => remote.gifAdd(id, moved(image))));
    expect(images.map((image) => image.pixels.byteLength)).toEqual([0, 0, 0, 0, 0]);
    const bytes = await remote.gifFinish(id);
    expect(bytes).toEqual(animatedGif(frames(5), OPTIONS));
    expect(decodeGif(bytes).frames.map((f) => f.delayMs)).toEqual([80, 80, 80, 80, 580]);
  });

  it('rejects a call on a session that is not open, with the reason', async () => {
    const [first, last] = frames(2);
    const id = await remote.gifStart(first, last, OPTIONS);
    await remote.gifAbort(id);
    await expect(remote.gifFinish(id)).rejects.toThrow(`there is no open GIF ${id}`);
  });
});
