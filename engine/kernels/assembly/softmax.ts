// (AssemblyScript) Summed softmax cross-entropy and correct predictions over blocks of
// logits, as lossSumsOnLogits (engine/nn/fast/loss.ts) computes them for 'softmax-ce'.
import { exp, expPair } from './exp';
import { f64At, setF64 } from './memory';

/** Whether the last sampleLoss's sample was predicted right (its argmax has target 1). */
let lastCorrect = false;

/** One sample's loss term −Σ_c y_c·log softmax(z)_c from its k logits at z0 and targets at y0; sets lastCorrect. */
@inline export function sampleLoss(z0: usize, y0: usize, k: i32): f64 {
  let max = -Infinity;
  let best = 0;
  let yz: f64 = 0;
  let y: f64 = 0;
  for (let c = 0; c < k; c++) {
    const z = f64At(z0, c);
    const t = f64At(y0, c);
    if (z > max) {
      max = z;
      best = c;
    }
    yz += t * z;
    y += t;
  }
  // Σ e^{z − max}, two logits per SIMD step: lane sums, added at the end.
  const shift = f64x2.splat(max);
  let pairs = f64x2.splat(0);
  let c = 0;
  for (; c + 1 < k; c += 2) pairs = f64x2.add(pairs, expPair(f64x2.sub(v128.load(z0 + (<usize>c << 3)), shift)));
  let s = f64x2.extract_lane(pairs, 0) + f64x2.extract_lane(pairs, 1);
  if (c < k) s += exp(f64At(z0, c) - max);
  lastCorrect = f64At(y0, best) == 1;
  return y * (max + Math.log(s)) - yz;
}

/** 1 if the last sampleLoss's sample was predicted right, else 0. */
@inline export function wasCorrect(): f64 {
  return lastCorrect ? 1 : 0;
}

/**
 * For g = 0 … G−1: adds the loss terms and correct predictions of rows × k logits at
 * logits + g·rows·k (targets [rows, k], one-hot or soft) to sums[2g] and sums[2g + 1].
 */
export function softmaxSums(logits: usize, targets: usize, rows: i32, k: i32, G: i32, sums: usize): void {
  for (let g = 0; g < G; g++) {
    let loss: f64 = 0;
    let correct: f64 = 0;
    for (let i = 0; i < rows; i++) {
      loss += sampleLoss(logits + (<usize>((g * rows + i) * k) << 3), targets + (<usize>(i * k) << 3), k);
      correct += wasCorrect();
    }
    setF64(sums, 2 * g, f64At(sums, 2 * g) + loss);
    setF64(sums, 2 * g + 1, f64At(sums, 2 * g + 1) + correct);
  }
}
