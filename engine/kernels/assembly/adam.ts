// (AssemblyScript) Adam's and AdamW's update (engine/train/optimizers.ts) on two lanes per SIMD
// step (f64x2). Each element takes the TypeScript loop's operations in its order, with separate
// multiplies and adds (no fused multiply-add), so both give the same bits; the update is bound
// by its three divisions and square root, which the lanes halve.

/**
 * For i < n: θ ← θ − decay·θ (when hasDecay), m ← b1·m + (1 − b1)·g, v ← b2·v + ((1 − b2)·g)·g,
 * θ ← θ − (lr·(m / c1)) / (√(v / c2) + eps); θ, g, m, v float64 arrays of n.
 */
export function adamUpdate(theta: usize, g: usize, m: usize, v: usize, n: i32, lr: f64, b1: f64, b2: f64, eps: f64, hasDecay: bool, decay: f64, c1: f64, c2: f64): void {
  const a1 = 1 - b1;
  const a2 = 1 - b2;
  const vb1 = f64x2.splat(b1);
  const vb2 = f64x2.splat(b2);
  const va1 = f64x2.splat(a1);
  const va2 = f64x2.splat(a2);
  const vlr = f64x2.splat(lr);
  const veps = f64x2.splat(eps);
  const vdecay = f64x2.splat(decay);
  const vc1 = f64x2.splat(c1);
  const vc2 = f64x2.splat(c2);
  const end = <usize>n << 3;
  let k: usize = 0;
  for (; k + 16 <= end; k += 16) {
    let th = v128.load(theta + k);
    const gk = v128.load(g + k);
    if (hasDecay) th = f64x2.sub(th, f64x2.mul(vdecay, th));
    const mk = f64x2.add(f64x2.mul(vb1, v128.load(m + k)), f64x2.mul(va1, gk));
    const vk = f64x2.add(f64x2.mul(vb2, v128.load(v + k)), f64x2.mul(f64x2.mul(va2, gk), gk));
    v128.store(m + k, mk);
    v128.store(v + k, vk);
    const step = f64x2.div(f64x2.mul(vlr, f64x2.div(mk, vc1)), f64x2.add(f64x2.sqrt(f64x2.div(vk, vc2)), veps));
    v128.store(theta + k, f64x2.sub(th, step));
  }
  for (; k < end; k += 8) {
    let th = load<f64>(theta + k);
    const gk = load<f64>(g + k);
    if (hasDecay) th -= decay * th;
    const mk = b1 * load<f64>(m + k) + a1 * gk;
    const vk = b2 * load<f64>(v + k) + a2 * gk * gk;
    store<f64>(m + k, mk);
    store<f64>(v + k, vk);
    store<f64>(theta + k, th - (lr * (mk / c1)) / (Math.sqrt(vk / c2) + eps));
  }
}
