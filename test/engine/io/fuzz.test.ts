// Property-based tests of every loader (fast-check): any bytes or text — random, or a valid
// file truncated and with bytes changed — give either a parse or a LosscapeError, never
// another exception.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LosscapeError } from '../../../engine/errors.js';
import { fromLossLandscape, readNpy, readNpz, readNpzStateDict, readOnnxMlp, readSafetensors, readSafetensorsStateDict, type H5Dataset } from '../../../engine/io/import/index.js';
import { mergeSurfaceParts, projectFileOf, projectFileText, readLineFile, readProjectFile, readSurfaceFile, readSurfacePart, SURFACE_PART_FORMAT } from '../../../engine/io/index.js';
import { syntheticSurface } from './syntheticSurface.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** Runs `load` and fails on any exception that is not a LosscapeError. */
function cleanly(load: () => unknown): void {
  try {
    load();
  } catch (e) {
    if (!(e instanceof LosscapeError)) throw e;
  }
}

/** A valid file cut short and with a few bytes changed. */
function damaged(bytes: Uint8Array) {
  return fc.record({ cut: fc.nat({ max: bytes.length }), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }) }).map(({ cut, flips }) => {
    const out = bytes.slice(0, cut);
    for (const [at, value] of flips) if (out.length) out[at % out.length] = value;
    return out;
  });
}

const npyBytes = readNpzEntry(fixture('weights.npz'), 'layers.2.weight.npy');
function readNpzEntry(npz: Uint8Array, name: string): Uint8Array {
  // The fixture is stored uncompressed, so the .npy lies in it verbatim after its local header.
  const at = Buffer.from(npz).indexOf(name) + name.length;
  const magic = Buffer.from(npz).indexOf(Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]), at);
  return npz.slice(magic, magic + 128 + 15 * 4);
}

const binaryLoaders: [string, (b: Uint8Array) => unknown, Uint8Array][] = [
  ['.npy', (b) => readNpy(b), npyBytes],
  ['.npz', (b) => readNpzStateDict(b), fixture('weights.npz')],
  ['safetensors', (b) => readSafetensorsStateDict(b), fixture('weights.safetensors')],
  ['ONNX', (b) => readOnnxMlp(b), fixture('mlp.onnx')],
];

describe('loaders under fuzzing', () => {
  for (const [name, load, valid] of binaryLoaders) {
    it(`${name}: random bytes and damaged files parse or raise a LosscapeError`, () => {
      expect(() => load(valid)).not.toThrow();
      fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => cleanly(() => load(bytes))), { numRuns: 300 });
      fc.assert(fc.property(damaged(valid), (bytes) => cleanly(() => load(bytes))), { numRuns: 400 });
    });
  }

  it('.npy and safetensors headers with any dtype, shape and offsets', () => {
    const npyHeader = fc.tuple(fc.string({ maxLength: 6 }), fc.array(fc.integer({ min: -3, max: 2 ** 40 }), { maxLength: 4 }), fc.boolean(), fc.uint8Array({ maxLength: 64 })).map(([descr, shape, fortran, data]) => {
      const header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }\n`;
      const bytes = new Uint8Array(10 + header.length + data.length);
      bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
      bytes.set(Buffer.from(header, 'latin1'), 10);
      bytes.set(data, 10 + header.length);
      return bytes;
    });
    fc.assert(fc.property(npyHeader, (bytes) => cleanly(() => readNpy(bytes))), { numRuns: 300 });
    const safetensorsHeader = fc.tuple(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })), fc.uint8Array({ maxLength: 64 })).map(([header, data]) => {
      const text = Buffer.from(JSON.stringify(header));
      const bytes = new Uint8Array(8 + text.length + data.length);
      new DataView(bytes.buffer).setUint32(0, text.length, true);
      bytes.set(text, 8);
      bytes.set(data, 8 + text.length);
      return bytes;
    });
    fc.assert(fc.property(safetensorsHeader, (bytes) => cleanly(() => readSafetensors(bytes))), { numRuns: 300 });
  });

  it('.npz archives of random members', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => cleanly(() => readNpz(Uint8Array.of(0x50, 0x4b, ...bytes)))), { numRuns: 300 });
  });

  it('project, surface, line and part files: any text, damaged files and any JSON', () => {
    const project = projectFileText(projectFileOf({ state: { view: { azimuth: 30 } }, surfaces: [syntheticSurface(3, 3)] }));
    const textLoaders = [readProjectFile, readSurfaceFile, readLineFile, (t: string) => mergeSurfaceParts([readSurfacePart(t)])];
    const texts = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
      damaged(Buffer.from(project)).map((b) => Buffer.from(b).toString('utf8')),
      fc.record({ format: fc.constantFrom('losscape.project/1', 'losscape.surface/1', 'losscape.line/1', SURFACE_PART_FORMAT), savedAt: fc.string(), state: fc.jsonValue(), runs: fc.jsonValue(), surfaces: fc.jsonValue(), alpha: fc.jsonValue(), beta: fc.jsonValue(), t: fc.jsonValue(), values: fc.jsonValue(), shard: fc.jsonValue(), timing: fc.jsonValue() }, { requiredKeys: ['format'] }).map((v) => JSON.stringify(v)),
    );
    fc.assert(fc.property(texts, (text) => textLoaders.forEach((load) => cleanly(() => load(text)))), { numRuns: 600 });
    expect(readProjectFile(project).surfaces).toHaveLength(1);
  });

  it('project files nested very deeply', () => {
    cleanly(() => readProjectFile(`{"format":"losscape.project/1","savedAt":"2025-01-01","state":${'['.repeat(50000)}${']'.repeat(50000)},"runs":[],"surfaces":[]}`));
  });

  it('loss-landscape datasets of any shape and values', () => {
    const dataset = fc.record({ shape: fc.array(fc.nat({ max: 6 }), { maxLength: 3 }), data: fc.array(fc.oneof(fc.double(), fc.constant(-1)), { maxLength: 40 }) }) as fc.Arbitrary<H5Dataset>;
    const names = ['xcoordinates', 'ycoordinates', 'train_loss', 'train_acc', 'test_loss', 'test_acc'] as const;
    const datasets = fc.record(Object.fromEntries(names.map((n) => [n, dataset])) as Record<(typeof names)[number], fc.Arbitrary<H5Dataset>>, { requiredKeys: [] });
    fc.assert(fc.property(datasets, fc.constantFrom(undefined, 'train' as const, 'test' as const), (d, split) => cleanly(() => fromLossLandscape(d, { split }))), { numRuns: 500 });
  });
});
