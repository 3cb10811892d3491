// (AssemblyScript) The inner loops of engine/landscape/breakpointRows.ts: for a block of
// samples, the logits of a one-hidden-layer piecewise-linear network at every β of a row,
// swept over the points where units switch. The host binds the buffers once per evaluator
// and fills the row's coefficients (U, V, the biases, the sorted β) before each row.
import { f64At, i32At, setF64, setI32 } from './memory';

const NONE: i32 = -1;

let H: i32 = 0;
let K: i32 = 0;
let slope: f64 = 0;
let base: usize = 0; // [n, H] X·W*ᵀ
let along1: usize = 0; // [n, H] X·D₁ᵀ
let along2: usize = 0; // [n, H] X·D₂ᵀ
let pBias: usize = 0; // [H] layer-0 bias at (α, 0), and its change per β
let qBias: usize = 0;
let U: usize = 0; // [H, K] output weights at (α, 0) and their change per β
let V: usize = 0;
let outBias: usize = 0; // [2K]
let sorted: usize = 0; // [G] the row's β, ascending
let logits: usize = 0; // [G, rows, K]
let P: usize = 0;
let Q: usize = 0;
let bucket: usize = 0; // [H] i32
let upUnits: usize = 0; // [H] i32
let downUnits: usize = 0;
let upStart: usize = 0; // [G + 1] i32 each
let downStart: usize = 0;
let upFill: usize = 0;
let downFill: usize = 0;
let whole: usize = 0; // [3K]
let running: usize = 0;

/** Binds the network's sizes and its arrays (see the globals above). */
export function bindBreakpoint(
  units: i32, outputs: i32, offSlope: f64,
  base_: usize, along1_: usize, along2_: usize, pBias_: usize, qBias_: usize, U_: usize, V_: usize, outBias_: usize, sorted_: usize, logits_: usize,
): void {
  H = units;
  K = outputs;
  slope = offSlope;
  base = base_;
  along1 = along1_;
  along2 = along2_;
  pBias = pBias_;
  qBias = qBias_;
  U = U_;
  V = V_;
  outBias = outBias_;
  sorted = sorted_;
  logits = logits_;
}

/** Binds the sweep's scratch: P, Q [H]; whole, running [3K]; bucket, upUnits, downUnits [H] and upStart … downFill [G + 1] of int32. */
export function bindBreakpointScratch(
  P_: usize, Q_: usize, whole_: usize, running_: usize,
  bucket_: usize, upUnits_: usize, downUnits_: usize, upStart_: usize, downStart_: usize, upFill_: usize, downFill_: usize,
): void {
  P = P_;
  Q = Q_;
  whole = whole_;
  running = running_;
  bucket = bucket_;
  upUnits = upUnits_;
  downUnits = downUnits_;
  upStart = upStart_;
  downStart = downStart_;
  upFill = upFill_;
  downFill = downFill_;
}

/** The logits of samples r0 … r0 + rows − 1 at the G sorted β of the row at α, into logits[g, b, :]. */
export function sweepBlock(r0: i32, rows: i32, alpha: f64, G: i32): void {
  for (let b = 0; b < rows; b++) {
    for (let j = 0, at = (r0 + b) * H; j < H; j++, at++) {
      setF64(P, j, f64At(base, at) + alpha * f64At(along1, at) + f64At(pBias, j));
      setF64(Q, j, f64At(along2, at) + f64At(qBias, j));
    }
    sweepSample(b, rows, G);
  }
}

/** Adds (p + βq)·(U_j + βV_j) to the coefficients [c₀ | c₁ | c₂] at `to`, two outputs per SIMD step. */
@inline function addUnit(to: usize, j: i32, p: f64, q: f64): void {
  const u = U + (<usize>(j * K) << 3);
  const v = V + (<usize>(j * K) << 3);
  const c1 = to + (<usize>K << 3);
  const c2 = to + (<usize>(2 * K) << 3);
  const pp = f64x2.splat(p);
  const qq = f64x2.splat(q);
  let o: usize = 0;
  const end = <usize>(K & ~1) << 3;
  for (; o < end; o += 16) {
    const uk = v128.load(u + o);
    const vk = v128.load(v + o);
    v128.store(to + o, f64x2.add(v128.load(to + o), f64x2.mul(pp, uk)));
    v128.store(c1 + o, f64x2.add(v128.load(c1 + o), f64x2.add(f64x2.mul(qq, uk), f64x2.mul(pp, vk))));
    v128.store(c2 + o, f64x2.add(v128.load(c2 + o), f64x2.mul(qq, vk)));
  }
  if (K & 1) {
    const uk = load<f64>(u + o);
    const vk = load<f64>(v + o);
    store<f64>(to + o, load<f64>(to + o) + p * uk);
    store<f64>(c1 + o, load<f64>(c1 + o) + (q * uk + p * vk));
    store<f64>(c2 + o, load<f64>(c2 + o) + q * vk);
  }
}

