import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../engine/errors.js';
import { synthetic, syntheticNames, type SyntheticName, type SyntheticOptions } from '../../../engine/data/index.js';

/** The raw bytes of an array, for bit-for-bit comparisons. */
const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** How many samples each class has, in class order. */
function classCounts(y: Float64Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  y.forEach((c) => counts[c]++);
  return counts;
}

/** Distance of sample i of a 2D set from the point (cx, cy). */
const dist = (x: Float64Array, i: number, cx = 0, cy = 0) => Math.hypot(x[2 * i] - cx, x[2 * i + 1] - cy);

describe('synthetic data sets', () => {
  const shapes: [SyntheticName, Partial<SyntheticOptions>, { d: number; classes: number; counts?: number[] }][] = [
    ['moons', {}, { d: 2, classes: 2, counts: [50, 51] }],
    ['circles', {}, { d: 2, classes: 2, counts: [50, 51] }],
    ['spirals', { classes: 3 }, { d: 2, classes: 3, counts: [34, 34, 33] }],
    ['xor', {}, { d: 2, classes: 2, counts: [51, 50] }],
    ['blobs', { classes: 4 }, { d: 2, classes: 4, counts: [26, 25, 25, 25] }],
    ['sine', {}, { d: 1, classes: 0 }],
    ['polynomial', {}, { d: 1, classes: 0 }],
  ];

  it.each(shapes)('%s: shapes, task and class counts', (name, extra, e) => {
    const data = synthetic({ name, samples: 101, noise: 0.1, seed: 3, ...extra });
    expect(data.name).toBe(name);
    expect([data.n, data.d, data.targetDim]).toEqual([101, e.d, 1]);
    expect(data.x.length).toBe(101 * e.d);
    expect(data.y.length).toBe(101);
    expect(data.featureNames).toHaveLength(e.d);
    expect(data.task).toBe(e.classes > 0 ? 'classification' : 'regression');
    expect(data.classNames).toHaveLength(e.classes);
    if (e.counts) expect(classCounts(data.y, e.classes)).toEqual(e.counts);
    expect(data.x.every(Number.isFinite) && data.y.every(Number.isFinite)).toBe(true);
  });

  it.each(syntheticNames.map((n) => [n]))('%s: the same seed gives bit-identical data, another seed other data', (name) => {
    const make = (seed: number) => synthetic({ name, samples: 60, noise: 0.2, seed });
    const [a, b, c] = [make(7), make(7), make(8)];
    expect(bytes(a.x)).toEqual(bytes(b.x));
    expect(bytes(a.y)).toEqual(bytes(b.y));
    expect(bytes(a.x)).not.toEqual(bytes(c.x));
  });

  it('noise-free moons are sklearn make_moons: the upper half circle and the lower one shifted by (1, −0.5)', () => {
    const { x, y } = synthetic({ name: 'moons', samples: 10, noise: 0, seed: 0 });
    expect(Array.from(y)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect([x[0], x[1]]).toEqual([1, 0]); // cos 0, sin 0
    expect(x[8]).toBeCloseTo(-1, 15); // cos π
    expect([x[10], x[11]]).toEqual([0, 0.5]); // 1 − cos 0, 1 − sin 0 − 0.5
    for (let i = 0; i < 5; i++) {
      expect(dist(x, i)).toBeCloseTo(1, 14);
      expect(x[2 * i + 1]).toBeGreaterThanOrEqual(0);
      expect(dist(x, 5 + i, 1, 0.5)).toBeCloseTo(1, 14);
      expect(x[2 * (5 + i) + 1]).toBeLessThanOrEqual(0.5);
    }
  });

  it('noise-free circles: half on the unit circle, half on radius factor (default 0.5), angles evenly spaced', () => {
    const { x, y } = synthetic({ name: 'circles', samples: 8, noise: 0, seed: 0 });
    expect(Array.from(y)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    for (let i = 0; i < 4; i++) {
      expect(dist(x, i)).toBeCloseTo(1, 15);
      expect(dist(x, 4 + i)).toBeCloseTo(0.5, 15);
      expect(Math.atan2(x[2 * i + 1], x[2 * i])).toBeCloseTo([0, Math.PI / 2, Math.PI, -Math.PI / 2][i], 14);
    }
    const wide = synthetic({ name: 'circles', samples: 8, noise: 0, seed: 0, factor: 0.8 });
    expect(dist(wide.x, 5)).toBeCloseTo(0.8, 15);
  });

  it('noisy moons scatter around the noise-free ones with the given standard deviation', () => {
    const clean = synthetic({ name: 'moons', samples: 20_000, noise: 0, seed: 1 });
    const noisy = synthetic({ name: 'moons', samples: 20_000, noise: 0.3, seed: 1 });
    let ss = 0;
    for (let k = 0; k < clean.x.length; k++) ss += (noisy.x[k] - clean.x[k]) ** 2;
    expect(Math.sqrt(ss / clean.x.length)).toBeCloseTo(0.3, 2);
  });

  it('noise-free spirals: arm radius grows to 1, arms start a third of a turn apart', () => {
    const { x, y } = synthetic({ name: 'spirals', samples: 300, noise: 0, seed: 0, classes: 3 });
    expect(classCounts(y, 3)).toEqual([100, 100, 100]);
    expect(dist(x, 99)).toBeCloseTo(1, 15);
    expect(dist(x, 0)).toBeCloseTo(0.01, 15);
    const angle = (i: number) => Math.atan2(x[2 * i + 1], x[2 * i]);
    expect(angle(199) - angle(99)).toBeCloseTo((2 * Math.PI) / 3, 12);
  });

  it('two spiral arms by default, labelled arm 0 and arm 1', () => {
    expect(synthetic({ name: 'spirals', samples: 50, noise: 0, seed: 0 }).classNames).toEqual(['arm 0', 'arm 1']);
  });

  it('xor: four clusters around (±1, ±1); class 1 exactly where the centre coordinates differ in sign', () => {
    const { x, y } = synthetic({ name: 'xor', samples: 400, noise: 0.1, seed: 2 });
    for (let i = 0; i < 400; i++) {
      const [a, b] = [x[2 * i], x[2 * i + 1]];
      expect(Math.abs(Math.abs(a) - 1)).toBeLessThan(0.6);
      expect(Math.abs(Math.abs(b) - 1)).toBeLessThan(0.6);
      expect(y[i]).toBe(a * b > 0 ? 0 : 1);
    }
  });

  it('blobs: k clusters whose sample means sit on the circle of radius 2 with spread = noise', () => {
    const k = 5;
    const { x, y } = synthetic({ name: 'blobs', samples: 5000, noise: 0.25, seed: 4, classes: k });
    for (let c = 0; c < k; c++) {
      const idx = [...y.keys()].filter((i) => y[i] === c);
      const mx = idx.reduce((s, i) => s + x[2 * i], 0) / idx.length;
      const my = idx.reduce((s, i) => s + x[2 * i + 1], 0) / idx.length;
      const angle = Math.PI / 2 + (2 * Math.PI * c) / k;
      expect(mx).toBeCloseTo(2 * Math.cos(angle), 1);
      expect(my).toBeCloseTo(2 * Math.sin(angle), 1);
      const sd = Math.sqrt(idx.reduce((s, i) => s + (x[2 * i] - mx) ** 2, 0) / idx.length);
      expect(sd).toBeCloseTo(0.25, 1);
    }
  });

  it('sine and polynomial without noise are y = sin x on [−π, π] and y = x³ − x on [−1.5, 1.5]', () => {
    const sine = synthetic({ name: 'sine', samples: 200, noise: 0, seed: 5 });
    sine.x.forEach((v, i) => {
      expect(Math.abs(v)).toBeLessThanOrEqual(Math.PI);
      expect(sine.y[i]).toBe(Math.sin(v));
    });
    const poly = synthetic({ name: 'polynomial', samples: 200, noise: 0, seed: 5 });
    poly.x.forEach((v, i) => {
      expect(Math.abs(v)).toBeLessThanOrEqual(1.5);
      expect(poly.y[i]).toBe(v * v * v - v);
    });
    expect(sine.featureNames).toEqual(['x']);
  });

  it('regression noise has the given standard deviation', () => {
    const { x, y, n } = synthetic({ name: 'sine', samples: 20_000, noise: 0.2, seed: 6 });
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (y[i] - Math.sin(x[i])) ** 2;
    expect(Math.sqrt(ss / n)).toBeCloseTo(0.2, 2);
  });

  it('refuses impossible options with a clear message', () => {
    const base = { samples: 100, noise: 0.1, seed: 0 };
    expect(() => synthetic({ ...base, name: 'moons', classes: 3 })).toThrow(/moons has 2 classes; leave classes out, or pick spirals or blobs/);
    expect(() => synthetic({ ...base, name: 'sine', classes: 2 })).toThrow(/sine has no classes \(it is a regression set\)/);
    expect(() => synthetic({ ...base, name: 'blobs', classes: 1 })).toThrow(/blobs: classes must be an integer from 2/);
    expect(() => synthetic({ ...base, name: 'spirals', classes: 2.5 })).toThrow(ValueError);
    expect(() => synthetic({ ...base, name: 'moons', samples: 1 })).toThrow(/moons: samples must be an integer from 2 to 1000000, got 1/);
    expect(() => synthetic({ ...base, name: 'moons', noise: -0.1 })).toThrow(/noise must be a number ≥ 0, got -0.1/);
    expect(() => synthetic({ ...base, name: 'moons', seed: 0.5 })).toThrow(/the seed must be an integer/);
    expect(() => synthetic({ ...base, name: 'circles', factor: 1 })).toThrow(/circles: factor must lie in \(0, 1\)/);
    expect(() => synthetic({ ...base, name: 'moons', factor: 0.5 })).toThrow(/factor applies to circles only/);
    expect(() => synthetic({ ...base, name: 'swiss-roll' as SyntheticName })).toThrow(/unknown synthetic data set "swiss-roll"/);
  });
});
