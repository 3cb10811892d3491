// (AssemblyScript) e^x as engine/nn/fast/exp.ts computes it, operation for operation, so the
// kernels and the TypeScript paths give the same bits: 2^(k/64)·e^r with a degree-6 Taylor
// polynomial; outside (−700, 700) Math.exp.
import { f64At } from './memory';

/** 2^(i/64), i = 0 … 63, placed by the host (the FRACTION table of exp.ts). */
let fraction: usize = 0;

export function setExpTable(table: usize): void {
  fraction = table;
}

const STEPS_PER_LN2: f64 = 64 / Math.LN2;
const LN2_STEP_HI: f64 = 6.9314718036912381649e-1 / 64;
const LN2_STEP_LO: f64 = 1.90821492927058770002e-10 / 64;
const ROUND: f64 = 6755399441055744;

@inline export function exp(x: f64): f64 {
  if (!(x > -700 && x < 700)) return Math.exp(x);
  const kf = x * STEPS_PER_LN2 + ROUND - ROUND;
  const r = x - kf * LN2_STEP_HI - kf * LN2_STEP_LO;
  const k = <i32>kf;
  const q = r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
  const s = f64At(fraction, k & 63) * reinterpret<f64>(<i64>((k >> 6) + 1023) << 52);
  return s + s * q;
}

/** e^x of both lanes, each the same bits as exp(x); lanes outside (−700, 700) go through exp one by one. */
@inline export function expPair(x: v128): v128 {
  if (!i64x2.all_true(v128.and(f64x2.gt(x, f64x2.splat(-700)), f64x2.lt(x, f64x2.splat(700))))) {
    return f64x2.replace_lane(f64x2.splat(exp(f64x2.extract_lane(x, 0))), 1, exp(f64x2.extract_lane(x, 1)));
  }
  const kf = f64x2.sub(f64x2.add(f64x2.mul(x, f64x2.splat(STEPS_PER_LN2)), f64x2.splat(ROUND)), f64x2.splat(ROUND));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(kf, f64x2.splat(LN2_STEP_HI))), f64x2.mul(kf, f64x2.splat(LN2_STEP_LO)));
  let q = f64x2.add(f64x2.splat(1.0 / 120), f64x2.mul(r, f64x2.splat(1.0 / 720)));
  q = f64x2.add(f64x2.splat(1.0 / 24), f64x2.mul(r, q));
  q = f64x2.add(f64x2.splat(1.0 / 6), f64x2.mul(r, q));
  q = f64x2.add(f64x2.splat(1.0 / 2), f64x2.mul(r, q));
  q = f64x2.add(f64x2.splat(1), f64x2.mul(r, q));
  q = f64x2.mul(r, q);
  const k0 = <i32>f64x2.extract_lane(kf, 0);
  const k1 = <i32>f64x2.extract_lane(kf, 1);
  let s = f64x2.splat(f64At(fraction, k0 & 63) * reinterpret<f64>(<i64>((k0 >> 6) + 1023) << 52));
  s = f64x2.replace_lane(s, 1, f64At(fraction, k1 & 63) * reinterpret<f64>(<i64>((k1 >> 6) + 1023) << 52));
  return f64x2.add(s, f64x2.mul(s, q));
}
