// The array-file holder every Web Worker exposes: the opener hashes and reads the files, the
// others hold them with the hashes given, and prepareData then finds the data in each.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareData } from '../../engine/data/index.js';
import { heldDataEndpoint } from '../../workers/heldData.js';

const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../engine/data/fixtures/${name}`, import.meta.url)));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const expected = JSON.parse(readFileSync(new URL('../engine/data/fixtures/expected.json', import.meta.url), 'utf8'));

describe('heldDataEndpoint', () => {
  it('openArrayFiles hashes X and y with SHA-256 and holds the data for prepareData', async () => {
    const images = bytes('images.idx3-ubyte.gz');
    const labels = bytes('labels.idx1-ubyte.gz');
    const source = await heldDataEndpoint.openArrayFiles({ name: 'images.idx3-ubyte.gz', path: '/d/images.idx3-ubyte.gz', bytes: images }, { name: 'labels.idx1-ubyte.gz', bytes: labels });
    expect(source).toEqual({
      kind: 'file',
      data: { name: 'images.idx3-ubyte.gz', path: '/d/images.idx3-ubyte.gz', sha256: sha256(images) },
      labels: { name: 'labels.idx1-ubyte.gz', sha256: sha256(labels) },
      n: 5,
      d: 12,
    });
    const prepared = prepareData({ source, seed: 0, testFraction: 0, standardize: false });
    expect(Array.from(prepared.train.x)).toEqual(expected['images.idx3-ubyte'].x);
  });

  it('holdArrayFiles holds files under the hashes given, synchronously', () => {
    const xy = bytes('xy.npz');
    expect(heldDataEndpoint.holdArrayFiles({ name: 'xy.npz', sha256: 'given', bytes: xy })).toBeUndefined();
    const prepared = prepareData({ source: { kind: 'file', data: { name: 'xy.npz', sha256: 'given' }, n: 6, d: 3 }, seed: 0, testFraction: 0, standardize: false });
    expect(Array.from(prepared.train.y)).toEqual(expected['xy.npz'].y);
  });
});
