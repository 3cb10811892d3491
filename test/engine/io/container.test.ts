import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packFile, unpackFile } from '../../../engine/io/container.js';
import { npyBytes } from '../../../engine/io/export/npy.js';
import { projectFileBytes, projectFileOf, projectFileText, readProjectFile, readRunFile, readSurfaceFile, runFileOf, type RunFile, type SurfaceFile } from '../../../engine/io/index.js';
import { buildLayout, toStateDict, type MlpSpec } from '../../../engine/nn/index.js';
import { createRng } from '../../../engine/random.js';
import { presetRecipe, startRun } from '../../../engine/train/index.js';

// The model of issue 14: 784 → 256 → 256 → 10 ReLU with biases, P = 269,322.
const spec: MlpSpec = {
  inputs: 784,
  hidden: [
    { width: 256, activation: 'relu', batchNorm: false },
    { width: 256, activation: 'relu', batchNorm: false },
  ],
  outputs: 10,
  loss: 'softmax-ce',
  bias: true,
  residual: 0,
  weightDecay: 0,
};
const layout = buildLayout(spec);
const P = layout.size;
const rng = createRng(14, 'container test');
const vector = () => Float64Array.from({ length: P }, () => rng.normal() * 0.05);

// A trained small run gives the recipe, history and data fields; θ and the path are the large model's.
const recipe = presetRecipe('moons-batchnorm');
recipe.epochs = 1;
const { trainer } = startRun(recipe);
while (trainer.advance(100));
const small = runFileOf(recipe, trainer);
const theta = vector();
const snapshots = [vector(), vector(), vector(), theta];
const stepLosses = Array.from({ length: 40 }, (_, k) => (k === 7 ? null : 2.3 / (1 + k)));
const run: RunFile = {
  ...small,
  spec,
  layout: layout.entries.map(({ name, shape, offset, role }) => ({ name, shape, offset, role })),
  params: toStateDict(layout, theta),
  stepLosses: stepLosses as number[],
  trajectory: { steps: [0, 10, 20, 39], params: snapshots.map((p) => Array.from(p)) },
};
const n = 21;
const axis = Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
const grid = () => axis.map(() => axis.map(() => 2 + rng.normal()));
const surface: SurfaceFile = {
  format: 'losscape.surface/1',
  run: { spec, data: small.data, seed: 3 },
  layout: run.layout,
  center: Array.from(theta),
  directions: [Array.from(vector()), Array.from(vector())],
  normalization: 'filter',
  split: 'train',
  norm: 'batch',
  alpha: axis,
  beta: axis,
  values: { loss: grid().map((row, i) => row.map((v, j) => (i === 3 && j === 4 ? (null as unknown as number) : v))), accuracy: grid() },
  trajectory: [{ step: 0, alpha: 0.1, beta: -0.2, loss: 2.1, planeLoss: 2.2, distance: 0.3 }],
  timing: { seconds: 1.5, workers: 2, points: n * n },
};

/** Whether two float64 arrays are equal bit for bit (NaN payloads and −0 included); a byte comparison, fast at 10⁶ values. */
const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => Buffer.from(Float64Array.from(a).buffer).equals(Buffer.from(Float64Array.from(b).buffer));
/** The same JSON text: equal values, compared as one string (deep equality is slow at this size). */
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const rawBytes = (...counts: number[]) => 8 * counts.reduce((a, b) => a + b, 0);

