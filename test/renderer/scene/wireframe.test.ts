import { describe, expect, it } from 'vitest';
import { colormap, srgbToLinear } from '../../../engine/io/figure/colormaps.js';
import { blendedInk } from '../../../renderer/colormap/ink.js';
import { frameOf, worldY } from '../../../renderer/scene/frame.js';
import { allocateWireframe, fillWireframe, wireframeStride, type Wireframe } from '../../../renderer/scene/wireframe.js';

/** Fills the wireframe of values over a flat mesh (all heights 0, the low end of the colormap). */
function fill(wire: Wireframe, values: Float64Array, na: number, nb: number): number {
  const frame = frameOf(Float64Array.of(0, 1), Float64Array.of(0, 1), { min: 0, max: 1 });
  return fillWireframe(wire, values, na, nb, new Float32Array(na * nb * 3), frame, 'viridis');
}

/** The edges as sorted vertex pairs. */
function pairs({ edges }: Wireframe, count: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < count; k += 2) out.push([Math.min(edges[k], edges[k + 1]), Math.max(edges[k], edges[k + 1])]);
  return out;
}

describe('wireframe over a landscape mesh', () => {
  it('draws every grid line on small grids, and about 50 per axis on large ones', () => {
    expect(wireframeStride(41)).toBe(1);
    expect(wireframeStride(51)).toBe(1);
    expect(wireframeStride(201)).toBe(4);
    const wire = allocateWireframe(5, 5);
    expect(fill(wire, new Float64Array(25), 5, 5)).toBe(2 * (4 * 5 + 5 * 4));
    // 201 × 201: the lines i, j ∈ {0, 4, …, 200}, 51 each way, 200 edges along each.
    const large = allocateWireframe(201, 201);
    expect(fill(large, new Float64Array(201 * 201), 201, 201)).toBe(2 * 2 * 51 * 200);
  });

  it('joins grid neighbours only, and keeps the border on thinned grids', () => {
    const n = 8; // stride 1, but check the geometry of the pairs
    const wire = allocateWireframe(n, n);
    for (const [a, b] of pairs(wire, fill(wire, new Float64Array(n * n), n, n))) expect([1, n]).toContain(b - a);
    const m = 103; // stride 3: lines 0, 3, …, 99 and the last, 102
    const big = allocateWireframe(m, m);
    const drawn = pairs(big, fill(big, new Float64Array(m * m), m, m));
    const along = drawn.filter(([a, b]) => b - a === m).map(([a]) => a % m);
    expect(new Set(along)).toEqual(new Set([...Array.from({ length: 34 }, (_, k) => 3 * k), 102]));
  });

  it('leaves out edges that touch unknown values', () => {
    const n = 5;
    const values = new Float64Array(n * n);
    values.fill(NaN, 3 * n); // rows i = 3, 4 still streaming
    const wire = allocateWireframe(n, n);
    const drawn = pairs(wire, fill(wire, values, n, n));
    expect(drawn).toHaveLength(2 * n + 3 * (n - 1));
    for (const [a, b] of drawn) expect(Number.isFinite(values[a]) && Number.isFinite(values[b])).toBe(true);
  });

  it('inks each vertex for the colour under it: light on the dark end, dark on the bright end', () => {
    const frame = frameOf(Float64Array.of(0, 1), Float64Array.of(0, 1), { min: 0, max: 1 });
    const positions = Float32Array.of(0, worldY(frame, 0), 0, 0, worldY(frame, 1), 0);
    const wire = allocateWireframe(2, 1);
    expect(fillWireframe(wire, Float64Array.of(0, 1), 2, 1, positions, frame, 'magma')).toBe(2);
    const expected = [0, 1].flatMap((t) => blendedInk(colormap('magma', t)).map(srgbToLinear));
    Array.from(wire.colors).forEach((c, k) => expect(c).toBeCloseTo(expected[k], 5));
    expect(wire.colors[0]).toBeGreaterThan(srgbToLinear(colormap('magma', 0)[0]));
    expect(wire.colors[3]).toBeLessThan(srgbToLinear(colormap('magma', 1)[0]));
  });
});
