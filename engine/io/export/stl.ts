// The surface as binary STL (3D printing, CAD): Z-up triangles with facet normals. The
// 80-byte header says where the file came from; the mapping back to α, β and the metric is
// x = −1 + 2(α − α₀)/(α₁ − α₀), likewise y from β, z = height·(v − v₀)/(v₁ − v₀) (surfaceMesh).
import { strToU8 } from 'fflate';
import type { SurfaceFile } from '../surfaceFile.js';
import { surfaceMesh, type MeshOptions } from './surfaceMesh.js';

/** The surface file as binary STL. */
export function surfaceStl(file: SurfaceFile, options: MeshOptions = {}): Uint8Array {
  const mesh = surfaceMesh(file, options);
  const { positions: p, triangles: t } = mesh;
  const count = t.length / 3;
  const out = new Uint8Array(84 + 50 * count);
  const m = mesh.mapping;
  const header = strToU8(`Losscape ${m.metric} a[${m.alpha.map(short)}] b[${m.beta.map(short)}] v[${m.value.map(short)}] h${m.height}`).subarray(0, 80);
  out.set(header, 0);
  const view = new DataView(out.buffer);
  view.setUint32(80, count, true);
  for (let f = 0; f < count; f++) {
    const [a, b, c] = [t[3 * f], t[3 * f + 1], t[3 * f + 2]];
    const u = [0, 1, 2].map((d) => p[3 * b + d] - p[3 * a + d]);
    const v = [0, 1, 2].map((d) => p[3 * c + d] - p[3 * a + d]);
    const n = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
    const len = Math.hypot(n[0], n[1], n[2]) || 1;
    const at = 84 + 50 * f;
    n.forEach((x, d) => view.setFloat32(at + 4 * d, x / len, true));
    [a, b, c].forEach((vertex, corner) => {
      for (let d = 0; d < 3; d++) view.setFloat32(at + 12 + 12 * corner + 4 * d, p[3 * vertex + d], true);
    });
  }
  return out;
}

function short(x: number): string {
  return String(Number(x.toPrecision(4)));
}
