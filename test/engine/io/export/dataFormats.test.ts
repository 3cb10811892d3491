// CSV, .npz and VTK read back by independent readers (string splitting, a small .npy parser
// over fflate's unzip, fast-xml-parser): every value is the surface's, bit for bit.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lineCsv, lineNpz, surfaceCsv, surfaceNpz, surfaceVts, trajectoryCsv, trajectoryVtp } from '../../../../engine/io/export/index.js';
import { LINE_FORMAT, type LineFile } from '../../../../engine/io/index.js';
import { syntheticSurface } from '../syntheticSurface.js';
import { findAll, parseXml, type XmlNode } from '../xml.js';

const surface = syntheticSurface(9, 6, { missing: [[2, 5]] });
const line: LineFile = { format: LINE_FORMAT, line: 'init → final', center: [1, 2, 3], direction: [0.5, -0.5, 0], split: 'test', norm: 'batch', t: [0, 0.5, 1], values: { loss: [1.5, 0.75, 0.1 + 0.2], accuracy: [0.5, 0.75, 1] } };

/** numpy's .npy (v1, '<f8', C order), parsed the way the format's spec describes it. */
function npy(bytes: Uint8Array): { shape: number[]; values: number[] } {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 78, 85, 77, 80, 89, 1, 0]);
  const headerLength = bytes[8] + 256 * bytes[9];
  expect((10 + headerLength) % 64).toBe(0);
  const header = String.fromCharCode(...bytes.subarray(10, 10 + headerLength));
  expect(header).toMatch(/^\{'descr': '<f8', 'fortran_order': False, 'shape': \([\d, ]*\), \} *\n$/);
  const shape = header.match(/\(([^)]*)\)/)![1].split(',').filter((s) => s.trim()).map(Number);
  const data = bytes.slice(10 + headerLength);
  return { shape, values: Array.from(new Float64Array(data.buffer, data.byteOffset, data.byteLength / 8)) };
}

describe('CSV', () => {
  it('has one row per grid point, α slowest, every value exact and missing ones empty', () => {
    const rows = surfaceCsv(surface).trim().split('\n').map((r) => r.split(','));
    expect(rows[0]).toEqual(['alpha', 'beta', 'loss', 'accuracy']);
    expect(rows).toHaveLength(1 + 9 * 6);
    surface.alpha.forEach((a, i) =>
      surface.beta.forEach((b, j) => {
        const [ra, rb, loss, acc] = rows[1 + i * 6 + j];
        expect([Number(ra), Number(rb)]).toEqual([a, b]);
        const expected = surface.values.loss[i][j];
        if (typeof expected === 'number') expect(Number(loss)).toBe(expected);
        else expect([loss, acc]).toEqual(['', '']);
      }),
    );
  });

  it('writes the path and line files too', () => {
    const path = trajectoryCsv(surface).trim().split('\n');
    expect(path[0]).toBe('step,alpha,beta,loss,plane_loss,distance');
    expect(path[3].split(',').map(Number)).toEqual([20, surface.trajectory![2].alpha, surface.trajectory![2].beta, surface.trajectory![2].loss, surface.trajectory![2].planeLoss, surface.trajectory![2].distance]);
    expect(lineCsv(line)).toBe('t,loss,accuracy\n0,1.5,0.5\n0.5,0.75,0.75\n1,0.30000000000000004,1\n');
  });
});

describe('.npz', () => {
  it('holds alpha, beta, loss[i, j], accuracy, center, directions and the path, as numpy.load reads them', () => {
    const files = unzipSync(surfaceNpz(surface));
    expect(Object.keys(files).sort()).toEqual(
      ['accuracy', 'alpha', 'beta', 'center', 'directions', 'loss', 'trajectory_alpha', 'trajectory_beta', 'trajectory_distance', 'trajectory_loss', 'trajectory_plane_loss', 'trajectory_step'].map((n) => `${n}.npy`),
    );
    const loss = npy(files['loss.npy']);
    expect(loss.shape).toEqual([9, 6]);
    loss.values.forEach((v, k) => {
      const expected = surface.values.loss[Math.floor(k / 6)][k % 6];
      if (typeof expected === 'number') expect(v).toBe(expected);
      else expect(v).toBeNaN();
    });
    expect(npy(files['alpha.npy'])).toEqual({ shape: [9], values: surface.alpha });
    expect(npy(files['directions.npy'])).toEqual({ shape: [2, 4], values: [...surface.directions[0], ...surface.directions[1]] });
    expect(npy(files['trajectory_plane_loss.npy']).values).toEqual(surface.trajectory!.map((p) => p.planeLoss));
  });

  it('holds a line file’s t, loss and accuracy', () => {
    const files = unzipSync(lineNpz(line));
    expect(npy(files['loss.npy'])).toEqual({ shape: [3], values: line.values.loss });
    expect(npy(files['direction.npy']).values).toEqual(line.direction);
  });
});

describe('VTK', () => {
  const numbers = (node: XmlNode) => String(node['#text']).trim().split(/\s+/).map(Number);

  it('is a structured grid with points (α, β, L) and loss and accuracy as point data, α fastest', () => {
    const doc = parseXml(surfaceVts(surface));
    const file = (doc.VTKFile as XmlNode[])[0];
    expect(file.type).toBe('StructuredGrid');
    const grid = (file.StructuredGrid as XmlNode[])[0];
    expect(grid.WholeExtent).toBe('0 8 0 5 0 0');
    const arrays = findAll(doc, 'DataArray');
    const loss = numbers(arrays.find((a) => a.Name === 'loss')!);
    const accuracy = numbers(arrays.find((a) => a.Name === 'accuracy')!);
    const points = numbers(arrays.find((a) => a.Name === 'Points')!);
    expect(points).toHaveLength(3 * 9 * 6);
    for (let j = 0; j < 6; j++) {
      for (let i = 0; i < 9; i++) {
        const k = i + 9 * j;
        const expected = surface.values.loss[i][j];
        expect([points[3 * k], points[3 * k + 1]]).toEqual([surface.alpha[i], surface.beta[j]]);
        if (typeof expected === 'number') {
          expect([loss[k], points[3 * k + 2], accuracy[k]]).toEqual([expected, expected, surface.values.accuracy![i][j]]);
        } else {
          expect(loss[k]).toBeNaN();
        }
      }
    }
  });

  it('writes the path as one poly-line through (α, β, on-plane loss) with its step, losses and distance', () => {
    const doc = parseXml(trajectoryVtp(surface.trajectory!));
    const piece = findAll(doc, 'Piece')[0];
    expect([piece.NumberOfPoints, piece.NumberOfLines]).toEqual(['12', '1']);
    const arrays = findAll(doc, 'DataArray');
    const get = (name: string) => numbers(arrays.find((a) => a.Name === name)!);
    expect(get('connectivity')).toEqual(Array.from({ length: 12 }, (_, k) => k));
    expect(get('offsets')).toEqual([12]);
    expect(get('step')).toEqual(surface.trajectory!.map((p) => p.step));
    expect(get('distance')).toEqual(surface.trajectory!.map((p) => p.distance));
    expect(get('Points').filter((_, k) => k % 3 === 2)).toEqual(surface.trajectory!.map((p) => p.planeLoss));
  });
});
