// The surface as Wavefront OBJ (Blender, MeshLab, 3D-printing tools): Y-up vertices with
// sRGB colours (the `v x y z r g b` extension Blender and MeshLab read), normals, triangles,
// and the optimizer's path as polylines. Comments at the top give the mapping back to α, β, L.
import type { SurfaceFile } from '../surfaceFile.js';
import { mappingLines, surfaceMesh, type MeshOptions } from './surfaceMesh.js';

/** A coordinate with 9 significant digits. */
function num(x: number): string {
  return String(Number(x.toPrecision(9)));
}

/** The surface file as OBJ text. */
export function surfaceObj(file: SurfaceFile, options: MeshOptions = {}): string {
  const mesh = surfaceMesh(file, options);
  const { positions: p, normals: n, colors: c } = mesh;
  const lines = [
    `# Losscape: ${mesh.mapping.metric} over the (alpha, beta) plane, from a ${file.format} file`,
    '# Y-up; the coordinates map back to the surface as',
    ...mappingLines(mesh.mapping, 'y').map((l) => `#   ${l}`),
    'o surface',
  ];
  const vertices = p.length / 3;
  for (let k = 0; k < vertices; k++) lines.push(`v ${num(p[3 * k])} ${num(p[3 * k + 2])} ${num(-p[3 * k + 1])} ${num(c[3 * k])} ${num(c[3 * k + 1])} ${num(c[3 * k + 2])}`);
  for (let k = 0; k < vertices; k++) lines.push(`vn ${num(n[3 * k])} ${num(n[3 * k + 2])} ${num(-n[3 * k + 1])}`);
  const t = mesh.triangles;
  for (let k = 0; k < t.length; k += 3) lines.push(`f ${t[k] + 1}//${t[k] + 1} ${t[k + 1] + 1}//${t[k + 1] + 1} ${t[k + 2] + 1}//${t[k + 2] + 1}`);
  let next = vertices + 1;
  if (mesh.path.length) lines.push('o trajectory');
  for (const piece of mesh.path) {
    const count = piece.length / 3;
    for (let k = 0; k < count; k++) lines.push(`v ${num(piece[3 * k])} ${num(piece[3 * k + 2])} ${num(-piece[3 * k + 1])}`);
    lines.push(`l ${Array.from({ length: count }, (_, k) => next + k).join(' ')}`);
    next += count;
  }
  return `${lines.join('\n')}\n`;
}
