// Array-file data sets (.npz, .npy pairs, IDX pairs gzipped or not) against what numpy saved
// (fixtures/make_arrays.py), their errors, and fuzzing: a LosscapeError or finite numbers.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heldDataset, holdArrayFiles, isHeld, prepareData, readArrayDataset, type Dataset, type NamedBytes } from '../../../engine/data/index.js';
import { LosscapeError } from '../../../engine/errors.js';
import { ImportError } from '../../../engine/io/import/index.js';

const fixture = (name: string): NamedBytes => ({ name, bytes: new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))) });
const expected = JSON.parse(readFileSync(new URL('./fixtures/expected.json', import.meta.url), 'utf8')) as Record<string, Expected>;

interface Expected {
  n: number;
  d: number;
  task: string;
  classNames: string[];
  targetDim: number;
  x: number[];
  y: number[];
}

/** A .npy file (version 1) of `descr` and `shape` holding `data` verbatim. */
function npy(descr: string, shape: number[], data: Uint8Array): Uint8Array {
  const header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }\n`;
  const bytes = new Uint8Array(10 + header.length + data.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
  bytes.set(Buffer.from(header, 'latin1'), 10);
  bytes.set(data, 10 + header.length);
  return bytes;
}

/** A float64 .npy of `shape` holding `values`. */
const npyF8 = (shape: number[], values: number[]) => npy('<f8', shape, new Uint8Array(Float64Array.from(values).buffer));

/** An IDX file of type `code` and `shape` holding `data` verbatim. */
function idx(code: number, shape: number[], data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * shape.length + data.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0, 0, code, shape.length]);
  shape.forEach((size, k) => view.setUint32(4 + 4 * k, size, false));
  bytes.set(data, 4 + 4 * shape.length);
  return bytes;
}

const file = (name: string, bytes: Uint8Array): NamedBytes => ({ name, bytes });

/** A valid file cut short and with a few bytes changed. */
function damaged(bytes: Uint8Array) {
  return fc.record({ cut: fc.nat({ max: bytes.length }), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }) }).map(({ cut, flips }) => {
    const out = bytes.slice(0, cut);
    for (const [at, value] of flips) if (out.length) out[at % out.length] = value;
    return out;
  });
}

/** Reads, and accepts either a Dataset of finite numbers with consistent sizes or a LosscapeError. */
function readsCleanly(data: NamedBytes, labels?: NamedBytes): void {
  let dataset: Dataset;
  try {
    dataset = readArrayDataset(data, labels);
  } catch (e) {
    if (!(e instanceof LosscapeError)) throw e;
    expect(e.message).toMatch(/\S/);
    return;
  }
  expect(dataset.x).toBeInstanceOf(Float64Array);
  expect(dataset.x.length).toBe(dataset.n * dataset.d);
  expect(dataset.y.length).toBe(dataset.n * dataset.targetDim);
  expect([...dataset.x, ...dataset.y].every(Number.isFinite)).toBe(true);
}

describe('array files load as numpy saved them', () => {
  const cases: [string, string | undefined, string][] = [
    ['xy.npz', undefined, 'xy.npz'],
    ['xy_reg.npz', undefined, 'xy_reg.npz'],
    ['onehot.npz', undefined, 'onehot.npz'],
    ['x.npy', 'y.npy', 'x.npy'],
    ['images.idx3-ubyte', 'labels.idx1-ubyte', 'images.idx3-ubyte'],
    ['images.idx3-ubyte.gz', 'labels.idx1-ubyte.gz', 'images.idx3-ubyte'],
  ];
  for (const [data, labels, key] of cases) {
    it(`${data}${labels ? ` + ${labels}` : ''}`, () => {
      const dataset = readArrayDataset(fixture(data), labels ? fixture(labels) : undefined);
      const want = expected[key];
      expect(dataset).toMatchObject({ name: data, n: want.n, d: want.d, task: want.task, classNames: want.classNames, targetDim: want.targetDim });
      expect(dataset.x).toBeInstanceOf(Float64Array);
      expect(Array.from(dataset.x)).toEqual(want.x);
      expect(Array.from(dataset.y)).toEqual(want.y);
    });
  }

  it('names features by their index in X: x[j] for [n, d], x[r,c] for images', () => {
    expect(readArrayDataset(fixture('xy.npz')).featureNames).toEqual(['x[0]', 'x[1]', 'x[2]']);
    const images = readArrayDataset(fixture('images.idx3-ubyte'), fixture('labels.idx1-ubyte')).featureNames;
    expect([images.length, images[0], images[4], images[11]]).toEqual([12, 'x[0,0]', 'x[1,0]', 'x[2,3]']);
    expect(readArrayDataset(file('x.npy', npyF8([5], [1, 2, 3, 4, 5])), fixture('y.npy')).featureNames).toEqual(['x']);
  });

  it('a 60,000 × 784 uint8 IDX set loads as one Float64Array of 47,040,000 values', () => {
    const n = 60_000;
    const pixels = new Uint8Array(n * 784).map((_, k) => k % 256);
    const digits = new Uint8Array(n).map((_, i) => i % 10);
    const dataset = readArrayDataset(file('train-images-idx3-ubyte', idx(0x08, [n, 28, 28], pixels)), file('train-labels-idx1-ubyte.gz', gzipSync(idx(0x08, [n], digits))));
    expect(dataset.x).toBeInstanceOf(Float64Array);
    expect(dataset.x.length).toBe(n * 784);
    expect([dataset.n, dataset.d, dataset.x[784 * 3 + 5], dataset.classNames.length, dataset.y[59_999]]).toEqual([n, 784, (784 * 3 + 5) % 256, 10, 9]);
  });
});

describe('bad array files are refused with the array, shape or byte offset', () => {
  const y5 = fixture('y.npy');
  const refuses = (message: RegExp, data: NamedBytes, labels?: NamedBytes) => {
    expect(() => readArrayDataset(data, labels)).toThrow(ImportError);
    expect(() => readArrayDataset(data, labels)).toThrow(message);
  };

  it('a .npz without X or y lists the names it holds', () => {
    const weights = fixture('../../io/fixtures/weights.npz');
    refuses(/weights\.npz has no array named X or x \(it holds "layers\.0\.weight", .*np\.savez\(path, X=X, y=y\)/, { ...weights, name: 'weights.npz' });
  });

  it('X and y with different numbers of samples', () => {
    refuses(/y in y\.npy has shape \[5\] but X in x\.npy has shape \[4, 2\]: y needs shape \[4\]/, file('x.npy', npyF8([4, 2], [1, 2, 3, 4, 5, 6, 7, 8])), y5);
    refuses(/y in labels\.idx1-ubyte has shape \[5\] but X in images\.idx3-ubyte has shape \[4, 3\]/, file('images.idx3-ubyte', idx(0x08, [4, 3], new Uint8Array(12))), fixture('labels.idx1-ubyte'));
  });

  it('a dtype numpy has but Losscape does not read', () => {
    refuses(/x\.npy has dtype <c16/, file('x.npy', npy('<c16', [5, 1], new Uint8Array(80))), y5);
    refuses(/y\.npy has dtype \|S2/, fixture('x.npy'), file('y.npy', npy('|S2', [5], new Uint8Array(10))));
  });

  it('a wrong IDX magic or type code, with the bytes and the offset', () => {
    refuses(/images\.idx3-ubyte is not an IDX file: it starts with the bytes 00 01 08 03/, file('images.idx3-ubyte', Uint8Array.of(0, 1, 8, 3, 0, 0, 0, 5)), y5);
    refuses(/images\.idx3-ubyte: the IDX type code 0x07 at byte offset 2/, file('images.idx3-ubyte', idx(0x07, [5], new Uint8Array(5))), y5);
    refuses(/x\.bin is not an IDX file: it starts with the bytes 01 02 03 04/, file('x.bin', Uint8Array.of(1, 2, 3, 4)), y5);
    refuses(/x\.npy is not a \.npy array \(no \\x93NUMPY magic\)/, file('x.npy', Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 5, 1, 2, 3, 4, 5)), y5);
  });

  it('a truncated IDX file says how many bytes its shape needs after which offset', () => {
    const images = fixture('images.idx3-ubyte');
    refuses(/images\.idx3-ubyte is truncated: shape \[5, 3, 4\] of u1 needs 60 bytes after the header \(from byte offset 16\), the file has 59/, { ...images, bytes: images.bytes.slice(0, -1) }, fixture('labels.idx1-ubyte'));
    refuses(/labels\.idx1-ubyte is truncated: its header of 1 sizes ends at byte offset 8, the file has 6/, fixture('images.idx3-ubyte'), file('labels.idx1-ubyte', Uint8Array.of(0, 0, 8, 1, 0, 0)));
    const gz = fixture('images.idx3-ubyte.gz');
    refuses(/images\.idx3-ubyte\.gz: the gzip data is corrupt or truncated/, { ...gz, bytes: gz.bytes.slice(0, 30) }, fixture('labels.idx1-ubyte.gz'));
  });

  it('NaN or ±Inf in X or y, naming the array and the sample', () => {
    refuses(/X in x\.npy holds 1 non-finite value \(the first, NaN, at sample 2, feature 1\)/, file('x.npy', npyF8([5, 2], [0, 0, 0, 0, 0, NaN, 0, 0, 0, 0])), y5);
    refuses(/y in y\.npy holds 2 non-finite values \(the first, Infinity, at sample 1\)/, fixture('x.npy'), file('y.npy', npyF8([5], [0, Infinity, 0, -Infinity, 0])));
  });

  it('labels that are no class indices, and integer [n, k] that is not one-hot', () => {
    const labels = (values: number[]) => file('y.npy', npy('<i4', [values.length], new Uint8Array(Int32Array.from(values).buffer)));
    refuses(/y in y\.npy: label -1 of sample 3 is not a class index 0 … 999/, fixture('x.npy'), labels([0, 1, 0, -1, 1]));
    refuses(/label 5000 of sample 0/, fixture('x.npy'), labels([5000, 1, 0, 1, 1]));
    refuses(/y in y\.npy holds integers of shape \[5, 2\] that are not one-hot rows/, fixture('x.npy'), file('y.npy', npy('|u1', [5, 2], Uint8Array.of(1, 1, 0, 1, 1, 0, 0, 1, 1, 0))));
  });

  it('X alone, or a .npz with a labels file', () => {
    refuses(/x\.npy holds only the features X; give the labels y as a second file/, fixture('x.npy'));
    refuses(/xy\.npz is a \.npz holding X and y itself; leave out the labels file y\.npy/, fixture('xy.npz'), y5);
  });

  it('X with no samples or no features', () => {
    refuses(/X in x\.npy has shape \[0, 2\]: it needs one row per sample/, file('x.npy', npyF8([0, 2], [])), file('y.npy', npyF8([0], [])));
    refuses(/X in x\.npy has shape \[5, 0\]: every sample needs at least one feature/, file('x.npy', npyF8([5, 0], [])), y5);
  });
});

describe('array files under fuzzing (seeded)', () => {
  const pairs: [string, NamedBytes, NamedBytes | undefined][] = [
    ['.npz', fixture('xy.npz'), undefined],
    ['.npy pair', fixture('x.npy'), fixture('y.npy')],
    ['IDX pair', fixture('images.idx3-ubyte'), fixture('labels.idx1-ubyte')],
    ['gzipped IDX pair', fixture('images.idx3-ubyte.gz'), fixture('labels.idx1-ubyte.gz')],
  ];
  for (const [what, data, labels] of pairs) {
    it(`${what}: truncated and changed files, and random bytes`, () => {
      readsCleanly(data, labels);
      fc.assert(fc.property(damaged(data.bytes), (bytes) => readsCleanly({ ...data, bytes }, labels)), { numRuns: 300, seed: 14 });
      if (labels) fc.assert(fc.property(damaged(labels.bytes), (bytes) => readsCleanly(data, { ...labels, bytes })), { numRuns: 300, seed: 15 });
      fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => readsCleanly({ ...data, bytes }, labels)), { numRuns: 200, seed: 16 });
    });
  }

  it('IDX headers of any type code, rank and sizes, and .npy headers of any dtype and shape', () => {
    const idxFile = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 4 }), fc.uint8Array({ maxLength: 64 }));
    fc.assert(fc.property(idxFile, ([code, shape, data]) => readsCleanly(file('images.idx3-ubyte', idx(code, shape, data)), fixture('y.npy'))), { numRuns: 300, seed: 17 });
    const npyFile = fc.tuple(fc.constantFrom('<f8', '<f4', '<f2', '|u1', '<i8', '|b1', '>i2', '<c8', '|S1', '|O'), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }), fc.uint8Array({ maxLength: 64 }));
    fc.assert(fc.property(npyFile, npyFile, ([dx, sx, bx], [dy, sy, by]) => readsCleanly(file('x.npy', npy(dx, sx, bx)), file('y.npy', npy(dy, sy, by)))), { numRuns: 400, seed: 18 });
  });

  it('X and y of random sample counts agree or are refused naming both shapes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (nx, ny) => {
        const x = file('x.npy', npyF8([nx, 2], new Array(nx * 2).fill(0.5)));
        const y = file('y.npy', npy('|u1', [ny], new Uint8Array(ny)));
        if (nx === ny) expect(readArrayDataset(x, y).n).toBe(nx);
        else expect(() => readArrayDataset(x, y)).toThrow(`y in y.npy has shape [${ny}] but X in x.npy has shape [${nx}, 2]`);
      }),
      { numRuns: 100, seed: 19 },
    );
  });
});

describe('file sources in a DataSpec', () => {
  it('record names, paths, hashes and sizes, never the numbers; prepareData finds the held data', () => {
    const { bytes } = fixture('xy.npz');
    const source = holdArrayFiles({ name: 'xy.npz', path: '/data/xy.npz', sha256: 'ab12', bytes });
    expect(source).toEqual({ kind: 'file', data: { name: 'xy.npz', path: '/data/xy.npz', sha256: 'ab12' }, n: 6, d: 3 });
    expect(isHeld(source)).toBe(true);
    const prepared = prepareData({ source, seed: 0, testFraction: 0, standardize: false });
    expect(Array.from(prepared.train.x)).toEqual(expected['xy.npz'].x);
    expect(prepared.classes).toBe(3);
  });

  it('a source whose files were not read here is refused, naming the files to open', () => {
    const source = { kind: 'file', data: { name: 'x.npy', path: '/data/x.npy', sha256: 'ff' }, labels: { name: 'y.npy', sha256: 'ee' }, n: 5, d: 2 } as const;
    expect(isHeld(source)).toBe(false);
    expect(() => heldDataset(source)).toThrow(ImportError);
    expect(() => prepareData({ source, seed: 0 })).toThrow('the data x.npy (5 × 2) is not loaded: open /data/x.npy and y.npy again');
  });
});
