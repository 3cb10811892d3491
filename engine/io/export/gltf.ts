// The surface as binary glTF 2.0 (.glb), for slides (PowerPoint, Keynote), Blender and any
// glTF viewer: a mesh with vertex colours and normals, and the optimizer's path as lines.
// glTF is Y-up, so the mesh's (x, y, z) become (x, z, −y); the mapping back to α, β and the
// metric is in asset.extras.
import { strToU8 } from 'fflate';
import { srgbToLinear } from '../figure/colormaps.js';
import { themes } from '../figure/theme.js';
import type { SurfaceFile } from '../surfaceFile.js';
import { surfaceMesh, type MeshOptions } from './surfaceMesh.js';

const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const FLOAT = 5126;
const UNSIGNED_INT = 5125;
const TRIANGLES = 4;
const LINES = 1;

/** Y-up float32 positions (x, z, −y) of Z-up ones. */
function yUp(p: Float64Array): Float32Array {
  const out = new Float32Array(p.length);
  for (let k = 0; k < p.length; k += 3) {
    out[k] = p[k];
    out[k + 1] = p[k + 2];
    out[k + 2] = -p[k + 1];
  }
  return out;
}

function bounds(p: Float32Array): { min: number[]; max: number[] } {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let k = 0; k < p.length; k++) {
    min[k % 3] = Math.min(min[k % 3], p[k]);
    max[k % 3] = Math.max(max[k % 3], p[k]);
  }
  return { min, max };
}

/** Hex `#rrggbb` to linear RGB. */
function linearRgb(hex: string): number[] {
  return [1, 3, 5].map((k) => srgbToLinear(parseInt(hex.slice(k, k + 2), 16) / 255));
}

/** The surface file as a GLB. */
export function surfaceGlb(file: SurfaceFile, options: MeshOptions = {}): Uint8Array {
  const mesh = surfaceMesh(file, options);
  const positions = yUp(mesh.positions);
  const normals = yUp(mesh.normals);
  const colors = Float32Array.from(mesh.colors, srgbToLinear);
  // The path as line segments (pairs of points), so pieces stay apart.
  const segments: number[] = [];
  for (const piece of mesh.path) for (let k = 0; k + 5 < piece.length; k += 3) segments.push(...piece.subarray(k, k + 6));
  const path = yUp(Float64Array.from(segments));

  const chunks: { data: Uint8Array; target: number }[] = [];
  const bufferViews: object[] = [];
  let byteLength = 0;
  const addView = (array: Float32Array | Uint32Array, target: number) => {
    const data = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    bufferViews.push({ buffer: 0, byteOffset: byteLength, byteLength: data.byteLength, target });
    chunks.push({ data, target });
    byteLength += data.byteLength; // every array is 4-byte aligned already
    return bufferViews.length - 1;
  };
  const accessors: object[] = [];
  const addAccessor = (array: Float32Array | Uint32Array, type: 'VEC3' | 'SCALAR', target: number, withBounds = false) => {
    const view = addView(array, target);
    const count = type === 'VEC3' ? array.length / 3 : array.length;
    const componentType = array instanceof Uint32Array ? UNSIGNED_INT : FLOAT;
    accessors.push({ bufferView: view, componentType, count, type, ...(withBounds ? bounds(array as Float32Array) : {}) });
    return accessors.length - 1;
  };

  const position = addAccessor(positions, 'VEC3', ARRAY_BUFFER, true);
  const normal = addAccessor(normals, 'VEC3', ARRAY_BUFFER);
  const color = addAccessor(colors, 'VEC3', ARRAY_BUFFER);
  const indices = addAccessor(mesh.triangles, 'SCALAR', ELEMENT_ARRAY_BUFFER);
  const meshes: object[] = [{ name: 'surface', primitives: [{ attributes: { POSITION: position, NORMAL: normal, COLOR_0: color }, indices, material: 0, mode: TRIANGLES }] }];
  const nodes: object[] = [{ name: 'surface', mesh: 0 }];
  if (path.length) {
    meshes.push({ name: 'trajectory', primitives: [{ attributes: { POSITION: addAccessor(path, 'VEC3', ARRAY_BUFFER, true) }, material: 1, mode: LINES }] });
    nodes.push({ name: 'trajectory', mesh: 1 });
  }
  const pathColour = linearRgb(themes.light.path);
  const gltf = {
    asset: { version: '2.0', generator: 'Losscape', extras: { source: file.format, ...mesh.mapping, axes: 'x = α, y = value (up), z = −β' } },
    scene: 0,
    scenes: [{ name: 'loss landscape', nodes: nodes.map((_, k) => k) }],
    nodes,
    meshes,
    materials: [
      { name: 'surface', pbrMetallicRoughness: { baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 0.9 }, doubleSided: true },
      { name: 'trajectory', pbrMetallicRoughness: { baseColorFactor: [...pathColour, 1], metallicFactor: 0, roughnessFactor: 1 }, emissiveFactor: pathColour },
    ],
    accessors,
    bufferViews,
    buffers: [{ byteLength }],
  };
  return glbContainer(gltf, chunks.map((c) => c.data), byteLength);
}

/** Packs glTF JSON and its binary buffer into a GLB: header, JSON chunk, BIN chunk. */
function glbContainer(gltf: object, parts: Uint8Array[], binLength: number): Uint8Array {
  const json = strToU8(JSON.stringify(gltf));
  const jsonPadded = (json.length + 3) & ~3;
  const binPadded = (binLength + 3) & ~3;
  const total = 12 + 8 + jsonPadded + 8 + binPadded;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true); // 'glTF'
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonPadded, true);
  view.setUint32(16, 0x4e4f534a, true); // 'JSON'
  out.set(json, 20);
  out.fill(0x20, 20 + json.length, 20 + jsonPadded);
  let at = 20 + jsonPadded;
  view.setUint32(at, binPadded, true);
  view.setUint32(at + 4, 0x004e4942, true); // 'BIN'
  at += 8;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
