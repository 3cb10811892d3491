// (AssemblyScript) The inner loops of engine/landscape/logisticRows.ts: the logistic layer
// along a row by the e^{−z} recurrence, two units per SIMD step, and — for networks with
// one hidden layer and softmax cross-entropy — the output layer and the loss in one pass.
import { exp } from './exp';
import { f64At, setF64 } from './memory';
import { sampleLoss, wasCorrect } from './softmax';

/** e^{−z} between these is a normal double whose reciprocal-plus-one loses nothing. */
const TINY: f64 = 1e-290;
const HUGE: f64 = 1e290;

let e: usize = 0; // e^{−z} at the current point, NaN where an exact exp is due
let ratio: usize = 0; // e^{−Δβ·Q}
let pre: usize = 0; // z, [n, units]
let act: usize = 0; // σ(z), [n, units]

export function bindLogistic(e_: usize, ratio_: usize, pre_: usize, act_: usize): void {
  e = e_;
  ratio = ratio_;
  pre = pre_;
  act = act_;
}

/**
 * e ← e·ratio entry by entry; entries that would leave the normal range, and all of them
 * when `fresh`, become NaN for activate to compute exactly. Whether any did.
 */
export function recur(size: i32, fresh: bool): bool {
  const end = <usize>size << 3;
  if (fresh) {
    for (let o: usize = 0; o < end; o += 8) store<f64>(e + o, NaN);
    return true;
  }
  const tiny = f64x2.splat(TINY);
  const huge = f64x2.splat(HUGE);
  const nan = f64x2.splat(NaN);
  let outside = i64x2.splat(0);
  let o: usize = 0;
  for (; o + 16 <= end; o += 16) {
    const v = f64x2.mul(v128.load(e + o), v128.load(ratio + o));
    const normal = v128.and(f64x2.gt(v, tiny), f64x2.lt(v, huge));
    v128.store(e + o, v128.bitselect(v, nan, normal));
    outside = v128.or(outside, v128.not(normal));
  }
  let exact = v128.any_true(outside);
  if (o < end) {
    const v = load<f64>(e + o) * load<f64>(ratio + o);
    if (v > TINY && v < HUGE) store<f64>(e + o, v);
    else {
      store<f64>(e + o, NaN);
      exact = true;
    }
  }
  return exact;
}

/** act = σ(z) = 1/(1 + e^{−z}), with e^{−z} computed exactly where recur left NaN. */
export function activate(size: i32): void {
  const one = f64x2.splat(1);
  const huge = f64x2.splat(HUGE);
  let k = 0;
  for (; k + 1 < size; k += 2) {
    const o = <usize>k << 3;
    const v = v128.load(e + o);
    // Both lanes ready (not NaN, below HUGE): the common case, in one step.
    if (i64x2.all_true(f64x2.lt(v, huge))) v128.store(act + o, f64x2.div(one, f64x2.add(one, v)));
    else {
      unit(k);
      unit(k + 1);
    }
  }
  if (k < size) unit(k);
}

@inline function unit(k: i32): void {
  let v = f64At(e, k);
  if (v != v) {
    v = exp(-f64At(pre, k));
    setF64(e, k, v > TINY ? v : 0); // a subnormal would carry its lost digits along the row
  }
  if (v < HUGE) setF64(act, k, 1 / (1 + v));
  else {
    const ez = exp(f64At(pre, k)); // σ(z) = e^z/(1 + e^z) keeps its tiny value where e^{−z} overflows
    setF64(act, k, ez / (1 + ez));
  }
}

/**
 * The summed softmax cross-entropy and correct predictions of the output layer on act
 * [n, units]: logits = W·a + b with W [outputs, units] and b [outputs] at `weights` and
 * `bias`, targets [n, outputs]; written to sums[0] and sums[1]. `logits` is scratch [outputs].
 */
export function denseSoftmaxSums(n: i32, units: i32, outputs: i32, weights: usize, bias: usize, targets: usize, logits: usize, sums: usize): void {
  let loss: f64 = 0;
  let correct: f64 = 0;
  const pairs = <usize>(units & ~1) << 3;
  for (let i = 0; i < n; i++) {
    const a = act + (<usize>(i * units) << 3);
    for (let c = 0; c < outputs; c++) {
      const w = weights + (<usize>(c * units) << 3);
      let acc = f64x2.splat(0);
      let o: usize = 0;
      for (; o < pairs; o += 16) acc = f64x2.add(acc, f64x2.mul(v128.load(w + o), v128.load(a + o)));
      let z = f64At(bias, c) + (f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1));
      if (units & 1) z += load<f64>(w + o) * load<f64>(a + o);
      setF64(logits, c, z);
    }
    loss += sampleLoss(logits, targets + (<usize>(i * outputs) << 3), outputs);
    correct += wasCorrect();
  }
  setF64(sums, 0, loss);
  setF64(sums, 1, correct);
}
