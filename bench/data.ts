// Deterministic inputs and the output check, shared by all cases.
import type { Outputs } from './types.js';

/** mulberry32: a small seeded PRNG with uniform output in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n standard normal samples times `scale` (Box–Muller). */
export function normal(n: number, seed: number, scale = 1): Float64Array {
  const u = rng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    const a = 2 * Math.PI * u();
    out[i] = scale * r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = scale * r * Math.sin(a);
  }
  return out;
}

/** n uniform samples in [lo, hi). */
export function uniform(n: number, seed: number, lo = -1, hi = 1): Float64Array {
  const u = rng(seed);
  return Float64Array.from({ length: n }, () => lo + (hi - lo) * u());
}

/** For the numpy task's JSON: exact float64 values survive JSON round trips. */
export function nd(shape: number[], data: Float64Array): { shape: number[]; data: number[] } {
  return { shape, data: Array.from(data) };
}

/**
 * Largest scaled error max|out − ref| / max|ref| over all outputs the reference names.
 * Throws if an output is missing, has the wrong length or holds a non-finite value.
 */
export function compareOutputs(out: Outputs, ref: Outputs, who: string): number {
  let worst = 0;
  for (const [name, r] of Object.entries(ref)) {
    const o = out[name];
    if (!o) throw new Error(`${who}: output '${name}' is missing`);
    if (o.length !== r.length) throw new Error(`${who}: output '${name}' has ${o.length} values, the reference ${r.length}`);
    let scale = 0;
    for (let i = 0; i < r.length; i++) scale = Math.max(scale, Math.abs(r[i]));
    let err = 0;
    for (let i = 0; i < r.length; i++) {
      if (!Number.isFinite(o[i])) throw new Error(`${who}: output '${name}'[${i}] is ${o[i]}`);
      err = Math.max(err, Math.abs(o[i] - r[i]));
    }
    worst = Math.max(worst, scale > 0 ? err / scale : err);
  }
  return worst;
}

let sunk: unknown = null;
/** Keeps a result reachable so no call can be optimized away as dead code. */
export function consume(x: unknown): void {
  sunk = x;
}
/** The last consumed value (read once by the runner, so `consume` has an observable effect). */
export function lastConsumed(): unknown {
  return sunk;
}
