// (AssemblyScript) The float32 mode's dense-layer product: four lanes per SIMD step (f32x4),
// twice the float64 kernel's. Each lane sums its terms in order, from the first, with separate
// multiplies and adds, so the result is that of the plain float32 loop, bit for bit.

/** out[r, o] = Σ_i a[r, i]·wT[i, o] (+ bias[o] when hasBias) in float32; a [rows, inner], wT [inner, outs], out [rows, outs]. */
export function linearForward32(out: usize, a: usize, rows: i32, inner: i32, wT: usize, outs: i32, bias: usize, hasBias: bool): void {
  const stride = <usize>outs << 2;
  const aRow = <usize>inner << 2;
  const oRow = <usize>outs << 2;
  let r = 0;
  // Two rows by sixteen columns at a time: each four of wT loaded serve both rows.
  for (; r + 2 <= rows; r += 2) {
    const a0 = a + (<usize>(r * inner) << 2);
    const o0 = out + (<usize>(r * outs) << 2);
    let o = 0;
    for (; o + 16 <= outs; o += 16) {
      let s00 = f32x4.splat(0);
      let s01 = f32x4.splat(0);
      let s02 = f32x4.splat(0);
      let s03 = f32x4.splat(0);
      let s10 = f32x4.splat(0);
      let s11 = f32x4.splat(0);
      let s12 = f32x4.splat(0);
      let s13 = f32x4.splat(0);
      let w = wT + (<usize>o << 2);
      for (let i = 0; i < inner; i++, w += stride) {
        const w0 = v128.load(w);
        const w1 = v128.load(w, 16);
        const w2 = v128.load(w, 32);
        const w3 = v128.load(w, 48);
        const ai = a0 + (<usize>i << 2);
        const x0 = f32x4.splat(load<f32>(ai));
        s00 = f32x4.add(s00, f32x4.mul(x0, w0));
        s01 = f32x4.add(s01, f32x4.mul(x0, w1));
        s02 = f32x4.add(s02, f32x4.mul(x0, w2));
        s03 = f32x4.add(s03, f32x4.mul(x0, w3));
        const x1 = f32x4.splat(load<f32>(ai + aRow));
        s10 = f32x4.add(s10, f32x4.mul(x1, w0));
        s11 = f32x4.add(s11, f32x4.mul(x1, w1));
        s12 = f32x4.add(s12, f32x4.mul(x1, w2));
        s13 = f32x4.add(s13, f32x4.mul(x1, w3));
      }
      const to = o0 + (<usize>o << 2);
      v128.store(to, s00);
      v128.store(to, s01, 16);
      v128.store(to, s02, 32);
      v128.store(to, s03, 48);
      v128.store(to + oRow, s10);
      v128.store(to + oRow, s11, 16);
      v128.store(to + oRow, s12, 32);
      v128.store(to + oRow, s13, 48);
    }
    forwardRow32(o0, a0, inner, wT, outs, o, bias, hasBias);
    forwardRow32(o0 + oRow, a0 + aRow, inner, wT, outs, o, bias, hasBias);
  }
  for (; r < rows; r++) forwardRow32(out + (<usize>(r * outs) << 2), a + (<usize>(r * inner) << 2), inner, wT, outs, 0, bias, hasBias);
}

/** One row's outputs from o0 on, then the bias on all of them. */
function forwardRow32(or: usize, ar: usize, inner: i32, wT: usize, outs: i32, o0: i32, bias: usize, hasBias: bool): void {
  const stride = <usize>outs << 2;
  let o = o0;
  for (; o + 4 <= outs; o += 4) {
    let s = f32x4.splat(0);
    let w = wT + (<usize>o << 2);
    for (let i = 0; i < inner; i++, w += stride) s = f32x4.add(s, f32x4.mul(f32x4.splat(load<f32>(ar + (<usize>i << 2))), v128.load(w)));
    v128.store(or + (<usize>o << 2), s);
  }
  for (; o < outs; o++) {
    let s: f32 = 0;
    let w = wT + (<usize>o << 2);
    for (let i = 0; i < inner; i++, w += stride) s += load<f32>(ar + (<usize>i << 2)) * load<f32>(w);
    store<f32>(or + (<usize>o << 2), s);
  }
  if (hasBias) for (let k = 0; k < outs; k++) store<f32>(or + (<usize>k << 2), load<f32>(or + (<usize>k << 2)) + load<f32>(bias + (<usize>k << 2)));
}
