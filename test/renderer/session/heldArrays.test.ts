// The renderer's opened array files: the data worker opens them, every other worker is handed
// them once, whether it started before or after they were opened.
import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import type { FileSource } from '../../../engine/data/index.js';
import type { HeldDataEndpoint } from '../../../workers/heldData.js';
import { openArrays, shareArraysWith } from '../../../renderer/session/heldArrays.js';

/** A worker stand-in that records what it was asked to hold. */
function fakeWorker() {
  const held: string[] = [];
  const remote = {
    openArrayFiles: async (data: { name: string }): Promise<FileSource> => ({ kind: 'file', data: { name: data.name, sha256: `hash of ${data.name}` }, n: 1, d: 1 }),
    holdArrayFiles: async (data: { name: string; sha256: string }) => void held.push(`${data.name} ${data.sha256}`),
  };
  return { remote: remote as unknown as Remote<HeldDataEndpoint>, held };
}

describe('opened array files reach every worker', () => {
  it('workers started before and after an open each hold it once, with the hash the opener found', async () => {
    const opener = fakeWorker();
    const before = fakeWorker();
    shareArraysWith(opener.remote);
    shareArraysWith(before.remote);
    const bytes = Uint8Array.of(1, 2, 3);
    const source = await openArrays(opener.remote, { name: 'a.npz', bytes });
    expect(source.data).toEqual({ name: 'a.npz', sha256: 'hash of a.npz' });
    await openArrays(opener.remote, { name: 'a.npz', bytes }); // the same files again: nothing new to hand out
    const after = fakeWorker();
    shareArraysWith(after.remote);
    expect(before.held).toEqual(['a.npz hash of a.npz']);
    expect(after.held).toEqual(['a.npz hash of a.npz']);
    expect(opener.held).toEqual([]);
  });
});
