// Run, surface and line files in their binary form (.npz): chosen by the --out name, read by
// every command whatever form a file has, and the same values as the JSON form.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npzBytes } from '../../engine/io/export/npz.js';
import { readLineFile, readRunFile, readSurfaceFile } from '../../engine/io/index.js';
import { losscape } from './losscape.js';

let dir: string;
const read = (name: string) => fs.readFile(path.join(dir, name));
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-binary-'));
  for (const out of ['run.npz', 'run.json']) {
    expect((await losscape(['train', '--preset', 'seed-iris', '--epochs', '20', '--out', out], dir)).code).toBe(0);
  }
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('binary files in the CLI', { timeout: 120_000 }, () => {
  it('train --out run.npz writes the binary form, holding the same run as run.json', async () => {
    const bytes = await read('run.npz');
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(JSON.stringify(readRunFile(bytes))).toBe(JSON.stringify(readRunFile(await read('run.json'))));
  });

  it('surface and line read a binary run and write binary files with the values of the JSON ones', async () => {
    const args = ['--grid', '5', '--range', '-0.5:0.5', '--workers', '1'];
    expect((await losscape(['surface', '--run', 'run.npz', ...args, '--out', 's.npz'], dir)).code).toBe(0);
    expect((await losscape(['surface', '--run', 'run.json', ...args, '--out', 's.json'], dir)).code).toBe(0);
    const binary = readSurfaceFile(await read('s.npz'));
    const text = readSurfaceFile(await read('s.json'));
    expect(JSON.stringify(binary.values)).toBe(JSON.stringify(text.values));
    expect(JSON.stringify(binary.directions)).toBe(JSON.stringify(text.directions));
    expect((await losscape(['line', '--run', 'run.npz', '--steps', '7', '--range', '0:1', '--out', 'l.npz'], dir)).code).toBe(0);
    expect(readLineFile(await read('l.npz')).values.loss).toHaveLength(7);
    // render reads a binary surface like a JSON one.
    expect((await losscape(['render', '--in', 's.npz', '--out', 's.svg'], dir)).code).toBe(0);
    expect((await read('s.svg')).toString()).toContain('<svg');
  });

  it('refuses an .npz of plain arrays given as a run, saying what it is, and writes nothing', async () => {
    await fs.writeFile(path.join(dir, 'arrays.npz'), npzBytes({ X: { data: [1, 2, 3, 4], shape: [2, 2] } }));
    const result = await losscape(['surface', '--run', 'arrays.npz', '--out', 'x.npz'], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('no losscape.json: it is an .npz of arrays, not a Losscape file');
    await expect(fs.access(path.join(dir, 'x.npz'))).rejects.toThrow();
  });
});
