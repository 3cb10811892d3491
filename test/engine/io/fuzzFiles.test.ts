// Property-based tests of the JSON file readers (issue #16): valid run, surface, line,
// project, part and directions files with fields replaced by values of the wrong kind
// (text, negative numbers, null, lists, ±Infinity from 1e999) or deleted, cut short, or any
// JSON at all. Every case ends in a LosscapeError whose message is the app's own, or in a
// file whose every number is finite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDirectionsFile } from '../../../engine/io/directionsFile.js';
import {
  LINE_FORMAT,
  mergeSurfaceParts,
  projectFileOf,
  projectFileText,
  readLineFile,
  readProjectFile,
  readRunFile,
  readSurfaceFile,
  readSurfacePart,
  runFileOf,
  surfacePartOf,
  type LineFile,
} from '../../../engine/io/index.js';
import { presetRecipe, startRun } from '../../../engine/train/index.js';
import { packFile } from '../../../engine/io/container.js';
import { damaged, fuzz, mutatedJson, withNaNBytes } from './fuzzCheck.js';
import { syntheticSurface } from './syntheticSurface.js';

/** A small trained run: batch norm, a bias, history, step losses and a path of 5 snapshots. */
function smallRun() {
  const recipe = presetRecipe('moons-batchnorm');
  recipe.data.source = { kind: 'synthetic', name: 'moons', samples: 40, noise: 0.15 };
  recipe.model.hidden = [{ width: 3, activation: 'tanh', batchNorm: true }, { width: 2, activation: 'relu', batchNorm: false }];
  recipe.batchSize = 10;
  recipe.epochs = 1;
  const { trainer } = startRun(recipe);
  while (trainer.advance(100));
  return runFileOf(recipe, trainer);
}

const run = smallRun();
const surface = syntheticSurface(4, 3, { missing: [[1, 1]] });
const line: LineFile = { format: LINE_FORMAT, line: 'init → final', center: [0.5, -1], direction: [1, 2], split: 'train', norm: 'batch', t: [-0.5, 0, 0.5, 1], values: { loss: [1.5, null as unknown as number, 0.25, 0.5], accuracy: [0.5, 0.5, 1, 1] } };
const part = surfacePartOf(syntheticSurface(4, 3), syntheticSurface(4, 3).alpha, { index: 0, count: 1 }, [0, 4]);
const project = projectFileOf({ state: { view: { azimuth: 30 }, note: 'α' }, runs: [run], surfaces: [surface], savedAt: new Date('2025-01-01') });

/**
 * The binary form (.npz) of one file cut short or with bytes changed, with NaN bytes in its
 * arrays, or packed from structure-aware damage of its JSON.
 */
const binaryInputsOf = (file: unknown) => {
  const bytes = packFile(file);
  return fc.oneof(
    { weight: 3, arbitrary: damaged(bytes) },
    { weight: 2, arbitrary: withNaNBytes(bytes) },
    { weight: 3, arbitrary: mutatedJson(file).map((text) => packFile(JSON.parse(text))) },
  );
};

/** Structure-aware damage, text damage and arbitrary JSON of one file. */
const inputsOf = (file: unknown) =>
  fc.oneof(
    { weight: 6, arbitrary: mutatedJson(file) },
    { weight: 2, arbitrary: damaged(Buffer.from(JSON.stringify(file))).map((b) => Buffer.from(b).toString('utf8')) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );

const readers: [string, unknown, (input: string | Uint8Array) => unknown, number][] = [
  ['run', run, readRunFile, 1000],
  ['surface', surface, readSurfaceFile, 600],
  ['line', line, readLineFile, 400],
  ['project', project, readProjectFile, 400],
  ['surface part (and merge)', part, (input) => mergeSurfaceParts([readSurfacePart(input, 'part.json')], ['part.json']), 300],
  ['directions', { format: 'losscape.surface/1', directions: [[1, -2.5, 0], [0.25, 4, 1e-300]] }, (input) => readDirectionsFile(input, 'd.json'), 200],
];

describe('JSON file readers under structure-aware fuzzing', () => {
  for (const [name, file, read, runs] of readers) {
    it(`${name} files: ${runs} damaged files end in a clear LosscapeError or an all-finite value`, () => {
      expect(() => read(JSON.stringify(file))).not.toThrow();
      const outcomes = fuzz(inputsOf(file), read, runs);
      // Some damage (an extra field, a renamed α value) leaves a readable file; most does not.
      expect(outcomes.error).toBeGreaterThan(runs / 2);
      expect(outcomes.value).toBeGreaterThan(0);
    });
  }

  it('the readers give back exactly what was written', () => {
    const { theta, buffers, ...read } = readRunFile(JSON.stringify(run));
    expect(JSON.stringify(read)).toBe(JSON.stringify(run));
    expect(theta.length).toBe(run.trajectory.params[0].length);
    expect(JSON.stringify(readSurfaceFile(JSON.stringify(surface)))).toBe(JSON.stringify(surface));
    expect(readLineFile(JSON.stringify(line))).toEqual(line);
    expect(projectFileText(readProjectFile(projectFileText(project)))).toBe(projectFileText(project));
  });
});

describe('the binary form (.npz) of every file under fuzzing', () => {
  for (const [name, file, read, runs] of readers) {
    const count = Math.round(runs / 2);
    it(`${name} files: ${count} damaged archives end in a clear LosscapeError or an all-finite value`, () => {
      expect(JSON.stringify(read(packFile(file)))).toBe(JSON.stringify(read(JSON.stringify(file))));
      const outcomes = fuzz(binaryInputsOf(file), read, count);
      expect(outcomes.error).toBeGreaterThan(count / 3);
      expect(outcomes.value).toBeGreaterThan(0);
    });
  }
});
