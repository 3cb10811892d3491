// `losscape train` and `losscape dataset` as CONTRACTS.md says.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../../engine/data/index.js';
import { readRunFile } from '../../engine/io/index.js';
import { presetRecipe, startRun } from '../../engine/train/index.js';
import { losscape } from './losscape.js';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-train-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('losscape train and dataset', { timeout: 60_000 }, () => {
  it('train --preset seed-iris writes the same run the engine makes, and dataset --run the matrix it trained on', async () => {
    const run = await losscape(['train', '--preset', 'seed-iris', '--out', 'run.json'], dir);
    expect(run.stderr).toMatch(/training 100% step 300\/300/);
    expect(run.code).toBe(0);
    const file = readRunFile(await fs.readFile(path.join(dir, 'run.json'), 'utf8'));
    const { trainer } = startRun(presetRecipe('seed-iris'));
    while (trainer.advance(1000));
    expect(file.theta).toEqual(trainer.state.theta);
    expect(file.history.at(-1)!.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(Object.keys(file.params)).toEqual(['layers.0.weight', 'layers.1.weight']);

    const ds = await losscape(['dataset', '--run', 'run.json', '--out', 'data.json'], dir);
    expect(ds.code).toBe(0);
    const data = JSON.parse(await fs.readFile(path.join(dir, 'data.json'), 'utf8'));
    const expected = prepareData(presetRecipe('seed-iris').data);
    expect(data.format).toBe('losscape.dataset/1');
    expect(data.featureNames).toEqual(['x₀ = 1', 'petal length (cm)', 'petal width (cm)']);
    expect(data.x.flat()).toEqual(Array.from(expected.train.x));
    expect(data.y).toEqual(Array.from(expected.train.y));
  });

  it('options build the model: hidden widths, activation, batch norm, optimizer', async () => {
    const args = ['train', '--dataset', 'moons', '--samples', '200', '--hidden', '8,8', '--activation', 'relu', '--batchnorm', '--optimizer', 'adam', '--lr', '0.01', '--batch-size', '32', '--epochs', '2', '--seed', '3'];
    const run = await losscape(args, dir);
    expect(run.code).toBe(0);
    const file = readRunFile(run.stdout);
    expect(file.spec.hidden).toEqual([
      { width: 8, activation: 'relu', batchNorm: true },
      { width: 8, activation: 'relu', batchNorm: true },
    ]);
    expect(file.optimizer).toEqual({ kind: 'adam', lr: 0.01 });
    expect(file.seed).toBe(3);
    expect(file.buffers['layers.1.bn.running_mean'].length).toBe(8);
  });

  it('a diverging run exits non-zero with the reason, and still writes what it did', async () => {
    const run = await losscape(['train', '--dataset', 'sine', '--hidden', '8', '--activation', 'relu', '--optimizer', 'sgd', '--lr', '1e6', '--batch-size', 'full', '--steps', '50', '--out', 'bad.json'], dir);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/losscape: training diverged at step \d+: .* Try a smaller learning rate/);
    const file = readRunFile(await fs.readFile(path.join(dir, 'bad.json'), 'utf8'));
    expect(file.status).toBe('diverged');
    expect(file.theta.every(Number.isFinite)).toBe(true);
  });

  it('bad options and impossible models get a one-line reason', async () => {
    const zero = await losscape(['train', '--hidden', '0'], dir);
    expect(zero.code).not.toBe(0);
    expect(zero.stderr.trim()).toBe("losscape: hidden layer 0's width must be a whole number ≥ 1, got 0");
    const csv = path.join(dir, 'bad.csv');
    await fs.writeFile(csv, 'a,b,label\n1,2,x\n3,oops,y\n');
    const bad = await losscape(['train', '--dataset', csv], dir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/line 3: column "b" is "oops", not a number/);
  });
});