/** The first index whose β is > t (`strict`) or ≥ t, G if none: guessed as on an even grid, then walked to. */
@inline function firstIndex(t: f64, strict: bool, G: i32, spacing: f64): i32 {
  const guess = Math.ceil((t - f64At(sorted, 0)) / spacing);
  let g: i32 = guess >= <f64>G ? G : guess > 0 ? <i32>guess : 0;
  while (g > 0 && (f64At(sorted, g - 1) > t || (!strict && f64At(sorted, g - 1) == t))) g--;
  while (g < G && !(f64At(sorted, g) > t || (!strict && f64At(sorted, g) == t))) g++;
  return g;
}

function sweepSample(b: i32, rows: i32, G: i32): void {
  const K3 = 3 * K;
  for (let k = 0; k < K3; k++) setF64(whole, k, k < 2 * K ? f64At(outBias, k) : 0);
  for (let g = 0; g <= G; g++) {
    setI32(upStart, g, 0);
    setI32(downStart, g, 0);
  }
  const on = 1 - slope;
  const spacing = G > 1 ? (f64At(sorted, G - 1) - f64At(sorted, 0)) / <f64>(G - 1) : 1;
  for (let j = 0; j < H; j++) {
    const p = f64At(P, j);
    const q = f64At(Q, j);
    setI32(bucket, j, NONE);
    if (!isFinite(p) || !isFinite(q)) {
      setF64(whole, 0, NaN); // a NaN or infinite unit poisons the sample, as in a forward pass
      continue;
    }
    if (slope != 0) addUnit(whole, j, slope * p, slope * q);
    if (on == 0) continue;
    if (q > 0) {
      const g = firstIndex(-p / q, true, G, spacing);
      if (g == 0) addUnit(whole, j, on * p, on * q);
      else if (g < G) {
        setI32(bucket, j, g);
        setI32(upStart, g + 1, i32At(upStart, g + 1) + 1);
      }
    } else if (q < 0) {
      const g = firstIndex(-p / q, false, G, spacing) - 1;
      if (g == G - 1) addUnit(whole, j, on * p, on * q);
      else if (g >= 0) {
        setI32(bucket, j, G + g);
        setI32(downStart, g + 1, i32At(downStart, g + 1) + 1);
      }
    } else if (p > 0) addUnit(whole, j, on * p, on * q);
  }
  for (let g = 0; g < G; g++) {
    setI32(upStart, g + 1, i32At(upStart, g + 1) + i32At(upStart, g));
    setI32(downStart, g + 1, i32At(downStart, g + 1) + i32At(downStart, g));
  }
  memory.copy(upFill, upStart, <usize>(G + 1) << 2);
  memory.copy(downFill, downStart, <usize>(G + 1) << 2);
  for (let j = 0; j < H; j++) {
    const g = i32At(bucket, j);
    if (g == NONE) continue;
    if (g < G) {
      const at = i32At(upFill, g);
      setI32(upUnits, at, j);
      setI32(upFill, g, at + 1);
    } else {
      const at = i32At(downFill, g - G);
      setI32(downUnits, at, j);
      setI32(downFill, g - G, at + 1);
    }
  }
  memory.fill(running, 0, <usize>K3 << 3);
  for (let g = G - 1; g >= 0; g--) {
    for (let u = i32At(downStart, g); u < i32At(downStart, g + 1); u++) {
      const j = i32At(downUnits, u);
      addUnit(running, j, on * f64At(P, j), on * f64At(Q, j));
    }
    evaluate(running, g, b, rows, false);
  }
  memory.copy(running, whole, <usize>K3 << 3);
  for (let g = 0; g < G; g++) {
    for (let u = i32At(upStart, g); u < i32At(upStart, g + 1); u++) {
      const j = i32At(upUnits, u);
      addUnit(running, j, on * f64At(P, j), on * f64At(Q, j));
    }
    evaluate(running, g, b, rows, true);
  }
}

/** Writes (or adds) the coefficients at `c` evaluated at β_g to logits[g, b, :], two outputs per SIMD step. */
@inline function evaluate(c: usize, g: i32, b: i32, rows: i32, add: bool): void {
  const beta = f64At(sorted, g);
  const bb = f64x2.splat(beta);
  const c1 = c + (<usize>K << 3);
  const c2 = c + (<usize>(2 * K) << 3);
  const out = logits + (<usize>((g * rows + b) * K) << 3);
  let o: usize = 0;
  const end = <usize>(K & ~1) << 3;
  for (; o < end; o += 16) {
    const v = f64x2.add(v128.load(c + o), f64x2.mul(bb, f64x2.add(v128.load(c1 + o), f64x2.mul(bb, v128.load(c2 + o)))));
    v128.store(out + o, add ? f64x2.add(v128.load(out + o), v) : v);
  }
  if (K & 1) {
    const v = load<f64>(c + o) + beta * (load<f64>(c1 + o) + beta * load<f64>(c2 + o));
    store<f64>(out + o, add ? load<f64>(out + o) + v : v);
  }
}
