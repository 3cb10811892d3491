// `losscape surface --samples` and `line --samples`: a seeded subset with each loss's standard
// error, the same for any number of workers; n = N is the full set; n > N a clear error.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromData } from '../../engine/index.js';
import { prepareData } from '../../engine/data/index.js';
import { readLineFile, readRunFile, readSurfaceFile } from '../../engine/io/index.js';
import { sampleRows } from '../../engine/landscape/samples.js';
import { buildLayout, objective, targetsFor } from '../../engine/nn/index.js';
import { losscape } from './losscape.js';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-samples-'));
  expect((await losscape(['train', '--preset', 'seed-iris', '--epochs', '30', '--out', 'run.json'], dir)).code).toBe(0);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const read = async (name: string) => readSurfaceFile(await fs.readFile(path.join(dir, name), 'utf8'));

describe('losscape surface/line --samples', { timeout: 90_000 }, () => {
  it('surface --samples 40: n, of and seed in the file; mean and standard error as computed directly over the chosen rows; 1 or 3 workers alike', async () => {
    const args = ['surface', '--run', 'run.json', '--grid', '7', '--samples', '40', '--sample-seed', '5'];
    expect((await losscape([...args, '--workers', '1', '--out', 'one.json'], dir)).code).toBe(0);
    expect((await losscape([...args, '--workers', '3', '--out', 'three.json'], dir)).code).toBe(0);
    const one = await read('one.json');
    const three = await read('three.json');
    expect(three.values).toEqual(one.values);
    const run = readRunFile(await fs.readFile(path.join(dir, 'run.json'), 'utf8'));
    const data = prepareData(run.data);
    const N = data.train.n;
    expect(one.samples).toEqual({ n: 40, of: N, seed: 5 });
    const rows = sampleRows(N, { n: 40, seed: 5 });
    const layout = buildLayout(run.spec);
    for (const [i, j] of [[0, 0], [3, 3], [6, 2]]) {
      const theta = fromData(Float64Array.from(one.center, (c, k) => c + one.alpha[i] * one.directions[0][k] + one.beta[j] * one.directions[1][k]), [layout.size]);
      // One row at a time through the reference (the iris preset has no batch norm).
      const losses = Array.from(rows, (r) => {
        const x = fromData(data.train.x.slice(r * data.d, (r + 1) * data.d), [1, data.d]);
        return objective(run.spec, layout, theta, { x, targets: targetsFor(run.spec, data.train.y.slice(r, r + 1), 1) }, { kind: 'batch' }).loss.data[0];
      });
      const mean = losses.reduce((a, b) => a + b, 0) / 40;
      const s2 = losses.reduce((a, v) => a + (v - mean) ** 2, 0) / 39;
      expect(Math.abs(one.values.loss[i][j]! - mean) / mean).toBeLessThan(1e-10);
      expect(one.values.lossStdError![i][j]! / Math.sqrt(((1 - 40 / N) * s2) / 40)).toBeCloseTo(1, 9);
    }
  });

  it('--samples N is the full set (no samples, the full values); more than N is refused with the split’s size', async () => {
    const N = prepareData(readRunFile(await fs.readFile(path.join(dir, 'run.json'), 'utf8')).data).train.n;
    const args = ['surface', '--run', 'run.json', '--grid', '5', '--workers', '1'];
    expect((await losscape([...args, '--out', 'full.json'], dir)).code).toBe(0);
    expect((await losscape([...args, '--samples', String(N), '--out', 'all.json'], dir)).code).toBe(0);
    const full = await read('full.json');
    const all = await read('all.json');
    expect(all.samples).toBeUndefined();
    expect(all.values).toEqual(full.values);
    const refused = await losscape([...args, '--samples', String(N + 1)], dir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toBe(`losscape: --samples ${N + 1} is more than the ${N} samples of the train split: give at most ${N}, or leave --samples out to use them all\n`);
    const shard = await losscape([...args, '--samples', '10', '--shard', '0/2'], dir);
    expect(shard.stderr).toMatch(/--samples .* does not combine with --shard/);
  });

  it('line --samples 25: the file has samples and one standard error per t, all > 0', async () => {
    expect((await losscape(['line', '--run', 'run.json', '--steps', '11', '--samples', '25', '--workers', '2', '--out', 'line.json'], dir)).code).toBe(0);
    const line = readLineFile(await fs.readFile(path.join(dir, 'line.json'), 'utf8'));
    expect(line.samples).toMatchObject({ n: 25, seed: 0 });
    expect(line.values.lossStdError).toHaveLength(11);
    expect(line.values.lossStdError!.every((v) => v > 0)).toBe(true);
  });
});
