// Hostile files given to the real `losscape` (issue #16): each fails with exit 1, one line
// `losscape: …` on stderr, and leaves an existing --out file as it was.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNpzStateDict } from '../../engine/io/import/index.js';
import { losscape } from './losscape.js';

const fixtures = new URL('../engine/io/fixtures/', import.meta.url).pathname;
let dir: string;
const OUT = 'kept.json';
const KEPT = 'what was here before\n';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-bad-'));
  const imported = await losscape(['import', path.join(fixtures, 'weights.npz'), '--dataset', 'iris', '--activation', 'tanh,relu', '--out', 'run.json'], dir);
  expect(imported.code).toBe(0);
}, 30_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** The valid run file with `change` made to its JSON; `INF` strings become 1e999. */
async function runWith(name: string, change: (run: ReturnType<typeof JSON.parse>) => void): Promise<string> {
  const run = JSON.parse(await fs.readFile(path.join(dir, 'run.json'), 'utf8'));
  change(run);
  await fs.writeFile(path.join(dir, name), JSON.stringify(run).replace(/"INF"/g, '1e999'));
  return name;
}

/** A fixture with its first weight's stored bytes set to 0xff, a NaN in any float width. */
async function withNaN(fixture: string, value: number): Promise<string> {
  const bytes = Buffer.from(await fs.readFile(path.join(fixtures, fixture)));
  if (fixture.endsWith('.safetensors')) {
    // Stored as 16-bit floats: the header gives where layers.0.weight starts.
    const length = bytes.readUInt32LE(0);
    const entry = JSON.parse(bytes.subarray(8, 8 + length).toString())['layers.0.weight'];
    bytes.fill(0xff, 8 + length + entry.data_offsets[0], 8 + length + entry.data_offsets[0] + 2);
  } else {
    const at = bytes.indexOf(Buffer.from(Float32Array.of(value).buffer));
    expect(at).toBeGreaterThan(0);
    bytes.fill(0xff, at, at + 4);
  }
  const name = `nan-${fixture}`;
  await fs.writeFile(path.join(dir, name), bytes);
  return name;
}

/** Runs `args` with --out kept.json over an existing file; checks the failure and returns stderr. */
async function fails(args: string[]): Promise<string> {
  await fs.writeFile(path.join(dir, OUT), KEPT);
  const result = await losscape([...args, '--out', OUT], dir);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^losscape: [^\n]+\n$/);
  expect(await fs.readFile(path.join(dir, OUT), 'utf8')).toBe(KEPT);
  return result.stderr;
}

describe('losscape refuses hostile files in one line, writing nothing', { timeout: 10_000 }, () => {
  it('a run file with an unknown activation', async () => {
    const run = await runWith('swish.json', (r) => (r.spec.hidden[0].activation = 'swish'));
    expect(await fails(['line', '--run', run, '--steps', '3'])).toMatch(/^losscape: the run file's "spec" is not a model Losscape can build: hidden layer 0: unknown activation "swish"/);
  });

  it('a run file with loss: 0', async () => {
    const run = await runWith('loss0.json', (r) => (r.spec.loss = 0));
    expect(await fails(['surface', '--run', run, '--grid', '3'])).toMatch(/^losscape: the run file's "spec" is not a model Losscape can build: unknown loss 0/);
  });

  it('a run file with text and 1e999 in its weights', async () => {
    const text = await runWith('text.json', (r) => (r.params['layers.0.weight'].data[1] = 'x'));
    expect(await fails(['line', '--run', text, '--steps', '3'])).toBe(`losscape: the run file's "params.layers.0.weight.data[1]" must be a number, got "x"\n`);
    const inf = await runWith('inf.json', (r) => (r.params['layers.0.weight'].data[2] = 'INF'));
    expect(await fails(['line', '--run', inf, '--steps', '3'])).toMatch(/"params.layers.0.weight.data" holds 1 non-finite value \(the first, Infinity, at index 2\)/);
  });

  it('a binary file given as CSV', async () => {
    await fs.writeFile(path.join(dir, 'image.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]));
    expect(await fails(['dataset', '--dataset', 'image.csv'])).toMatch(/^losscape: image\.csv: the file does not look like CSV text: it holds bytes that are not UTF-8 text at line 1, column 1/);
  });

  it('NaN in safetensors, .npz and ONNX weights', async () => {
    // The fixtures' first weight (the same in all three files).
    const first = readNpzStateDict(new Uint8Array(await fs.readFile(path.join(fixtures, 'weights.npz'))))['layers.0.weight'].data[0];
    for (const fixture of ['weights.safetensors', 'weights.npz']) {
      const file = await withNaN(fixture, first);
      expect(await fails(['import', file, '--dataset', 'iris', '--activation', 'tanh,relu'])).toMatch(/^losscape: cannot import .*: tensor "layers\.0\.weight" holds 1 non-finite value \(the first, NaN, at \[0, 0\]\)/);
    }
    const onnx = await withNaN('mlp.onnx', first);
    expect(await fails(['import', onnx, '--dataset', 'iris'])).toMatch(/^losscape: cannot import .*: tensor ".*" holds 1 non-finite value \(the first, NaN/);
  });

  it('surface and line files with 1e999 or no value at all', async () => {
    const surface = { format: 'losscape.surface/1', layout: [], center: [], directions: [[], []], normalization: 'filter', split: 'train', norm: 'batch', alpha: [0, 1], beta: [0, 1], values: { loss: [[1, 2], [3, 4]] }, timing: { seconds: 0, workers: 1, points: 4 } };
    await fs.writeFile(path.join(dir, 'inf.surface.json'), JSON.stringify({ ...surface, values: { loss: [[1, 'INF'], [3, 4]] } }).replace('"INF"', '1e999'));
    expect(await fails(['render', '--in', 'inf.surface.json'])).toMatch(/^losscape: the surface file's "values.loss\[0\]" holds 1 non-finite value \(the first, Infinity, at index 1\)/);
    await fs.writeFile(path.join(dir, 'empty.surface.json'), JSON.stringify({ ...surface, values: { loss: [[null, null], [null, null]] } }));
    expect(await fails(['render', '--in', 'empty.surface.json'])).toMatch(/^losscape: the surface file's "values.loss" holds no value \(every point is null\)/);
    const line = { format: 'losscape.line/1', line: 'init → final', center: [], direction: [], split: 'train', norm: 'batch', t: [0, 1, 2], values: { loss: [null, null, null] } };
    await fs.writeFile(path.join(dir, 'empty.line.json'), JSON.stringify(line));
    expect(await fails(['render', '--in', 'empty.line.json'])).toMatch(/^losscape: the line file's "values.loss" holds no value/);
    await fs.writeFile(path.join(dir, 'inf.line.json'), JSON.stringify({ ...line, values: { loss: [1, 'INF', 2] } }).replace('"INF"', '-1e999'));
    expect(await fails(['render', '--in', 'inf.line.json'])).toMatch(/^losscape: the line file's "values.loss" holds 1 non-finite value \(the first, -Infinity, at index 1\)/);
  });
});
