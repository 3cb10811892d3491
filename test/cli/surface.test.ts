// `losscape surface` and `losscape line`: the files hold enough to recompute any value.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromData } from '../../engine/index.js';
import { prepareData } from '../../engine/data/index.js';
import { readRunFile, readSurfaceFile } from '../../engine/io/index.js';
import { buildLayout, objective, targetsFor } from '../../engine/nn/index.js';
import { losscape } from './losscape.js';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-surface-'));
  const run = await losscape(['train', '--preset', 'seed-iris', '--epochs', '60', '--out', 'run.json'], dir);
  expect(run.code).toBe(0);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** The loss at θ computed independently through the autodiff objective. */
async function lossAt(theta: number[]) {
  const file = readRunFile(await fs.readFile(path.join(dir, 'run.json'), 'utf8'));
  const data = prepareData(file.data);
  const targets = targetsFor(file.spec, data.train.y, data.train.n);
  const x = fromData(data.train.x, [data.train.n, data.d]);
  return objective(file.spec, buildLayout(file.spec), fromData(Float64Array.from(theta), [theta.length]), { x, targets }, { kind: 'batch' }).loss.data[0];
}

describe('losscape surface and line', { timeout: 60_000 }, () => {
  it('surface: values.loss[i][j] = L(center + α_i·d₁ + β_j·d₂), with the projected path', async () => {
    const result = await losscape(['surface', '--run', 'run.json', '--grid', '9', '--range', '-0.5:0.5', '--workers', '2', '--out', 's.json'], dir);
    expect(result.code).toBe(0);
    const s = readSurfaceFile(await fs.readFile(path.join(dir, 's.json'), 'utf8'));
    expect(s.normalization).toBe('filter');
    expect(s.alpha).toHaveLength(9);
    for (const [i, j] of [[0, 0], [4, 4], [8, 3]]) {
      const theta = s.center.map((c, k) => c + s.alpha[i] * s.directions[0][k] + s.beta[j] * s.directions[1][k]);
      expect(Math.abs(s.values.loss[i][j] - (await lossAt(theta)))).toBeLessThan(1e-12);
    }
    expect(s.trajectory!.at(-1)).toMatchObject({ step: 60, alpha: 0, beta: 0, distance: 0 });
    expect(s.values.accuracy![4][4]).toBeGreaterThan(0.5);
  });

  it('surface --precision float32: labelled in the file, within 1e-4 relative of float64 (see test/engine/landscape/float32.test.ts)', async () => {
    const args = ['surface', '--run', 'run.json', '--grid', '5', '--workers', '1'];
    expect((await losscape([...args, '--out', 'f64.json'], dir)).code).toBe(0);
    expect((await losscape([...args, '--precision', 'float32', '--out', 'f32.json'], dir)).code).toBe(0);
    const f64 = readSurfaceFile(await fs.readFile(path.join(dir, 'f64.json'), 'utf8'));
    const f32 = readSurfaceFile(await fs.readFile(path.join(dir, 'f32.json'), 'utf8'));
    expect(f64.precision).toBeUndefined();
    expect(f32.precision).toBe('float32');
    const pairs = f64.values.loss.flatMap((row, i) => row.map((v, j) => [v!, f32.values.loss[i][j]!]));
    expect(Math.max(...pairs.map(([a, b]) => Math.abs(a - b) / a))).toBeLessThan(1e-4);
    expect(pairs.some(([a, b]) => a !== b)).toBe(true);
    const refused = await losscape([...args, '--precision', 'float16', '--out', 'x.json'], dir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Allowed choices are float64, float32/);
  });

  it('line: from the initial to the trained parameters', async () => {
    const result = await losscape(['line', '--run', 'run.json', '--steps', '5', '--range', '0:1'], dir);
    expect(result.code).toBe(0);
    const line = JSON.parse(result.stdout);
    expect(line.format).toBe('losscape.line/1');
    expect(line.t).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const file = readRunFile(await fs.readFile(path.join(dir, 'run.json'), 'utf8'));
    expect(line.values.loss[0]).toBeCloseTo(file.history[0].loss, 12);
    expect(line.values.loss[4]).toBeCloseTo(file.history.at(-1)!.loss, 12);
  });

  it('bad input: an unknown direction kind, a missing run file', async () => {
    const bad = await losscape(['surface', '--run', 'run.json', '--directions', 'sideways'], dir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown directions "sideways"/);
    const missing = await losscape(['surface', '--run', 'nope.json'], dir);
    expect(missing.stderr.trim()).toBe('losscape: cannot read nope.json: ENOENT');
  });
});
