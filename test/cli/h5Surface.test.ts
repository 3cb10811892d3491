// An .h5 surface written like Li et al.'s plot_surface.py (fixture: ../engine/io/fixtures/make_h5.ts)
// read through h5wasm: the surface it holds, and clean errors for files that are not HDF5.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LosscapeError } from '../../engine/errors.js';
import { ImportError } from '../../engine/io/import/index.js';
import type { LineFile, SurfaceFile } from '../../engine/io/index.js';
import { readLossLandscapeH5 } from '../../cli/formats/h5Surface.js';
import { h5Loss, h5Missing, h5X, h5Y } from '../engine/io/fixtures/make_h5.js';

const fixture = (name: string) => new URL(`../engine/io/fixtures/${name}`, import.meta.url).pathname;

describe('loss-landscape .h5 files (h5wasm)', () => {
  it('hold the surface L(x_i, y_j), with the point left at −1 missing and accuracies as fractions', async () => {
    const file = (await readLossLandscapeH5(fixture('loss_landscape.h5'))) as SurfaceFile;
    expect(file.alpha).toEqual(h5X);
    expect(file.beta).toEqual(h5Y);
    h5X.forEach((x, i) =>
      h5Y.forEach((y, j) => {
        if (i === h5Missing[0] && j === h5Missing[1]) return expect(file.values.loss[i][j]).toBeNull();
        expect(file.values.loss[i][j]).toBe(h5Loss(x, y, 'train'));
        expect(file.values.accuracy![i][j]).toBeCloseTo(Math.exp(-h5Loss(x, y, 'train')), 6);
      }),
    );
    const test = (await readLossLandscapeH5(fixture('loss_landscape.h5'), { split: 'test' })) as SurfaceFile;
    expect(test.values.loss[0][0]).toBe(h5Loss(-1, -0.5, 'test'));
  });

  it('agree with the raw datasets as h5wasm reads them (shape (nx, ny), filled y-major)', async () => {
    const h5wasm = await import('h5wasm/node');
    const f = new h5wasm.File(fixture('loss_landscape.h5'), 'r');
    const raw = f.get('train_loss') as InstanceType<typeof h5wasm.Dataset>;
    expect(raw.shape).toEqual([5, 4]);
    const values = Array.from(raw.value as Float64Array);
    f.close();
    const file = (await readLossLandscapeH5(fixture('loss_landscape.h5'))) as SurfaceFile;
    expect(file.values.loss[3][2]).toBe(values[2 * 5 + 3]);
  });

  it('read a 1D file as a line', async () => {
    const line = (await readLossLandscapeH5(fixture('loss_landscape_1d.h5'))) as LineFile;
    expect(line.format).toBe('losscape.line/1');
    expect(line.values.loss).toEqual(h5X.map((x) => h5Loss(x, 0, 'train')));
  });

  it('refuse a file that is not HDF5 with an ImportError', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-h5-'));
    const bad = path.join(dir, 'bad.h5');
    await fs.writeFile(bad, 'not an HDF5 file at all');
    await expect(readLossLandscapeH5(bad)).rejects.toBeInstanceOf(ImportError);
    await fs.writeFile(bad, Buffer.concat([Buffer.from('\x89HDF\r\n\x1a\n', 'latin1'), Buffer.alloc(40, 7)]));
    await expect(readLossLandscapeH5(bad)).rejects.toThrow(/bad\.h5 is not a loss-landscape surface file, or it is damaged: bad superblock version number/);
    await fs.rm(dir, { recursive: true });
  });

  it('under fuzzing: a damaged .h5 file reads, or is refused with a LosscapeError', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-h5-'));
    const valid = new Uint8Array(await fs.readFile(fixture('loss_landscape.h5')));
    const damaged = fc.record({ cut: fc.nat({ max: valid.length }), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }) });
    let k = 0;
    await fc.assert(
      fc.asyncProperty(damaged, async ({ cut, flips }) => {
        const bytes = valid.slice(0, Math.max(8, cut));
        for (const [at, value] of flips) bytes[8 + (at % (bytes.length - 8))] = value;
        const file = path.join(dir, `damaged-${k++}.h5`);
        await fs.writeFile(file, bytes);
        try {
          await readLossLandscapeH5(file);
        } catch (e) {
          if (!(e instanceof LosscapeError)) throw e;
        }
      }),
      { numRuns: 60 },
    );
    await fs.rm(dir, { recursive: true });
  }, 60_000);
});
