// The spectral density of the Hessian by stochastic Lanczos quadrature (Ghorbani, Krishnan &
// Xiao 2019; PyHessian): for each random unit probe v, m Lanczos steps give T = QᵀHQ, whose
// eigenvalues θⱼ (the nodes) and squared first eigenvector components τⱼ² (the weights) are
// the Gauss quadrature rule of the measure Σᵢ (vᵀuᵢ)²·δ(λ − λᵢ). Averaged over probes, and
// each node broadened by a Gaussian of width σ, this estimates φ(t) = (1/P)·Σᵢ δ(t − λᵢ).
import { ValueError } from '../errors.js';
import { eighTridiagonal, scale } from '../linalg/index.js';
import { createRng } from '../random.js';
import { lanczos } from './lanczos.js';
import type { SymmetricOperator } from './operator.js';
import { rademacher } from './probes.js';

export interface SpectralDensityOptions {
  /** Number of random probes; default 8. */
  probes?: number;
  /** Lanczos steps per probe (nodes per probe), clamped to P; default 80. */
  steps?: number;
  /** Seeds the probes (purpose 'slq'); default 0. */
  seed?: number;
  /** Width of the Gaussian broadening; default 1% of the spread of the nodes. */
  sigma?: number;
  /** Points of the grid; default 256. */
  points?: number;
  /** The grid's interval; default [smallest node − 5σ, largest node + 5σ]. */
  range?: { min: number; max: number };
  /** Called after each probe, (done, total); may throw to cancel. */
  onProgress?: (done: number, total: number) => void;
}

/** One probe's quadrature rule: nodes (Ritz values, ascending) and weights (summing to 1). */
export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

export interface SpectralDensity {
  /** Evenly spaced points t. */
  grid: Float64Array;
  /** φ(t) on the grid, scaled so that its trapezoidal integral over the grid is 1. */
  density: Float64Array;
  /** The trapezoidal integral of the broadened density before that scaling (≈ 1 when the grid covers the nodes). */
  mass: number;
  sigma: number;
  /** Each probe's Gauss quadrature rule. */
  rules: QuadratureRule[];
  probes: number;
  /** Lanczos steps per probe (fewer for a probe whose Krylov space became invariant). */
  steps: number[];
}

/** One probe: a Rademacher vector scaled to unit length, m Lanczos steps, T's eigen-decomposition. */
function quadratureRule(op: SymmetricOperator, probe: Float64Array, steps: number): QuadratureRule {
  const run = lanczos(op, { steps, start: probe, onBreakdown: 'stop' });
  const { values, firstComponents } = eighTridiagonal(run.alpha, run.beta, { vectors: 'first' });
  return { nodes: values, weights: firstComponents.map((c) => c * c) };
}

/** The trapezoidal integral of values on an evenly spaced grid with spacing h. */
export function trapezoid(values: Float64Array, h: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += i === 0 || i === values.length - 1 ? values[i] / 2 : values[i];
  return sum * h;
}

/**
 * The Hessian's spectral density by stochastic Lanczos quadrature: `probes` × `steps` HVPs.
 * Nodes and weights per probe come back too, for a stem plot of the raw quadrature.
 */
export function spectralDensity(op: SymmetricOperator, options: SpectralDensityOptions = {}): SpectralDensity {
  const probes = options.probes ?? 8;
  const steps = Math.min(op.size, options.steps ?? 80);
  const points = options.points ?? 256;
  if (!Number.isInteger(probes) || probes < 1) throw new ValueError(`the density needs at least one probe (got ${probes}).`);
  if (!Number.isInteger(steps) || steps < 1) throw new ValueError(`the density needs at least one Lanczos step per probe (got ${options.steps}).`);
  if (!Number.isInteger(points) || points < 2) throw new ValueError(`the density's grid needs at least 2 points (got ${points}).`);
  if (options.sigma !== undefined && !(options.sigma > 0)) throw new ValueError(`σ must be > 0 (got ${options.sigma}).`);

  const rng = createRng(options.seed ?? 0, 'slq');
  const rules: QuadratureRule[] = [];
  for (let k = 0; k < probes; k++) {
    const v = scale(1 / Math.sqrt(op.size), rademacher(op.size, rng));
    rules.push(quadratureRule(op, v, steps));
    options.onProgress?.(k + 1, probes);
  }

  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rules) {
    lo = Math.min(lo, r.nodes[0]);
    hi = Math.max(hi, r.nodes[r.nodes.length - 1]);
  }
  const spread = hi - lo;
  const sigma = options.sigma ?? (spread > 0 ? 0.01 * spread : Math.max(Math.abs(hi), 1) * 1e-3);
  const range = options.range ?? { min: lo - 5 * sigma, max: hi + 5 * sigma };
  if (!(range.max > range.min)) throw new ValueError(`the density's range needs min < max (got ${range.min} … ${range.max}).`);

  const h = (range.max - range.min) / (points - 1);
  const grid = Float64Array.from({ length: points }, (_, i) => range.min + i * h);
  const density = new Float64Array(points);
  const c = 1 / (probes * sigma * Math.sqrt(2 * Math.PI));
  for (const { nodes, weights } of rules) {
    for (let j = 0; j < nodes.length; j++) {
      const w = weights[j] * c;
      for (let i = 0; i < points; i++) {
        const z = (grid[i] - nodes[j]) / sigma;
        if (z > -40 && z < 40) density[i] += w * Math.exp(-0.5 * z * z);
      }
    }
  }
  const mass = trapezoid(density, h);
  if (mass > 0) scale(1 / mass, density);
  return { grid, density, mass, sigma, rules, probes, steps: rules.map((r) => r.nodes.length) };
}
