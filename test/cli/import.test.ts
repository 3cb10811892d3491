// `losscape import`: the fixtures' PyTorch weights and ONNX MLP become run files holding the
// same weights (usable by `losscape surface`), the loss-landscape .h5 files surface and line
// files; bad input fails with one clear line.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLossLandscapeH5 } from '../../cli/formats/h5Surface.js';
import { readNpzStateDict } from '../../engine/io/import/index.js';
import { readRunFile, readSurfaceFile } from '../../engine/io/index.js';
import { losscape } from './losscape.js';

const fixtures = new URL('../engine/io/fixtures/', import.meta.url).pathname;
const fixture = (name: string) => path.join(fixtures, name);
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-import-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const weights = async () => readNpzStateDict(new Uint8Array(await fs.readFile(fixture('weights.npz'))));
const fixtureSpec = {
  inputs: 4,
  hidden: [{ width: 6, activation: 'tanh', batchNorm: false }, { width: 5, activation: 'relu', batchNorm: true }],
  outputs: 3,
  loss: 'softmax-ce',
  bias: true,
  residual: 0,
  weightDecay: 0,
};

describe('losscape import', { timeout: 60_000 }, () => {
  for (const name of ['weights.safetensors', 'weights.npz', 'mlp.onnx']) {
    it(`${name} → a run file on iris with the file's model and weights`, async () => {
      const args = name.endsWith('.onnx') ? [] : ['--activation', 'tanh,relu'];
      const result = await losscape(['import', fixture(name), '--dataset', 'iris', ...args, '--out', `${name}.run.json`], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const run = readRunFile(await fs.readFile(path.join(dir, `${name}.run.json`), 'utf8'));
      expect(run.spec).toEqual(fixtureSpec);
      expect(run.params).toEqual(await weights());
      expect(run.data.source).toEqual({ kind: 'builtin', name: 'iris' });
      expect(run).toMatchObject({ status: 'done', message: `imported from ${fixture(name)}`, history: [], trajectory: { steps: [], params: [] } });
    });
  }

  it('gives a run that `losscape surface` slices around the imported θ*', async () => {
    const result = await losscape(['surface', '--run', 'weights.npz.run.json', '--grid', '5', '--range', '-0.2:0.2', '--workers', '1', '--out', 's.json'], dir);
    expect(result.code).toBe(0);
    const surface = readSurfaceFile(await fs.readFile(path.join(dir, 's.json'), 'utf8'));
    const run = readRunFile(await fs.readFile(path.join(dir, 'weights.npz.run.json'), 'utf8'));
    expect(surface.center).toEqual(Array.from(run.theta));
    expect(surface.values.loss.flat().every((v) => v !== null && Number.isFinite(v))).toBe(true);
  });

  it('.h5 → the surface (or line) file the loss-landscape reader gives', async () => {
    const result = await losscape(['import', fixture('loss_landscape.h5'), '--split', 'test'], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(await readLossLandscapeH5(fixture('loss_landscape.h5'), { split: 'test' }))));
    const line = await losscape(['import', fixture('loss_landscape_1d.h5')], dir);
    expect(JSON.parse(line.stdout).format).toBe('losscape.line/1');
  });

  it.each([
    ['an unknown extension', ['import', 'model.pt', '--dataset', 'iris'], 'losscape: cannot tell what model.pt is from its extension: give a .safetensors, .npz, .onnx or .h5 file'],
    ['weights without a data set', ['import', fixture('weights.npz')], 'losscape: give --dataset: a run needs the data its loss is computed on (the one the model was trained on)'],
    ['too few activations', ['import', fixture('weights.npz'), '--dataset', 'iris', '--activation', 'tanh,relu,relu'], /^losscape: cannot import .*weights\.npz: 3 activations are given for 2 hidden layers: give one for all, or one per layer$/],
    ['a model that does not fit the data', ['import', fixture('weights.npz'), '--dataset', 'moons'], /^losscape: cannot import .*weights\.npz: the model maps 4 inputs to 3 outputs, but moons has 2 inputs and needs 2 outputs/],
    ['a binary classifier on three classes', ['import', fixture('logistic.onnx'), '--dataset', 'iris'], /^losscape: cannot import .*logistic\.onnx: the model does not fit iris: binary cross-entropy needs two classes/],
    ['a missing file', ['import', 'nope.safetensors', '--dataset', 'iris'], 'losscape: cannot read nope.safetensors: ENOENT'],
  ])('refuses %s with one clear line', async (_label, args, message) => {
    const result = await losscape(args as string[], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    if (typeof message === 'string') expect(result.stderr.trim()).toBe(message);
    else expect(result.stderr.trim()).toMatch(message);
  });

  it('refuses a truncated weights file, saying so', async () => {
    const bytes = await fs.readFile(fixture('weights.safetensors'));
    await fs.writeFile(path.join(dir, 'cut.safetensors'), bytes.subarray(0, bytes.length - 100));
    const result = await losscape(['import', 'cut.safetensors', '--dataset', 'iris'], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^losscape: cannot import cut\.safetensors: .*(truncat|end|short|bytes)/i);
  });
});
