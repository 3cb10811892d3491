// How many parameter vectors compute the same function as a generic θ, from the discrete
// symmetries: per group of units (a layer, or a residual stream) M! permutations, 2^M sign
// flips where the activation has them, and 2^M signs of the rows in front of batch norm
// (BN(−h) = −BN(h), compensated by γ's sign) per batch-norm layer. Continuous symmetries
// (ReLU rescaling, the scale of rows in front of batch norm, GL(M) of identity units) make
// each of these a manifold, not a point; they are listed, not counted.
import type { MlpSpec } from '../../nn/index.js';
import { unitGroups } from './groups.js';
import { unitSymmetryRefusal } from './unitTransforms.js';

/** The symmetries of one group of units and how many images they give. */
export interface GroupCount {
  layers: number[];
  width: number;
  /** M! */
  permutations: bigint;
  /** 2^M when the units have sign flips, else 1. */
  flips: bigint;
  /** 2^M per batch-norm layer of the group. */
  batchNormSigns: bigint;
  /** Continuous symmetries, in words (not counted). */
  continuous: string[];
}

export interface SymmetryCount {
  /** The product of every group's permutations, flips and batch-norm signs. */
  exact: bigint;
  /** The count rounded to `digits` significant digits, e.g. "2.092e13". */
  scientific: string;
  log10: number;
  /** The product as a formula, e.g. "16! · 2^16". */
  formula: string;
  groups: GroupCount[];
}

/** n! as a big integer. */
export function factorial(n: number): bigint {
  let f = 1n;
  for (let k = 2n; k <= BigInt(n); k++) f *= k;
  return f;
}

/** A positive big integer in scientific notation with `digits` significant digits (rounded half up): "2.092e13". */
export function scientific(n: bigint, digits = 4): string {
  const text = n.toString();
  if (text.length <= digits) return `${text[0]}${text.length > 1 ? `.${text.slice(1)}` : ''}e${text.length - 1}`;
  const drop = 10n ** BigInt(text.length - digits);
  let head = (n + drop / 2n) / drop;
  let exponent = text.length - 1;
  if (head.toString().length > digits) {
    head /= 10n;
    exponent += 1;
  }
  const h = head.toString();
  return `${h[0]}.${h.slice(1)}e${exponent}`;
}

/** log10 of a positive big integer, to double precision. */
export function bigLog10(n: bigint): number {
  const text = n.toString();
  const head = Number(text.slice(0, 17));
  return Math.log10(head) + (text.length - Math.min(17, text.length));
}

/** The number of equivalent optima a model's discrete symmetries give (for generic θ, distinct units). */
export function countEquivalentOptima(spec: MlpSpec, digits = 4): SymmetryCount {
  const groups = unitGroups(spec).map((g): GroupCount => {
    const m = g.width;
    const flips = unitSymmetryRefusal(spec, g.layers[0], 0, { kind: 'flip' }) === null ? 2n ** BigInt(m) : 1n;
    const bnLayers = g.layers.filter((l) => spec.hidden[l].batchNorm);
    const continuous: string[] = [];
    if (unitSymmetryRefusal(spec, g.layers[0], 0, { kind: 'rescale', factor: 2 }) === null) continuous.push(`a positive rescaling of each of the ${m} units`);
    if (bnLayers.length) continuous.push(`the scale of each row in front of batch norm (exact up to ε)`);
    if (g.layers.every((l) => spec.hidden[l].activation === 'identity') && g.layers.length === 1) continuous.push(`any invertible ${m}×${m} map (identity units are linear)`);
    return { layers: g.layers, width: m, permutations: factorial(m), flips, batchNormSigns: 2n ** BigInt(m * bnLayers.length), continuous };
  });
  const exact = groups.reduce((p, g) => p * g.permutations * g.flips * g.batchNormSigns, 1n);
  const formula =
    groups
      .map((g) => {
        const parts = [`${g.width}!`];
        if (g.flips > 1n) parts.push(`2^${g.width}`);
        if (g.batchNormSigns > 1n) parts.push(`2^${g.width * g.layers.filter((l) => spec.hidden[l].batchNorm).length}`);
        return parts.join(' · ');
      })
      .join(' · ') || '1';
  return { exact, scientific: scientific(exact, digits), log10: bigLog10(exact), formula, groups };
}
