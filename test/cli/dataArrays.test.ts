// `--dataset` with array files (.npz, a .npy pair, an IDX pair): the run file records paths and
// hashes, commands on the run find the data again, and bad or changed files are refused.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunFile } from '../../engine/io/index.js';
import { losscape } from './losscape.js';

const fixtures = new URL('../engine/data/fixtures/', import.meta.url);
const expected = JSON.parse(await fs.readFile(new URL('expected.json', fixtures), 'utf8'));

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-arrays-'));
  for (const name of ['xy.npz', 'x.npy', 'y.npy', 'images.idx3-ubyte.gz', 'labels.idx1-ubyte.gz']) await fs.copyFile(new URL(name, fixtures), path.join(dir, name));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const sha256 = async (file: string) => createHash('sha256').update(await fs.readFile(path.join(dir, file))).digest('hex');

/** Expects a refusal: exit 1, one `losscape:` line matching `message`, nothing on stdout. */
function expectRefused(result: { code: number; stdout: string; stderr: string }, message: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^losscape: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
}

describe('losscape with array files', { timeout: 120_000 }, () => {
  it('dataset --dataset xy.npz writes the arrays numpy saved', async () => {
    const result = await losscape(['dataset', '--dataset', 'xy.npz', '--no-standardize', '--test-fraction', '0'], dir);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect([data.name, data.task, data.classNames, data.featureNames]).toEqual(['xy.npz', 'classification', ['0', '1', '2'], ['x[0]', 'x[1]', 'x[2]']]);
    expect(data.x.flat()).toEqual(expected['xy.npz'].x);
    expect(data.y).toEqual(expected['xy.npz'].y);
    expect(data.spec.source).toEqual({ kind: 'file', data: { name: 'xy.npz', path: path.join(dir, 'xy.npz'), sha256: await sha256('xy.npz') }, n: 6, d: 3 });
  });

  it('train on an IDX pair records paths and hashes, not numbers; surface --run finds the data, also moved beside the run', async () => {
    const train = await losscape(['train', '--dataset', 'images.idx3-ubyte.gz', '--labels', 'labels.idx1-ubyte.gz', '--test-fraction', '0', '--epochs', '1', '--out', 'idx-run.json'], dir);
    expect(train.code).toBe(0);
    const text = await fs.readFile(path.join(dir, 'idx-run.json'), 'utf8');
    const run = readRunFile(text);
    expect(run.data.source).toEqual({
      kind: 'file',
      data: { name: 'images.idx3-ubyte.gz', path: path.join(dir, 'images.idx3-ubyte.gz'), sha256: await sha256('images.idx3-ubyte.gz') },
      labels: { name: 'labels.idx1-ubyte.gz', path: path.join(dir, 'labels.idx1-ubyte.gz'), sha256: await sha256('labels.idx1-ubyte.gz') },
      n: 5,
      d: 12,
    });
    expect(run.spec).toMatchObject({ inputs: 12, outputs: 5 });

    const surface = await losscape(['surface', '--run', 'idx-run.json', '--grid', '3', '--workers', '2', '--metrics', 'loss'], dir);
    expect(surface.code).toBe(0);
    const values = (JSON.parse(surface.stdout).values.loss as number[][]).flat();
    expect(values.length).toBe(9);
    expect(values.every(Number.isFinite)).toBe(true);

    // The run and its data moved together to another folder: found next to the run file.
    const moved = path.join(dir, 'moved');
    await fs.mkdir(moved);
    for (const name of ['idx-run.json', 'images.idx3-ubyte.gz', 'labels.idx1-ubyte.gz']) await fs.rename(path.join(dir, name), path.join(moved, name));
    const again = await losscape(['surface', '--run', path.join(moved, 'idx-run.json'), '--grid', '3', '--workers', '1', '--metrics', 'loss'], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).values.loss.flat()).toEqual(values);

    await fs.rm(path.join(moved, 'labels.idx1-ubyte.gz'));
    expectRefused(await losscape(['dataset', '--run', path.join(moved, 'idx-run.json')], dir), /the run's data file labels\.idx1-ubyte\.gz is missing: it is not at .* nor at .*; put it back/);
  });

  it('train on a .npy pair; a changed data file is refused with both hashes, and --out is left alone', async () => {
    const train = await losscape(['train', '--dataset', 'x.npy', '--labels', 'y.npy', '--epochs', '1', '--out', 'npy-run.json'], dir);
    expect(train.code).toBe(0);
    const ok = await losscape(['dataset', '--run', 'npy-run.json', '--split', 'test'], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).x.length).toBe(1);

    await fs.copyFile(path.join(dir, 'x.npy'), path.join(dir, 'x-original.npy'));
    const changed = await fs.readFile(path.join(dir, 'x.npy'));
    changed[changed.length - 1] ^= 1;
    await fs.writeFile(path.join(dir, 'x.npy'), changed);
    await fs.writeFile(path.join(dir, 'out.json'), 'kept');
    expectRefused(await losscape(['dataset', '--run', 'npy-run.json', '--out', 'out.json'], dir), /the run's data file x\.npy has changed: .*x\.npy has sha256 [0-9a-f]{12}…, not the run's [0-9a-f]{12}…; restore the file/);
    expect(await fs.readFile(path.join(dir, 'out.json'), 'utf8')).toBe('kept');
    await fs.rename(path.join(dir, 'x-original.npy'), path.join(dir, 'x.npy'));
  });

  it('bad files and options: one losscape: line, non-zero exit, --out untouched', async () => {
    await fs.writeFile(path.join(dir, 'run.json'), 'kept');
    const xy = await fs.readFile(path.join(dir, 'xy.npz'));
    await fs.writeFile(path.join(dir, 'cut.npz'), xy.subarray(0, 100));
    await fs.writeFile(path.join(dir, 'short-idx1-ubyte'), Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 9, 1, 2));
    const cases: [string[], RegExp][] = [
      [['--dataset', 'cut.npz'], /\.npz file is corrupt or truncated/],
      [['--dataset', 'x.npy'], /x\.npy holds only the features X; .*--labels y\.npy/],
      [['--dataset', 'x.npy', '--labels', 'short-idx1-ubyte'], /short-idx1-ubyte is truncated: shape \[9\] of u1 needs 9 bytes after the header \(from byte offset 8\), the file has 2/],
      [['--dataset', 'xy.npz', '--labels', 'y.npy'], /xy\.npz is a \.npz holding X and y itself/],
      [['--dataset', 'iris', '--labels', 'y.npy'], /--labels goes with --dataset X\.npy or an IDX images file/],
      [['--dataset', 'xy.npz', '--target', '0'], /--target picks a CSV column/],
      [['--dataset', 'missing.npz'], /cannot read missing\.npz: ENOENT/],
    ];
    for (const [args, message] of cases) {
      expectRefused(await losscape(['train', ...args, '--epochs', '1', '--out', 'run.json'], dir), message);
      expect(await fs.readFile(path.join(dir, 'run.json'), 'utf8')).toBe('kept');
    }
  });
});
