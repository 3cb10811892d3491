// Classifying a point by the second-order test: the gradient norm says whether it is a critical
// point, the signs of the Hessian's eigenvalues say which kind. Eigenvalues within
// max(tolerance·max|λ|, an absolute floor) of zero are set apart as flat directions
// (symmetries, over-parametrization), about which the second-order test says nothing.
import { ValueError } from '../errors.js';

/** 'minimum' | 'maximum' | 'saddle of index k' | 'degenerate' ('≥ k' when only part of the spectrum is known). */
export type CriticalLabel = 'minimum' | 'maximum' | 'degenerate' | `saddle of index ${number}` | `saddle of index ≥ ${number}`;

export type CriticalKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate';

export interface ClassifyTolerances {
  /** |λ| ≤ zero·max|λ| counts as near-zero; default 1e-8. */
  zero?: number;
  /** …and so does |λ| ≤ absolute, whatever max|λ| (so a Hessian ≈ 0 is degenerate); default 1e-12. */
  absolute?: number;
  /** ‖∇L‖ ≤ gradient makes the point critical; default 1e-6. */
  gradient?: number;
}

export interface Classification {
  label: CriticalLabel;
  kind: CriticalKind;
  /** Number of negative eigenvalues beyond the near-zero band (a lower bound when `complete` is false). */
  index: number;
  positive: number;
  /** Eigenvalues with |λ| ≤ tolerances.zeroAbsolute = max(zero·max|λ|, absolute), reported apart. */
  nearZero: number;
  nearZeroValues: number[];
  /** Smallest and largest eigenvalue known. */
  smallest: number;
  largest: number;
  gradientNorm: number;
  /** ‖∇L‖ ≤ tolerances.gradient: the labels describe a critical point only when this holds. */
  critical: boolean;
  /** Whether every eigenvalue was known (full Hessian) or only the extremes (Lanczos). */
  complete: boolean;
  tolerances: { zero: number; absolute: number; zeroAbsolute: number; gradient: number };
}

/** The default tolerances of `classifySpectrum`. */
export const CLASSIFY_DEFAULTS = { zero: 1e-8, absolute: 1e-12, gradient: 1e-6 } as const;

/** The label of a spectrum with this many eigenvalues beyond the band on each side. */
function kindOf(negative: boolean, positive: boolean): CriticalKind {
  return negative && positive ? 'saddle' : negative ? 'maximum' : positive ? 'minimum' : 'degenerate';
}

function tolerancesOf(options: ClassifyTolerances, largestAbs: number): Classification['tolerances'] {
  const zero = options.zero ?? CLASSIFY_DEFAULTS.zero;
  const absolute = options.absolute ?? CLASSIFY_DEFAULTS.absolute;
  const gradient = options.gradient ?? CLASSIFY_DEFAULTS.gradient;
  if (!(zero >= 0 && zero < 1)) throw new ValueError(`the near-zero tolerance must be in [0, 1) (got ${zero}).`);
  if (!(absolute >= 0)) throw new ValueError(`the absolute near-zero tolerance must be ≥ 0 (got ${absolute}).`);
  if (!(gradient >= 0)) throw new ValueError(`the gradient tolerance must be ≥ 0 (got ${gradient}).`);
  return { zero, absolute, zeroAbsolute: Math.max(zero * largestAbs, absolute), gradient };
}

function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/**
 * Classifies a point from all the Hessian's eigenvalues and the gradient norm:
 * - no negative and some positive eigenvalues beyond the near-zero band: 'minimum';
 * - no positive and some negative: 'maximum';
 * - both: 'saddle of index k', k the number of negative ones;
 * - every eigenvalue near zero: 'degenerate' (the second-order test is silent).
 * The label speaks about the curvature; `critical` says whether ‖∇L‖ is within tolerance.
 */
export function classifySpectrum(eigenvalues: ArrayLike<number>, gradientNorm: number, options: ClassifyTolerances = {}): Classification {
  if (eigenvalues.length === 0) throw new ValueError('classifying a point needs at least one eigenvalue.');
  const tolerances = tolerancesOf(options, maxAbs(eigenvalues));
  let index = 0;
  let positive = 0;
  let smallest = Infinity;
  let largest = -Infinity;
  const nearZeroValues: number[] = [];
  for (let i = 0; i < eigenvalues.length; i++) {
    const l = eigenvalues[i];
    smallest = Math.min(smallest, l);
    largest = Math.max(largest, l);
    if (Math.abs(l) <= tolerances.zeroAbsolute) nearZeroValues.push(l);
    else if (l < 0) index++;
    else positive++;
  }
  const kind = kindOf(index > 0, positive > 0);
  return {
    label: kind === 'saddle' ? `saddle of index ${index}` : kind,
    kind,
    index,
    positive,
    nearZero: nearZeroValues.length,
    nearZeroValues,
    smallest,
    largest,
    gradientNorm,
    critical: gradientNorm <= tolerances.gradient,
    complete: true,
    tolerances,
  };
}

/**
 * The same from only the extremes of a spectrum of `size` eigenvalues (Lanczos): the `bottom`
 * smallest, ascending, and the `top` largest, descending. The smallest decide whether there is
 * negative curvature, the largest whether there is positive curvature; the index is exact when
 * some known bottom eigenvalue is not negative, else a lower bound ('saddle of index ≥ k').
 * The counts of positive and near-zero eigenvalues are those among the known ones. When bottom
 * and top together cover the spectrum (from one Lanczos run) this is `classifySpectrum`.
 */
export function classifyExtremes(
  bottom: ArrayLike<number>,
  top: ArrayLike<number>,
  size: number,
  gradientNorm: number,
  options: ClassifyTolerances = {},
): Classification {
  if (bottom.length + top.length >= size) {
    const rest = Array.from(top).slice(0, size - bottom.length).reverse();
    return classifySpectrum([...Array.from(bottom), ...rest], gradientNorm, options);
  }
  if (bottom.length === 0 || top.length === 0) throw new ValueError('classifying from the extremes needs at least one smallest and one largest eigenvalue.');
  const known = [...Array.from(bottom), ...Array.from(top).reverse()];
  const full = classifySpectrum(known, gradientNorm, options);
  const negativeAtBottom = Array.from(bottom).filter((l) => l < -full.tolerances.zeroAbsolute).length;
  const indexIsExact = negativeAtBottom < bottom.length;
  return {
    ...full,
    label: full.kind === 'saddle' && !indexIsExact ? `saddle of index ≥ ${full.index}` : full.label,
    complete: false,
  };
}
