// GLB checked by the Khronos glTF validator, then GLB, OBJ and STL read back by the tests' own
// parsers: every vertex maps back to (α, β, L) of the surface through the written mapping.
import validator from 'gltf-validator';
import { describe, expect, it } from 'vitest';
import { surfaceGlb, surfaceObj, surfaceStl } from '../../../../engine/io/export/index.js';
import { bilinearLoss } from '../bilinear.js';
import { syntheticSurface } from '../syntheticSurface.js';

const surface = syntheticSurface(11, 8, { missing: [[6, 2]] });
const L = surface.values.loss as (number | null)[][];
const finite = L.flat().filter((v): v is number => v !== null);
const min = Math.min(...finite);
const max = Math.max(...finite);
const a0 = surface.alpha[0], a1 = surface.alpha.at(-1)!, b0 = surface.beta[0], b1 = surface.beta.at(-1)!;
/** The grid point (i, j) nearest a mesh position in the unit box (x from α, y from β). */
const gridIndex = (x: number, y: number) => [Math.round(((x + 1) / 2) * 10), Math.round(((y + 1) / 2) * 7)];
const lossOf = (height: number, h = 1) => min + (height / h) * (max - min);

/** A GLB's JSON and binary chunks. */
function readGlb(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(view.getUint32(0, true)).toBe(0x46546c67);
  expect(view.getUint32(8, true)).toBe(bytes.length);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength)));
  const bin = bytes.slice(28 + jsonLength);
  const accessor = (k: number) => {
    const a = json.accessors[k];
    const v = json.bufferViews[a.bufferView];
    const size = a.type === 'VEC3' ? 3 : 1;
    const Typed = a.componentType === 5126 ? Float32Array : Uint32Array;
    return Array.from(new Typed(bin.buffer, v.byteOffset, a.count * size));
  };
  return { json, accessor };
}

describe('glTF (GLB)', () => {
  const glb = surfaceGlb(surface);

  it('passes the Khronos glTF validator with no errors and no warnings', async () => {
    const report = await validator.validateBytes(glb);
    expect(report.issues.messages.filter((m) => m.severity <= 1)).toEqual([]);
    expect(report.issues.numErrors).toBe(0);
  });

  it('has a vertex per grid point at (α, L, −β) in the unit box, vertex colours, and triangles only where the surface is known', () => {
    const { json, accessor } = readGlb(glb);
    expect(json.asset.extras).toMatchObject({ alpha: [a0, a1], beta: [b0, b1], value: [min, max], height: 1, metric: 'loss' });
    const primitive = json.meshes[0].primitives[0];
    const positions = accessor(primitive.attributes.POSITION);
    expect(positions).toHaveLength(3 * 11 * 8);
    for (let k = 0; k < 11 * 8; k++) {
      const [i, j] = gridIndex(positions[3 * k], -positions[3 * k + 2]);
      expect([i, j]).toEqual([Math.floor(k / 8), k % 8]);
      const v = L[i][j];
      if (v !== null) expect(lossOf(positions[3 * k + 1])).toBeCloseTo(v, 5);
    }
    const triangles = accessor(primitive.indices);
    expect(triangles).toHaveLength(3 * 2 * (10 * 7 - 4));
    expect(triangles).not.toContain(6 * 8 + 2);
    expect(accessor(primitive.attributes.COLOR_0).every((c) => c >= 0 && c <= 1)).toBe(true);
  });

  it('draws the path as lines lying on the surface, just above it', () => {
    const { json, accessor } = readGlb(glb);
    const path = accessor(json.meshes[1].primitives[0].attributes.POSITION);
    expect(json.meshes[1].primitives[0].mode).toBe(1);
    for (let k = 0; k < path.length; k += 3) {
      const a = a0 + ((path[k] + 1) / 2) * (a1 - a0);
      const b = b0 + ((-path[k + 2] + 1) / 2) * (b1 - b0);
      expect(lossOf(path[k + 1] - 0.01)).toBeCloseTo(bilinearLoss(surface, a, b), 4);
    }
  });
});

describe('OBJ', () => {
  it('has coloured vertices (v x y z r g b) at (α, L, −β), normals, faces and the path as polylines; the mapping is in its header', () => {
    const obj = surfaceObj(surface, { height: 2 });
    const lines = obj.split('\n');
    expect(lines.filter((l) => l.startsWith('#')).join('\n')).toContain(`y = 2*(loss - ${min})/(${max} - ${min})`);
    const objects = obj.split(/^o /m);
    const vertices = objects[1].split('\n').filter((l) => l.startsWith('v ')).map((l) => l.split(' ').slice(1).map(Number));
    expect(vertices).toHaveLength(11 * 8);
    vertices.forEach(([x, y, z, r, g, b], k) => {
      expect(gridIndex(x, -z)).toEqual([Math.floor(k / 8), k % 8]);
      const v = L[Math.floor(k / 8)][k % 8];
      if (v !== null) expect(lossOf(y, 2)).toBeCloseTo(v, 6);
      for (const c of [r, g, b]) expect(c).toBeGreaterThanOrEqual(0);
    });
    expect(objects[1].split('\n').filter((l) => l.startsWith('vn '))).toHaveLength(11 * 8);
    expect(objects[1].split('\n').filter((l) => l.startsWith('f '))).toHaveLength(2 * (10 * 7 - 4));
    const polyline = objects[2].split('\n').find((l) => l.startsWith('l '))!.split(' ').slice(1).map(Number);
    expect(polyline[0]).toBe(11 * 8 + 1);
  });
});

describe('STL', () => {
  it('is binary STL with one facet per triangle, unit normals, and vertices at (α, β, L) in the unit box', () => {
    const stl = surfaceStl(surface);
    const view = new DataView(stl.buffer, stl.byteOffset, stl.byteLength);
    expect(new TextDecoder().decode(stl.subarray(0, 5))).not.toBe('solid');
    const count = view.getUint32(80, true);
    expect(count).toBe(2 * (10 * 7 - 4));
    expect(stl.length).toBe(84 + 50 * count);
    for (let f = 0; f < count; f++) {
      const at = 84 + 50 * f;
      const n = [0, 1, 2].map((d) => view.getFloat32(at + 4 * d, true));
      expect(Math.hypot(...n)).toBeCloseTo(1, 5);
      expect(n[2]).toBeGreaterThan(0); // facing up
      for (let c = 0; c < 3; c++) {
        const [x, y, z] = [0, 1, 2].map((d) => view.getFloat32(at + 12 + 12 * c + 4 * d, true));
        const [i, j] = gridIndex(x, y);
        expect(lossOf(z)).toBeCloseTo(L[i][j] as number, 5);
      }
    }
  });
});
