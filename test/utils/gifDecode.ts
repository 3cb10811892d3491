// A small GIF89a decoder written from the specification (no code shared with the encoder):
// the logical screen, the loop count, each frame's delay, and each frame composed onto the
// screen as a viewer shows it (transparency and disposal included). Interlaced images are
// refused, since nothing here writes them.

/** One frame as a viewer shows it: the whole screen after the frame is drawn. */
export interface DecodedFrame {
  delayMs: number;
  disposal: number;
  /** Whether the frame has a transparent index (pixels it leaves as they were). */
  transparent: boolean;
  rgba: Uint8Array;
}

export interface DecodedGif {
  width: number;
  height: number;
  /** NETSCAPE2.0 loop count (0 = forever), or null when the GIF does not loop. */
  loops: number | null;
  frames: DecodedFrame[];
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);

/** Decodes `gif`; throws on anything malformed. */
export function decodeGif(gif: Uint8Array): DecodedGif {
  const signature = String.fromCharCode(...gif.subarray(0, 6));
  if (signature !== 'GIF89a' && signature !== 'GIF87a') throw new Error(`not a GIF: ${JSON.stringify(signature)}`);
  const width = u16(gif, 6);
  const height = u16(gif, 8);
  let at = 13;
  const tableOf = (packed: number) => {
    if (!(packed & 0x80)) return null;
    const table = gif.subarray(at, at + 3 * 2 ** ((packed & 7) + 1));
    at += table.length;
    return table;
  };
  const globalTable = tableOf(gif[10]);
  const subBlocks = () => {
    const parts: Uint8Array[] = [];
    for (; gif[at] !== 0; at += gif[at] + 1) {
      if (at >= gif.length) throw new Error('the GIF ends inside a block');
      parts.push(gif.subarray(at + 1, at + 1 + gif[at]));
    }
    at++;
    return parts;
  };
  const screen = new Uint8Array(width * height * 4);
  const frames: DecodedFrame[] = [];
  let loops: number | null = null;
  let control = { delayMs: 0, disposal: 0, transparentIndex: -1 };
  let undo: (() => void) | null = null;
  for (;;) {
    const block = gif[at++];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = gif[at++];
      const data = subBlocks();
      if (label === 0xf9) {
        const [packed, d0, d1, index] = data[0];
        control = { delayMs: 10 * (d0 | (d1 << 8)), disposal: (packed >> 2) & 7, transparentIndex: packed & 1 ? index : -1 };
      } else if (label === 0xff && String.fromCharCode(...data[0]) === 'NETSCAPE2.0') {
        loops = u16(data[1], 1);
      }
    } else if (block === 0x2c) {
      undo?.();
      const [left, top, w, h, packed] = [u16(gif, at), u16(gif, at + 2), u16(gif, at + 4), u16(gif, at + 6), gif[at + 8]];
      at += 9;
      if (packed & 0x40) throw new Error('interlaced images are not supported');
      if (left + w > width || top + h > height) throw new Error('an image lies outside the screen');
      const table = tableOf(packed) ?? globalTable;
      if (!table) throw new Error('an image has no colour table');
      const minCodeSize = gif[at++];
      const indices = lzwDecode(minCodeSize, concat(subBlocks()), w * h);
      // Disposal 2 clears the frame's rectangle before the next frame, 3 restores what was under it.
      const saved = control.disposal === 3 ? screen.slice() : null;
      undo = control.disposal === 2 ? () => fillRect(screen, width, left, top, w, h) : saved ? () => screen.set(saved) : null;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const c = indices[y * w + x];
          if (c === control.transparentIndex) continue;
          if (3 * c >= table.length) throw new Error(`colour ${c} is outside the table`);
          const p = 4 * ((top + y) * width + left + x);
          screen[p] = table[3 * c];
          screen[p + 1] = table[3 * c + 1];
          screen[p + 2] = table[3 * c + 2];
          screen[p + 3] = 255;
        }
      }
      frames.push({ delayMs: control.delayMs, disposal: control.disposal, transparent: control.transparentIndex >= 0, rgba: screen.slice() });
      control = { delayMs: 0, disposal: 0, transparentIndex: -1 };
    } else {
      throw new Error(`unexpected GIF block 0x${block?.toString(16)} at ${at - 1}`);
    }
  }
  return { width, height, loops, frames };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function fillRect(screen: Uint8Array, width: number, left: number, top: number, w: number, h: number): void {
  for (let y = top; y < top + h; y++) screen.fill(0, 4 * (y * width + left), 4 * (y * width + left + w));
}

/** The variable-width LZW of GIF image data: `count` colour indices from the packed codes. */
function lzwDecode(minCodeSize: number, data: Uint8Array, count: number): Uint8Array {
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  // Each code is a string: its last index (suffix), the code before it (prefix), its length and first index.
  const prefix = new Int32Array(4096).fill(-1);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  const first = new Uint8Array(4096);
  for (let c = 0; c < clear; c++) [suffix[c], length[c], first[c]] = [c, 1, c];
  const out = new Uint8Array(count);
  let o = 0;
  let size = minCodeSize + 1;
  let next = end + 1;
  let previous = -1;
  let bits = 0;
  let accumulator = 0;
  for (const byte of data) {
    accumulator |= byte << bits;
    bits += 8;
    while (bits >= size) {
      const code = accumulator & ((1 << size) - 1);
      accumulator >>>= size;
      bits -= size;
      if (code === clear) {
        [size, next, previous] = [minCodeSize + 1, end + 1, -1];
        continue;
      }
      if (code === end) {
        if (o !== count) throw new Error(`the image has ${o} pixels, not ${count}`);
        return out;
      }
      if (code > next || (code === next && previous < 0)) throw new Error(`LZW code ${code} is not defined yet`);
      if (previous >= 0 && next < 4096) {
        // The new string is the previous one plus the first index of this one (of itself, when code = next).
        [prefix[next], suffix[next], length[next], first[next]] = [previous, first[code === next ? previous : code], length[previous] + 1, first[previous]];
        next++;
        if (next === 1 << size && size < 12) size++;
      }
      if (o + length[code] > count) throw new Error('the image has too many pixels');
      for (let c = code, k = o + length[code] - 1; k >= o; k--, c = prefix[c]) out[k] = suffix[c];
      o += length[code];
      previous = code;
    }
  }
  throw new Error('the image data has no end code');
}
