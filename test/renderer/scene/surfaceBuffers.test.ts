import { describe, expect, it } from 'vitest';
import { evaluateToySurface } from '../../../engine/toy/surfaces.js';
import { BOX_HEIGHT, sceneFrame } from '../../../renderer/scene/frame.js';
import { gradientArrowSegments } from '../../../renderer/scene/gradientArrows.js';
import { surfaceBuffers } from '../../../renderer/scene/surfaceBuffers.js';

const axes = { x: { min: -1.5, max: 1.5, count: 13 }, y: { min: -1.5, max: 1.5, count: 13 } };
const saddle = evaluateToySurface('saddle', axes);

describe('surface buffers', () => {
  it('fits the saddle into the plot box: x → X, y → −Z, f → Y from 0 to the box height', () => {
    const frame = sceneFrame(saddle);
    const { positions } = surfaceBuffers(saddle, frame, 'viridis');
    const vertex = (i: number, j: number) => Array.from(positions.subarray(3 * (i * 13 + j), 3 * (i * 13 + j) + 3));
    // (x, y) = (1.5, 0): f = 2.25, the maximum.
    expect(vertex(12, 6)[0]).toBeCloseTo(1, 6);
    expect(vertex(12, 6)[1]).toBeCloseTo(BOX_HEIGHT, 6);
    expect(vertex(12, 6)[2]).toBeCloseTo(0, 6);
    // (x, y) = (0, 1.5): f = −2.25, the minimum, at the far side (Z = −1).
    expect(vertex(6, 12)).toEqual([expect.closeTo(0, 6), expect.closeTo(0, 6), expect.closeTo(-1, 6)]);
  });

  it('has unit normals that point up, and two upward-facing triangles per cell', () => {
    const { positions, normals, indices } = surfaceBuffers(saddle, sceneFrame(saddle), 'viridis');
    for (let v = 0; v < normals.length / 3; v++) {
      expect(Math.hypot(normals[3 * v], normals[3 * v + 1], normals[3 * v + 2])).toBeCloseTo(1, 5);
      expect(normals[3 * v + 1]).toBeGreaterThan(0);
    }
    expect(indices.length).toBe(12 * 12 * 6);
    const p = (k: number) => [positions[3 * k], positions[3 * k + 1], positions[3 * k + 2]];
    const [a, b, c] = [p(indices[0]), p(indices[1]), p(indices[2])];
    const e1 = [b[0] - a[0], b[2] - a[2]];
    const e2 = [c[0] - a[0], c[2] - a[2]];
    // The Y component of (b − a) × (c − a), from the X and Z components.
    expect(e1[1] * e2[0] - e1[0] * e2[1]).toBeGreaterThan(0);
  });

  it('draws downhill arrows, three segments each', () => {
    const { positions: segments, colors } = gradientArrowSegments(saddle, sceneFrame(saddle), { stride: 4 });
    expect(colors.length).toBe(segments.length);
    expect(segments.length % 18).toBe(0);
    expect(segments.length).toBeGreaterThan(0);
    for (let k = 0; k < segments.length; k += 18) {
      // Each arrow's shaft ends lower than it starts: −∇f points downhill.
      expect(segments[k + 4]).toBeLessThan(segments[k + 1]);
    }
  });
});
