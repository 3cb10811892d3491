// Property-based tests of the binary loaders (fast-check, seeded): any bytes — random, a
// valid file truncated and with bytes changed, or a whole file with NaN bytes in it — end in a
// LosscapeError whose message is the app's own, or in weights whose every number is finite
// (fuzzCheck.ts). The raw decoders (.npy, .npz, safetensors) leave the finite check to their
// callers (weights: cleanStateDict; data: engine/data/arrays.ts), so they are held to "no
// internal error" only; the weight readers built on them to all of it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLossLandscape, readNpy, readNpz, readNpzStateDict, readOnnxMlp, readSafetensors, readSafetensorsStateDict, readWeightsFile, type H5Dataset } from '../../../engine/io/import/index.js';
import { mergeSurfaceParts, projectFileOf, projectFileText, readLineFile, readProjectFile, readSurfaceFile, readSurfacePart, SURFACE_PART_FORMAT } from '../../../engine/io/index.js';
import { LosscapeError } from '../../../engine/errors.js';
import { damaged, endsCleanly, FUZZ_SEED, fuzz, internalPart, withNaNBytes } from './fuzzCheck.js';
import { syntheticSurface } from './syntheticSurface.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** Runs a raw decoder: it may return non-finite values (its caller checks them), but any error is a readable LosscapeError. */
function decodesCleanly(load: () => unknown): void {
  try {
    load();
  } catch (e) {
    if (!(e instanceof LosscapeError)) throw e;
    const why = internalPart(e.message);
    if (why) throw new Error(`the message "${e.message}" is not for users: ${why}`);
  }
}
const options = (numRuns: number) => ({ seed: FUZZ_SEED, numRuns });

const npyBytes = readNpzEntry(fixture('weights.npz'), 'layers.2.weight.npy');
function readNpzEntry(npz: Uint8Array, name: string): Uint8Array {
  // The fixture is stored uncompressed, so the .npy lies in it verbatim after its local header.
  const at = Buffer.from(npz).indexOf(name) + name.length;
  const magic = Buffer.from(npz).indexOf(Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]), at);
  return npz.slice(magic, magic + 128 + 15 * 4);
}

const weightReaders: [string, (b: Uint8Array) => unknown, Uint8Array][] = [
  ['.npz', (b) => readWeightsFile(b, 'npz', { activations: ['tanh', 'relu'] }), fixture('weights.npz')],
  ['safetensors', (b) => readWeightsFile(b, 'safetensors', { activations: ['tanh', 'relu'] }), fixture('weights.safetensors')],
  ['ONNX', (b) => readWeightsFile(b, 'onnx'), fixture('mlp.onnx')],
  ['.npz state_dict', readNpzStateDict, fixture('weights.npz')],
  ['safetensors state_dict', readSafetensorsStateDict, fixture('weights.safetensors')],
  ['ONNX graph', (b) => readOnnxMlp(b), fixture('mlp.onnx')],
];

describe('loaders under fuzzing', () => {
  for (const [name, load, valid] of weightReaders) {
    it(`${name}: random bytes, damaged files and NaN bytes end in a clear LosscapeError or finite weights`, () => {
      expect(() => load(valid)).not.toThrow();
      fuzz(fc.uint8Array({ maxLength: 600 }), load, 200);
      fuzz(damaged(valid), load, 300);
      // 0xff bytes in a tensor's data are NaNs (refused, naming the tensor); elsewhere they break the file's structure.
      const nan = fuzz(withNaNBytes(valid), load, 200);
      expect(nan.error).toBeGreaterThan(50);
    });
  }

  it('.npy: random bytes and a damaged array decode or raise a clear LosscapeError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => decodesCleanly(() => readNpy(bytes))), options(200));
    fc.assert(fc.property(damaged(npyBytes), (bytes) => decodesCleanly(() => readNpy(bytes))), options(300));
  });

  it('.npy and safetensors headers with any dtype, shape and offsets', () => {
    const npyHeader = fc.tuple(fc.string({ maxLength: 6 }), fc.array(fc.integer({ min: -3, max: 2 ** 40 }), { maxLength: 4 }), fc.boolean(), fc.uint8Array({ maxLength: 64 })).map(([descr, shape, fortran, data]) => {
      const header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }\n`;
      const bytes = new Uint8Array(10 + header.length + data.length);
      bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
      bytes.set(Buffer.from(header, 'latin1'), 10);
      bytes.set(data, 10 + header.length);
      return bytes;
    });
    fc.assert(fc.property(npyHeader, (bytes) => decodesCleanly(() => readNpy(bytes))), options(300));
    const safetensorsHeader = fc.tuple(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })), fc.uint8Array({ maxLength: 64 })).map(([header, data]) => {
      const text = Buffer.from(JSON.stringify(header));
      const bytes = new Uint8Array(8 + text.length + data.length);
      new DataView(bytes.buffer).setUint32(0, text.length, true);
      bytes.set(text, 8);
      bytes.set(data, 8 + text.length);
      return bytes;
    });
    fc.assert(fc.property(safetensorsHeader, (bytes) => decodesCleanly(() => readSafetensors(bytes))), options(300));
  });

  it('.npz archives of random members', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => decodesCleanly(() => readNpz(Uint8Array.of(0x50, 0x4b, ...bytes)))), options(300));
  });

  it('project, surface, line and part files: any text, damaged files and any JSON with their fields', () => {
    const project = projectFileText(projectFileOf({ state: { view: { azimuth: 30 } }, surfaces: [syntheticSurface(3, 3)] }));
    const textLoaders = [readProjectFile, readSurfaceFile, readLineFile, (t: string) => mergeSurfaceParts([readSurfacePart(t)])];
    const texts = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
      damaged(Buffer.from(project)).map((b) => Buffer.from(b).toString('utf8')),
      fc.record({ format: fc.constantFrom('losscape.project/1', 'losscape.surface/1', 'losscape.line/1', SURFACE_PART_FORMAT), savedAt: fc.string(), state: fc.jsonValue(), runs: fc.jsonValue(), surfaces: fc.jsonValue(), alpha: fc.jsonValue(), beta: fc.jsonValue(), t: fc.jsonValue(), values: fc.jsonValue(), shard: fc.jsonValue(), timing: fc.jsonValue() }, { requiredKeys: ['format'] }).map((v) => JSON.stringify(v)),
    );
    for (const load of textLoaders) fuzz(texts, load, 150);
    expect(readProjectFile(project).surfaces).toHaveLength(1);
  });

  it('project files nested very deeply', () => {
    const deep = `{"format":"losscape.project/1","savedAt":"2025-01-01","state":${'['.repeat(50000)}${']'.repeat(50000)},"runs":[],"surfaces":[]}`;
    expect(['value', 'error']).toContain(endsCleanly(() => readProjectFile(deep)));
  });

  it('loss-landscape datasets of any shape and values', () => {
    const dataset = fc.record({ shape: fc.array(fc.nat({ max: 6 }), { maxLength: 3 }), data: fc.array(fc.oneof(fc.double(), fc.constant(-1)), { maxLength: 40 }) }) as fc.Arbitrary<H5Dataset>;
    const names = ['xcoordinates', 'ycoordinates', 'train_loss', 'train_acc', 'test_loss', 'test_acc'] as const;
    const datasets = fc.record(Object.fromEntries(names.map((n) => [n, dataset])) as Record<(typeof names)[number], fc.Arbitrary<H5Dataset>>, { requiredKeys: [] });
    fuzz(fc.tuple(datasets, fc.constantFrom(undefined, 'train' as const, 'test' as const)), ([d, split]) => fromLossLandscape(d, { split }), 500);
  });
});
