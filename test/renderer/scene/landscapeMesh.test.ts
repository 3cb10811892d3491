import { describe, expect, it } from 'vitest';
import { colormap, srgbToLinear } from '../../../engine/io/figure/colormaps.js';
import { transformFor } from '../../../renderer/landscape/display.js';
import { BOX_HEIGHT, frameOf, gridX, gridY, worldX, worldZ } from '../../../renderer/scene/frame.js';
import { allocateLandscapeMesh, fillLandscapeMesh } from '../../../renderer/scene/landscapeMesh.js';

const n = 5;
const alpha = Float64Array.from({ length: n }, (_, i) => -1 + i / 2);
const beta = Float64Array.from({ length: n }, (_, j) => -2 + j);
// A bowl α² + β²/4 from 0 to 2.
const bowl = Float64Array.from({ length: n * n }, (_, k) => alpha[Math.floor(k / n)] ** 2 + beta[k % n] ** 2 / 4);
const frame = frameOf(alpha, beta, { min: 0, max: 2 });
const identity = transformFor('loss', false);

describe('landscape mesh buffers', () => {
  it('maps α to X, β to −Z and the loss to the box height', () => {
    const mesh = allocateLandscapeMesh(n, n);
    fillLandscapeMesh(mesh, { alpha, beta, values: bowl }, frame, identity, 'viridis');
    const vertex = (i: number, j: number) => Array.from(mesh.positions.subarray(3 * (i * n + j), 3 * (i * n + j) + 3));
    expect(vertex(2, 2)).toEqual([0, 0, -0]);
    expect(vertex(4, 4)[0]).toBeCloseTo(1, 6);
    expect(vertex(4, 4)[1]).toBeCloseTo(BOX_HEIGHT, 6);
    expect(vertex(4, 4)[2]).toBeCloseTo(-1, 6);
    expect(gridX(frame, worldX(frame, 0.3))).toBeCloseTo(0.3, 12);
    expect(gridY(frame, worldZ(frame, -1.7))).toBeCloseTo(-1.7, 12);
  });

  it('has unit normals that point up and lean away from the bowl’s centre', () => {
    const mesh = allocateLandscapeMesh(n, n);
    fillLandscapeMesh(mesh, { alpha, beta, values: bowl }, frame, identity, 'viridis');
    for (let v = 0; v < n * n; v++) {
      expect(Math.hypot(mesh.normals[3 * v], mesh.normals[3 * v + 1], mesh.normals[3 * v + 2])).toBeCloseTo(1, 5);
      expect(mesh.normals[3 * v + 1]).toBeGreaterThan(0);
    }
    // At α = 1 the bowl rises towards +X, so the normal leans to −X.
    expect(mesh.normals[3 * (4 * n + 2)]).toBeLessThan(0);
  });

  it('draws only the cells whose four corners are known', () => {
    const mesh = allocateLandscapeMesh(n, n);
    const partial = bowl.slice();
    partial.fill(NaN, 3 * n);
    expect(fillLandscapeMesh(mesh, { alpha, beta, values: partial }, frame, identity, 'viridis')).toBe(2 * (n - 1) * 6);
    expect(fillLandscapeMesh(mesh, { alpha, beta, values: bowl }, frame, identity, 'viridis')).toBe((n - 1) * (n - 1) * 6);
  });

  it('colours the vertices with the chosen colormap', () => {
    const mesh = allocateLandscapeMesh(n, n);
    fillLandscapeMesh(mesh, { alpha, beta, values: bowl }, frame, identity, 'magma');
    const color = (buffer: Float32Array, v: number) => Array.from(buffer.subarray(3 * v, 3 * v + 3));
    // The bowl's bottom (α, β) = (0, 0) is the low end, the corner (1, 2) the high end.
    const bottom = 2 * n + 2;
    const corner = n * n - 1;
    color(mesh.colors, bottom).forEach((c, k) => expect(c).toBeCloseTo(srgbToLinear(colormap('magma', 0)[k]), 6));
    color(mesh.colors, corner).forEach((c, k) => expect(c).toBeCloseTo(srgbToLinear(colormap('magma', 1)[k]), 6));
  });

  it('clamps values outside a shared range to the box', () => {
    const mesh = allocateLandscapeMesh(n, n);
    fillLandscapeMesh(mesh, { alpha, beta, values: bowl.map((v) => v * 10) }, frame, identity, 'viridis');
    expect(Math.max(...Array.from(mesh.positions.filter((_, k) => k % 3 === 1)))).toBeCloseTo(BOX_HEIGHT, 6);
  });
});
