// (AssemblyScript) The dense-layer products of engine/nn/fast/linear.ts with two lanes per
// SIMD step. Every lane sums its terms in the order the TypeScript loops do, with separate
// multiplies and adds (no fused multiply-add), so both give the same bits.

/** out[r, o] = Σ_i a[r, i]·wT[i, o] (+ bias[o] when hasBias), wT being w transposed, [inner, outs]. */
export function linearForward(out: usize, a: usize, rows: i32, inner: i32, wT: usize, outs: i32, bias: usize, hasBias: bool): void {
  const stride = <usize>outs << 3;
  const aRow = <usize>inner << 3;
  const oRow = <usize>outs << 3;
  let r = 0;
  // Two rows by eight columns at a time: each pair of wT loaded serves both rows, half the
  // loads of one row at a time (the kernel was bound by them; now by the SIMD adds and multiplies).
  for (; r + 2 <= rows; r += 2) {
    const a0 = a + (<usize>(r * inner) << 3);
    const o0 = out + (<usize>(r * outs) << 3);
    let o = 0;
    for (; o + 8 <= outs; o += 8) {
      let s00 = f64x2.splat(0);
      let s01 = f64x2.splat(0);
      let s02 = f64x2.splat(0);
      let s03 = f64x2.splat(0);
      let s10 = f64x2.splat(0);
      let s11 = f64x2.splat(0);
      let s12 = f64x2.splat(0);
      let s13 = f64x2.splat(0);
      let w = wT + (<usize>o << 3);
      for (let i = 0; i < inner; i++, w += stride) {
        const w0 = v128.load(w);
        const w1 = v128.load(w, 16);
        const w2 = v128.load(w, 32);
        const w3 = v128.load(w, 48);
        const ai = a0 + (<usize>i << 3);
        const x0 = f64x2.splat(load<f64>(ai));
        s00 = f64x2.add(s00, f64x2.mul(x0, w0));
        s01 = f64x2.add(s01, f64x2.mul(x0, w1));
        s02 = f64x2.add(s02, f64x2.mul(x0, w2));
        s03 = f64x2.add(s03, f64x2.mul(x0, w3));
        const x1 = f64x2.splat(load<f64>(ai + aRow));
        s10 = f64x2.add(s10, f64x2.mul(x1, w0));
        s11 = f64x2.add(s11, f64x2.mul(x1, w1));
        s12 = f64x2.add(s12, f64x2.mul(x1, w2));
        s13 = f64x2.add(s13, f64x2.mul(x1, w3));
      }
      const to = o0 + (<usize>o << 3);
      v128.store(to, s00);
      v128.store(to, s01, 16);
      v128.store(to, s02, 32);
      v128.store(to, s03, 48);
      v128.store(to + oRow, s10);
      v128.store(to + oRow, s11, 16);
      v128.store(to + oRow, s12, 32);
      v128.store(to + oRow, s13, 48);
    }
    forwardRow(o0, a0, inner, wT, outs, o, bias, hasBias);
    forwardRow(o0 + oRow, a0 + aRow, inner, wT, outs, o, bias, hasBias);
  }
  for (; r < rows; r++) forwardRow(out + (<usize>(r * outs) << 3), a + (<usize>(r * inner) << 3), inner, wT, outs, 0, bias, hasBias);
}

/** One row's outputs from o0 on, then the bias on all of them: or[o] = Σ_i ar[i]·wT[i, o]. */
function forwardRow(or: usize, ar: usize, inner: i32, wT: usize, outs: i32, o0: i32, bias: usize, hasBias: bool): void {
  const stride = <usize>outs << 3;
  let o = o0;
  for (; o + 8 <= outs; o += 8) {
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let s2 = f64x2.splat(0);
    let s3 = f64x2.splat(0);
    let w = wT + (<usize>o << 3);
    for (let i = 0; i < inner; i++, w += stride) {
      const x = f64x2.splat(load<f64>(ar + (<usize>i << 3)));
      s0 = f64x2.add(s0, f64x2.mul(x, v128.load(w)));
      s1 = f64x2.add(s1, f64x2.mul(x, v128.load(w, 16)));
      s2 = f64x2.add(s2, f64x2.mul(x, v128.load(w, 32)));
      s3 = f64x2.add(s3, f64x2.mul(x, v128.load(w, 48)));
    }
    const to = or + (<usize>o << 3);
    v128.store(to, s0);
    v128.store(to, s1, 16);
    v128.store(to, s2, 32);
    v128.store(to, s3, 48);
  }
  for (; o + 2 <= outs; o += 2) {
    let s = f64x2.splat(0);
    let w = wT + (<usize>o << 3);
    for (let i = 0; i < inner; i++, w += stride) s = f64x2.add(s, f64x2.mul(f64x2.splat(load<f64>(ar + (<usize>i << 3))), v128.load(w)));
    v128.store(or + (<usize>o << 3), s);
  }
  if (o < outs) {
    let s: f64 = 0;
    let w = wT + (<usize>o << 3);
    for (let i = 0; i < inner; i++, w += stride) s += load<f64>(ar + (<usize>i << 3)) * load<f64>(w);
    store<f64>(or + (<usize>o << 3), s);
  }
  if (hasBias) for (let k = 0; k < outs; k++) store<f64>(or + (<usize>k << 3), load<f64>(or + (<usize>k << 3)) + load<f64>(bias + (<usize>k << 3)));
}

