// The subset fields of surface and line files: samples { n, of, seed } and values.lossStdError
// read back as written, refused with a clear message when wrong, absent in old files; and the
// standard errors in the .npz export.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { surfaceNpz, lineNpz } from '../../../engine/io/export/npz.js';
import { readLineFile } from '../../../engine/io/lineFile.js';
import { readSurfaceFile, surfaceFileOf, type SurfaceFile } from '../../../engine/io/surfaceFile.js';
import { syntheticSurface } from './syntheticSurface.js';

const withSamples = (): SurfaceFile => {
  const file = syntheticSurface(5, 4, { trajectory: false });
  return { ...file, samples: { n: 50, of: 120, seed: 3 }, values: { ...file.values, lossStdError: file.values.loss.map((row) => row.map((v) => 0.01 * v)) } };
};
const text = (file: unknown) => JSON.stringify(file);
const line = {
  format: 'losscape.line/1',
  line: 'init → final',
  center: [0, 1],
  direction: [1, 1],
  split: 'train',
  norm: 'batch',
  t: [0, 0.5, 1],
  values: { loss: [1, 0.5, 0.2] },
};

describe('the subset fields of surface and line files', () => {
  it('a surface with samples reads back as written (the same text), and an old file without them still reads', () => {
    const file = withSamples();
    const read = readSurfaceFile(text(file));
    expect(read.samples).toEqual({ n: 50, of: 120, seed: 3 });
    expect(read.values.lossStdError).toEqual(file.values.lossStdError);
    expect(text(readSurfaceFile(text(read)))).toBe(text(read));
    const old = readSurfaceFile(text(syntheticSurface(5, 4)));
    expect(old.samples).toBeUndefined();
    expect(old.values.lossStdError).toBeUndefined();
  });

  it('wrong shapes and values are refused, naming the field', () => {
    const file = withSamples();
    const bad = (patch: (f: SurfaceFile) => void) => {
      const f = structuredClone(file);
      patch(f);
      return () => readSurfaceFile(text(f));
    };
    expect(bad((f) => f.values.lossStdError!.pop())).toThrow(`the surface file's "values.lossStdError" must be a list of 5, got a list of 4`);
    expect(bad((f) => f.values.lossStdError![2].push(1))).toThrow(`the surface file's "values.lossStdError[2]" must be a list of 4, got a list of 5`);
    expect(bad((f) => (f.values.lossStdError![1][1] = -0.5))).toThrow(`the surface file's "values.lossStdError" must not be negative (entry 5 in row order is)`);
    expect(bad((f) => delete f.values.lossStdError)).toThrow(`the surface file's "values.lossStdError" is missing: a file computed on a subset of samples holds each loss's standard error`);
    expect(bad((f) => delete f.samples)).toThrow(`the surface file's "values.lossStdError" needs "samples" (the subset it was computed on): remove it, or add samples: { n, of, seed }`);
    expect(bad((f) => (f.samples!.n = 121))).toThrow(`the surface file's "samples.n" (121) must not exceed the surface file's "samples.of" (120), the split's size`);
    expect(bad((f) => (f.samples!.seed = 0.5))).toThrow(`the surface file's "samples.seed" must be a whole number, got 0.5`);
    expect(bad((f) => ((f as unknown as { samples: unknown }).samples = [50, 120]))).toThrow(`the surface file's "samples" must be an object, got a list of 2`);
  });

  it('a null standard error (a diverged point) is kept', () => {
    const file = withSamples();
    file.values.lossStdError![0][0] = null as unknown as number;
    expect(readSurfaceFile(text(file)).values.lossStdError![0][0]).toBeNull();
  });

  it('a line with samples reads back; wrong lengths and a missing samples are refused', () => {
    const sampled = { ...line, samples: { n: 10, of: 40, seed: 0 }, values: { ...line.values, lossStdError: [0.1, 0.05, 0.02] } };
    const read = readLineFile(text(sampled));
    expect(read.samples).toEqual({ n: 10, of: 40, seed: 0 });
    expect(read.values.lossStdError).toEqual([0.1, 0.05, 0.02]);
    expect(readLineFile(text(line)).values.lossStdError).toBeUndefined();
    expect(() => readLineFile(text({ ...sampled, values: { ...sampled.values, lossStdError: [0.1, 0.05] } }))).toThrow(`the line file's "values.lossStdError" must be a list of 3, got a list of 2`);
    expect(() => readLineFile(text({ ...line, values: sampled.values }))).toThrow(`the line file's "values.lossStdError" needs "samples"`);
    expect(() => readLineFile(text({ ...sampled, samples: { n: 1, of: 40, seed: 0 } }))).toThrow(`the line file's "samples.n" must be a whole number ≥ 2, got 1`);
  });

  it('surfaceFileOf writes samples and the errors only for a subset plan', () => {
    const plan = {
      spec: { inputs: 1, hidden: [], outputs: 1, loss: 'mse', bias: false, residual: 0, weightDecay: 0 },
      center: new Float64Array(1),
      d1: new Float64Array(1),
      d2: new Float64Array(1),
      data: { x: new Float64Array(0), n: 0, targets: new Float64Array(0) },
      norm: { kind: 'batch' },
      alpha: Float64Array.of(0, 1),
      beta: Float64Array.of(0, 1),
    } as unknown as Parameters<typeof surfaceFileOf>[0]['plan'];
    const values = { loss: Float64Array.of(1, 2, 3, 4), accuracy: new Float64Array(4), lossStdError: Float64Array.of(0.1, 0.2, 0.3, 0.4) };
    const args = { info: { kind: 'random' as const, normalization: 'filter' }, split: 'train' as const, norm: 'batch' as const, values, timing: { seconds: 0, workers: 1, points: 4 } };
    const sub = surfaceFileOf({ ...args, plan: { ...plan, samples: { n: 5, of: 9, seed: 1 } } });
    expect(sub.samples).toEqual({ n: 5, of: 9, seed: 1 });
    expect(sub.values.lossStdError).toEqual([[0.1, 0.2], [0.3, 0.4]]);
    const full = surfaceFileOf({ ...args, plan });
    expect(full.samples).toBeUndefined();
    expect(full.values.lossStdError).toBeUndefined();
  });

  it('the .npz export holds loss_std_error [nα, nβ] (or [n] for a line) with a subset, none without', () => {
    const header = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(10, 10 + (bytes[8] | (bytes[9] << 8))));
    const entries = unzipSync(surfaceNpz(withSamples()));
    expect(header(entries['loss_std_error.npy'])).toContain("'shape': (5, 4)");
    const data = entries['loss_std_error.npy'];
    const values = new Float64Array(data.slice(data.length - 8 * 20).buffer);
    expect(Array.from(values)).toEqual(withSamples().values.lossStdError!.flat());
    expect(unzipSync(surfaceNpz(syntheticSurface(5, 4)))['loss_std_error.npy']).toBeUndefined();
    const sampled = readLineFile(text({ ...line, samples: { n: 10, of: 40, seed: 0 }, values: { ...line.values, lossStdError: [0.1, 0.05, 0.02] } }));
    expect(header(unzipSync(lineNpz(sampled))['loss_std_error.npy'])).toContain("'shape': (3,)");
  });
});
