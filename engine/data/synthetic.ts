// Seeded synthetic data sets for the lecture's pictures: 2D classification (moons, circles,
// spirals, XOR, blobs) and 1D regression (sine, polynomial). Same options → bit-identical data.
import { ValueError } from '../errors.js';
import { createRng, type Rng } from '../random.js';
import type { Dataset } from './dataset.js';

/** The synthetic generators, by name. */
export type SyntheticName = 'moons' | 'circles' | 'spirals' | 'xor' | 'blobs' | 'sine' | 'polynomial';

/** Every synthetic generator's name, in menu order. */
export const syntheticNames: readonly SyntheticName[] = ['moons', 'circles', 'spirals', 'xor', 'blobs', 'sine', 'polynomial'];

/** Options of `synthetic`. */
export interface SyntheticOptions {
  name: SyntheticName;
  /** Number of samples, at least 2. */
  samples: number;
  /** Standard deviation of the Gaussian noise (for xor and blobs: of each cluster), ≥ 0. */
  noise: number;
  /** Seeds the stream (seed, 'data'). */
  seed: number;
  /** Number of classes: arms for spirals (default 2), blobs for blobs (default 3); the others have a fixed count. */
  classes?: number;
  /** Inner circle's radius relative to the outer one, in (0, 1); circles only. Default 0.5. */
  factor?: number;
}

/** Most samples a synthetic set may have. */
export const MAX_SYNTHETIC_SAMPLES = 1_000_000;

/** Samples per group when n samples are dealt out to k groups: the first n mod k get one more. */
function groupSizes(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, j) => Math.floor(n / k) + (j < n % k ? 1 : 0));
}

/** numpy's linspace(start, stop, count, endpoint). */
function linspace(start: number, stop: number, count: number, endpoint: boolean): number[] {
  const steps = endpoint ? count - 1 : count;
  return Array.from({ length: count }, (_, i) => (steps === 0 ? start : start + ((stop - start) * i) / steps));
}

type Point = [x1: number, x2: number, label: number];

/** sklearn's make_moons without shuffling: ⌊n/2⌋ points on the upper moon (class 0), the rest on the lower. */
function moons(n: number): Point[] {
  const [nOut, nIn] = [Math.floor(n / 2), n - Math.floor(n / 2)];
  return [
    ...linspace(0, Math.PI, nOut, true).map((t): Point => [Math.cos(t), Math.sin(t), 0]),
    ...linspace(0, Math.PI, nIn, true).map((t): Point => [1 - Math.cos(t), 1 - Math.sin(t) - 0.5, 1]),
  ];
}

/** sklearn's make_circles without shuffling: ⌊n/2⌋ points on the unit circle (class 0), the rest on radius `factor`. */
function circles(n: number, factor: number): Point[] {
  const [nOut, nIn] = [Math.floor(n / 2), n - Math.floor(n / 2)];
  return [
    ...linspace(0, 2 * Math.PI, nOut, false).map((t): Point => [Math.cos(t), Math.sin(t), 0]),
    ...linspace(0, 2 * Math.PI, nIn, false).map((t): Point => [factor * Math.cos(t), factor * Math.sin(t), 1]),
  ];
}

/** k interleaved spiral arms (class = arm): radius r ∈ (0, 1], angle 2π·arm/k + 3.5π·r. */
function spirals(n: number, k: number): Point[] {
  return groupSizes(n, k).flatMap((m, arm) =>
    Array.from({ length: m }, (_, i): Point => {
      const r = (i + 1) / m;
      const angle = (2 * Math.PI * arm) / k + 3.5 * Math.PI * r;
      return [r * Math.cos(angle), r * Math.sin(angle), arm];
    }),
  );
}

/** Four Gaussian clusters at (±1, ±1), dealt round-robin; class 1 where the signs differ. */
function xor(n: number, rng: Rng, noise: number): Point[] {
  const corners = [[1, 1], [-1, 1], [-1, -1], [1, -1]];
  return Array.from({ length: n }, (_, i): Point => {
    const [cx, cy] = corners[i % 4];
    return [cx + noise * rng.normal(), cy + noise * rng.normal(), cx * cy > 0 ? 0 : 1];
  });
}

/** k Gaussian clusters with centres evenly spaced on the circle of radius 2, standard deviation `noise`. */
function blobs(n: number, k: number, rng: Rng, noise: number): Point[] {
  return groupSizes(n, k).flatMap((m, c) => {
    const angle = Math.PI / 2 + (2 * Math.PI * c) / k;
    return Array.from({ length: m }, (): Point => [2 * Math.cos(angle) + noise * rng.normal(), 2 * Math.sin(angle) + noise * rng.normal(), c]);
  });
}