/**
 * gw[o, i] += Σ_r dz[r, o]·a[r, i] over chunks of `chunk` rows (each chunk's sum added to gw),
 * and gb[o] += dz[r, o] row by row when hasBias: gw [outs, inner], gb [outs].
 */
export function linearGradient(gw: usize, gb: usize, hasBias: bool, dz: usize, a: usize, rows: i32, outs: i32, inner: i32, chunk: i32): void {
  const pairs = inner & ~1;
  for (let r0 = 0; r0 < rows; r0 += chunk) {
    const r1 = min(rows, r0 + chunk);
    for (let o = 0; o < outs; o++) {
      const g = gw + (<usize>(o * inner) << 3);
      let i = 0;
      for (; i + 8 <= pairs; i += 8) {
        let s0 = f64x2.splat(0);
        let s1 = f64x2.splat(0);
        let s2 = f64x2.splat(0);
        let s3 = f64x2.splat(0);
        for (let r = r0; r < r1; r++) {
          const d = f64x2.splat(load<f64>(dz + (<usize>(r * outs + o) << 3)));
          const ar = a + (<usize>(r * inner + i) << 3);
          s0 = f64x2.add(s0, f64x2.mul(d, v128.load(ar)));
          s1 = f64x2.add(s1, f64x2.mul(d, v128.load(ar, 16)));
          s2 = f64x2.add(s2, f64x2.mul(d, v128.load(ar, 32)));
          s3 = f64x2.add(s3, f64x2.mul(d, v128.load(ar, 48)));
        }
        const to = g + (<usize>i << 3);
        v128.store(to, f64x2.add(v128.load(to), s0));
        v128.store(to, f64x2.add(v128.load(to, 16), s1), 16);
        v128.store(to, f64x2.add(v128.load(to, 32), s2), 32);
        v128.store(to, f64x2.add(v128.load(to, 48), s3), 48);
      }
      for (; i < pairs; i += 2) {
        let s = f64x2.splat(0);
        for (let r = r0; r < r1; r++) s = f64x2.add(s, f64x2.mul(f64x2.splat(load<f64>(dz + (<usize>(r * outs + o) << 3))), v128.load(a + (<usize>(r * inner + i) << 3))));
        const to = g + (<usize>i << 3);
        v128.store(to, f64x2.add(v128.load(to), s));
      }
      if (i < inner) {
        let s: f64 = 0;
        for (let r = r0; r < r1; r++) s += load<f64>(dz + (<usize>(r * outs + o) << 3)) * load<f64>(a + (<usize>(r * inner + i) << 3));
        store<f64>(g + (<usize>i << 3), load<f64>(g + (<usize>i << 3)) + s);
      }
    }
    if (hasBias) {
      for (let r = r0; r < r1; r++) {
        for (let o = 0; o < outs; o++) store<f64>(gb + (<usize>o << 3), load<f64>(gb + (<usize>o << 3)) + load<f64>(dz + (<usize>(r * outs + o) << 3)));
      }
    }
  }
}

/** da[r, i] += Σ_o dz[r, o]·w[o, i], skipping zero dz[r, o]: w [outs, inner]. */
export function linearBackprop(da: usize, dz: usize, w: usize, rows: i32, outs: i32, inner: i32): void {
  const pairs = inner & ~1;
  for (let r = 0; r < rows; r++) {
    const ar = da + (<usize>(r * inner) << 3);
    for (let o = 0; o < outs; o++) {
      const g = load<f64>(dz + (<usize>(r * outs + o) << 3));
      if (g == 0) continue;
      const gg = f64x2.splat(g);
      const wo = w + (<usize>(o * inner) << 3);
      let i = 0;
      for (; i < pairs; i += 2) {
        const at = ar + (<usize>i << 3);
        v128.store(at, f64x2.add(v128.load(at), f64x2.mul(gg, v128.load(wo + (<usize>i << 3)))));
      }
      if (i < inner) store<f64>(ar + (<usize>i << 3), load<f64>(ar + (<usize>i << 3)) + g * load<f64>(wo + (<usize>i << 3)));
    }
  }
}

/** g[k] ← g[k] where z[k] > 0, else 0: the ReLU's slope applied, without branches. */
export function reluSlope(g: usize, z: usize, n: i32): void {
  const end = <usize>n << 3;
  const zero = f64x2.splat(0);
  let o: usize = 0;
  for (; o + 16 <= end; o += 16) v128.store(g + o, v128.bitselect(v128.load(g + o), zero, f64x2.gt(v128.load(z + o), zero)));
  if (o < end) store<f64>(g + o, load<f64>(z + o) > 0 ? load<f64>(g + o) : 0);
}
