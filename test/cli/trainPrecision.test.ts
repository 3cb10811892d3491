// `losscape train --precision`: float32 is recorded in the run's recipe and trains what the
// engine's float32 mode trains; without the option the run file has no precision (float64).
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunFile, recipeOf } from '../../engine/io/index.js';
import { startRun } from '../../engine/train/index.js';
import { losscape } from './losscape.js';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-train-precision-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('losscape train --precision', { timeout: 60_000 }, () => {
  const args = ['train', '--preset', 'digits-adam', '--epochs', '1'];

  it('float32 writes a run whose recipe says float32, with the engine float32 run’s θ', async () => {
    const run = await losscape([...args, '--precision', 'float32', '--out', 'run32.json'], dir);
    expect(run.code).toBe(0);
    const file = readRunFile(await fs.readFile(path.join(dir, 'run32.json'), 'utf8'));
    expect(file.training.precision).toBe('float32');
    const recipe = recipeOf(file);
    expect(recipe.precision).toBe('float32');
    const { trainer } = startRun(recipe);
    while (trainer.advance(1000));
    expect(file.theta).toEqual(trainer.state.theta);
  });

  it('float64 (the default) records no precision', async () => {
    const run = await losscape([...args, '--precision', 'float64'], dir);
    expect(run.code).toBe(0);
    expect('precision' in readRunFile(run.stdout).training).toBe(false);
  });

  it('refuses another precision, listing the choices', async () => {
    const run = await losscape([...args, '--precision', 'float16'], dir);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/float64, float32/);
  });
});