/** The 1D regression curves: y = f(x) on an interval, x drawn uniformly. */
const curves = {
  sine: { range: [-Math.PI, Math.PI], f: (x: number) => Math.sin(x) },
  polynomial: { range: [-1.5, 1.5], f: (x: number) => x * x * x - x },
} as const;

const fixedClasses: Partial<Record<SyntheticName, number>> = { moons: 2, circles: 2, xor: 2, sine: 0, polynomial: 0 };

/** Checks options and returns the class count (0 for regression). */
function checkOptions(o: SyntheticOptions): number {
  if (!syntheticNames.includes(o.name)) throw new ValueError(`unknown synthetic data set "${o.name}"; choose one of ${syntheticNames.join(', ')}`);
  if (!Number.isInteger(o.samples) || o.samples < 2 || o.samples > MAX_SYNTHETIC_SAMPLES) {
    throw new ValueError(`${o.name}: samples must be an integer from 2 to ${MAX_SYNTHETIC_SAMPLES}, got ${o.samples}`);
  }
  if (!Number.isFinite(o.noise) || o.noise < 0) throw new ValueError(`${o.name}: noise must be a number ≥ 0, got ${o.noise}`);
  if (!Number.isSafeInteger(o.seed)) throw new ValueError(`${o.name}: the seed must be an integer, got ${o.seed}`);
  if (o.factor !== undefined && (o.name !== 'circles' || !(o.factor > 0 && o.factor < 1))) {
    throw new ValueError(o.name === 'circles' ? `circles: factor must lie in (0, 1), got ${o.factor}` : `${o.name}: factor applies to circles only`);
  }
  const fixed = fixedClasses[o.name];
  if (fixed !== undefined) {
    if (o.classes !== undefined && o.classes !== fixed) {
      throw new ValueError(`${o.name} has ${fixed === 0 ? 'no classes (it is a regression set)' : `${fixed} classes`}; leave classes out, or pick spirals or blobs for another count`);
    }
    return fixed;
  }
  const k = o.classes ?? (o.name === 'spirals' ? 2 : 3);
  if (!Number.isInteger(k) || k < 2 || k > o.samples) {
    throw new ValueError(`${o.name}: classes must be an integer from 2 to the number of samples (${o.samples}), got ${k}`);
  }
  return k;
}

/**
 * A seeded synthetic data set: 2D classification (x [n, 2], y class indices) or 1D regression
 * (x [n, 1], y [n, 1] = f(x) + noise). Samples come grouped by class, in generation order.
 */
export function synthetic(options: SyntheticOptions): Dataset {
  const { name, samples: n, noise, seed } = options;
  const k = checkOptions(options);
  const rng = createRng(seed, 'data');
  if (name === 'sine' || name === 'polynomial') {
    const { range: [lo, hi], f } = curves[name];
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = lo + (hi - lo) * rng.uniform();
      y[i] = f(x[i]) + noise * rng.normal();
    }
    return { name, task: 'regression', featureNames: ['x'], classNames: [], n, d: 1, targetDim: 1, x, y };
  }
  const points =
    name === 'moons' ? moons(n) :
    name === 'circles' ? circles(n, options.factor ?? 0.5) :
    name === 'spirals' ? spirals(n, k) :
    name === 'xor' ? xor(n, rng, noise) :
    blobs(n, k, rng, noise);
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  const jitter = name === 'moons' || name === 'circles' || name === 'spirals';
  points.forEach(([a, b, label], i) => {
    x[2 * i] = jitter ? a + noise * rng.normal() : a;
    x[2 * i + 1] = jitter ? b + noise * rng.normal() : b;
    y[i] = label;
  });
  return { name, task: 'classification', featureNames: ['x₁', 'x₂'], classNames: classNames(name, k), n, d: 2, targetDim: 1, x, y };
}

/** Class names a legend can show. */
function classNames(name: SyntheticName, k: number): string[] {
  if (name === 'moons') return ['upper moon', 'lower moon'];
  if (name === 'circles') return ['outer circle', 'inner circle'];
  if (name === 'xor') return ['x₁·x₂ > 0', 'x₁·x₂ < 0'];
  return Array.from({ length: k }, (_, c) => `${name === 'spirals' ? 'arm' : 'blob'} ${c}`);
}