describe('the binary form of run, surface and project files (.npz with a losscape.json header)', () => {
  it('writes a 269k-parameter run within 1.2× of its raw float64 bytes and reads it back bit for bit, as its JSON reads', () => {
    const bytes = packFile(run);
    const raw = rawBytes(P, 4 * P, stepLosses.length);
    expect(bytes.length / raw).toBeLessThan(1.2);
    expect(bytes.length / raw).toBeGreaterThan(1);
    const read = readRunFile(bytes);
    expect(sameBits(read.theta, theta)).toBe(true);
    read.trajectory.params.forEach((p, k) => expect(sameBits(p, snapshots[k])).toBe(true));
    expect(read.stepLosses).toEqual(stepLosses);
    const fromJson = readRunFile(JSON.stringify(run));
    expect(sameJson(read, fromJson)).toBe(true);
    // Against the JSON text, the binary form is 2.5× smaller here.
    expect(JSON.stringify(run).length / bytes.length).toBeGreaterThan(2);
  });

  it('stores each parameter under its PyTorch state_dict name with its shape, and the path as one snapshots × P array', () => {
    const members = unzipSync(packFile(run));
    expect(Object.keys(members)[0]).toBe('losscape.json');
    expect(Object.keys(members)).toEqual(expect.arrayContaining(['params.layers.0.weight.npy', 'params.layers.2.bias.npy', 'trajectory.params.npy', 'stepLosses.npy']));
    const header = JSON.parse(new TextDecoder().decode(members['losscape.json'])) as { params: Record<string, { shape: number[]; data: unknown }>; trajectory: { params: unknown } };
    expect(header.params['layers.0.weight']).toEqual({ shape: [256, 784], data: { $npy: 'params.layers.0.weight' } });
    expect(header.trajectory.params).toEqual({ $rows: 'trajectory.params' });
    expect(new TextDecoder().decode(members['params.layers.0.weight.npy'].subarray(10, 80))).toContain("'shape': (256, 784)");
    expect(new TextDecoder().decode(members['trajectory.params.npy'].subarray(10, 80))).toContain(`'shape': (4, ${P})`);
  });

  it('writes a 21 × 21 surface of that model within 1.2× of its raw bytes; a missing value (null) survives as null', () => {
    const bytes = packFile(surface);
    expect(bytes.length / rawBytes(3 * P, 2 * n * n, 2 * n)).toBeLessThan(1.2);
    const read = readSurfaceFile(bytes);
    expect(sameJson(read, readSurfaceFile(JSON.stringify(surface)))).toBe(true);
    expect(read.values.loss[3][4]).toBeNull();
    expect(sameBits(read.center, theta)).toBe(true);
  });

  it('saves a project with that run and surface within 1.2× of the raw bytes and reopens it unchanged; its JSON form still opens', () => {
    const project = projectFileOf({ state: { format: 'x', note: 'lecture 3' }, runs: [run], surfaces: [surface], savedAt: new Date(0) });
    const bytes = projectFileBytes(project);
    expect(bytes.length / rawBytes(5 * P + stepLosses.length, 3 * P + 2 * n * n + 2 * n)).toBeLessThan(1.2);
    const read = readProjectFile(bytes);
    expect(sameJson(read, readProjectFile(projectFileText(project)))).toBe(true);
    expect(sameBits(read.runs[0].params['layers.2.weight'].data, run.params['layers.2.weight'].data)).toBe(true);
    expect(sameJson(read.surfaces[0].values, surface.values)).toBe(true);
  });

  it('keeps −0 and every bit of a float64 that JSON text would round', () => {
    const value = { format: 'x', data: [-0, 5e-324, 2 ** -1074 * 3, Number.MAX_VALUE, 0.1 + 0.2, ...Array(16).fill(1 / 3)] };
    const back = unpackFile(packFile(value), (m) => new Error(m)) as typeof value;
    expect(sameBits(back.data, value.data)).toBe(true);
    expect(Object.is(back.data[0], -0)).toBe(true);
  });

  it('refuses a damaged archive with a message that says what is wrong, naming the array', () => {
    const fail = (m: string) => new Error(m);
    const bytes = packFile(run);
    expect(() => unpackFile(bytes.subarray(0, bytes.length - 100), fail)).toThrow(/damaged or truncated archive/);
    expect(() => readRunFile(bytes.subarray(0, 5000))).toThrow(/^this is not a run file: the file is a damaged or truncated archive/);
    const arraysOnly = zipSync({ 'X.npy': npyBytes({ data: [1, 2], shape: [2] }) });
    expect(() => readRunFile(arraysOnly)).toThrow(/no losscape.json: it is an .npz of arrays, not a Losscape file \(open it as data or weights\)/);
    const header = new TextEncoder().encode(JSON.stringify({ format: 'losscape.run/1', data: { $npy: 'gone' } }));
    expect(() => unpackFile(zipSync({ 'losscape.json': header }), fail)).toThrow('the archive lacks the array gone that its losscape.json refers to');
    const int32 = zipSync({ 'losscape.json': header, 'gone.npy': withDescr(npyBytes({ data: [1, 2], shape: [2] }), '<i8') });
    expect(() => unpackFile(int32, fail)).toThrow("the archive's array gone is <i8, expected float64 (<f8)");
    const rows = new TextEncoder().encode(JSON.stringify({ grid: { $rows: 'flat' } }));
    expect(() => unpackFile(zipSync({ 'losscape.json': rows, 'flat.npy': npyBytes({ data: [1, 2], shape: [2] }) }), fail)).toThrow("the archive's array flat has shape [2], expected rows × columns");
    expect(() => unpackFile(zipSync({ 'losscape.json': new TextEncoder().encode('{"a": ') }), fail)).toThrow(/losscape.json is damaged: the JSON does not parse/);
  });
});

/** A .npy whose header says `descr` (same length as '<f8'). */
function withDescr(npy: Uint8Array, descr: string): Uint8Array {
  const text = new TextDecoder().decode(npy.subarray(10, 74)).replace("'<f8'", `'${descr}'`);
  const out = npy.slice();
  out.set(new TextEncoder().encode(text), 10);
  return out;
}
