// `losscape surface --shard i/n` and `losscape merge`: the parts of a grid computed by separate
// processes join into the file the unsharded command writes, bit for bit (all but timing).
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { losscape } from './losscape.js';

let dir: string;
const grid = ['--grid', '9', '--range', '-0.8:0.8', '--workers', '1', '--seed', '4'];
let whole: string;

/** A file's JSON text without its timing (seconds and workers differ from run to run). */
async function withoutTiming(file: string): Promise<string> {
  const json = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8'));
  delete json.timing;
  return JSON.stringify(json);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-shard-'));
  expect((await losscape(['train', '--preset', 'seed-iris', '--epochs', '40', '--out', 'run.json'], dir)).code).toBe(0);
  expect((await losscape(['surface', '--run', 'run.json', ...grid, '--out', 'whole.json'], dir)).code).toBe(0);
  whole = await withoutTiming('whole.json');
}, 120_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('sharded surfaces on the command line', { timeout: 180_000 }, () => {
  for (const n of [1, 2, 3, 7]) {
    it(`--shard i/${n} in ${n} processes, then merge: the unsharded surface file`, async () => {
      const parts = Array.from({ length: n }, (_, i) => `part-${n}-${i}.json`);
      const results = await Promise.all(parts.map((out, i) => losscape(['surface', '--run', 'run.json', ...grid, '--shard', `${i}/${n}`, '--out', out], dir)));
      results.forEach((r) => expect(r.code).toBe(0));
      const part = JSON.parse(await fs.readFile(path.join(dir, parts[0]), 'utf8'));
      expect(part.format).toBe('losscape.surface-part/1');
      expect(part.shard).toEqual({ index: 0, count: n, rows: [0, Math.floor(9 / n)] });
      const merged = await losscape(['merge', ...parts.reverse(), '--out', `merged-${n}.json`], dir);
      expect(merged.code).toBe(0);
      expect(await withoutTiming(`merged-${n}.json`)).toBe(whole);
      const timing = JSON.parse(await fs.readFile(path.join(dir, `merged-${n}.json`), 'utf8')).timing;
      expect(timing).toMatchObject({ points: 81, workers: n });
    });
  }

  it('refuses a shard out of range and a merge with a part missing, in one line', async () => {
    const bad = await losscape(['surface', '--run', 'run.json', '--shard', '3/3'], dir);
    expect(bad.stderr.trim()).toBe(`losscape: option '--shard <i/n>' argument '3/3' is invalid. a shard is i/n with 0 ≤ i < n (e.g. 0/4 … 3/4), got "3/3"`);
    const missing = await losscape(['merge', 'part-3-0.json', 'part-3-2.json'], dir);
    expect(missing.stderr.trim()).toBe('losscape: shard 1/3 is missing');
    const full = await losscape(['merge', 'whole.json'], dir);
    expect(full.stderr.trim()).toBe('losscape: whole.json is a whole surface file, not a part: it needs no merging');
  });
});
