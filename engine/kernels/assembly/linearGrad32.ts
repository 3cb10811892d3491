// (AssemblyScript) The float32 training mode's backward products (engine/nn/fast/linearGrad32.ts),
// both as one product out = a·b whose zero entries of a are skipped: the weight gradient
// dzᵀ·x and the input gradient dz·w, where dz is zero wherever a ReLU is off (about half of
// it). Four lanes per SIMD step (f32x4); each lane sums its nonzero terms in order, with
// separate multiplies and adds, so the result is the plain float32 loop's, bit for bit
// (a skipped term 0·b adds nothing while b is finite).

/**
 * out[r, j] = Σ_k a[r, k]·b[k, j] over the k where a[r, k] ≠ 0, in float32: a [rows, inner],
 * b [inner, cols] with rows `bStride` floats apart, out [rows, cols]. Scratch: `nz` for
 * rows·inner (byte offset, value) pairs, `starts` for rows + 1 int32s.
 */
export function productSkippingZeros32(out: usize, a: usize, rows: i32, inner: i32, b: usize, cols: i32, bStride: i32, nz: usize, starts: usize): void {
  // a's nonzero entries, row by row: where their row of b starts, and their value.
  const bRow = <usize>bStride << 2;
  let count = 0;
  for (let r = 0; r < rows; r++) {
    store<i32>(starts + (<usize>r << 2), count);
    const ar = a + (<usize>(r * inner) << 2);
    for (let k = 0; k < inner; k++) {
      const v = load<f32>(ar + (<usize>k << 2));
      if (v != 0) {
        const e = nz + (<usize>count << 3);
        store<u32>(e, <u32>(<usize>k * bRow));
        store<f32>(e, v, 4);
        count++;
      }
    }
  }
  store<i32>(starts + (<usize>rows << 2), count);
  const oRow = <usize>cols << 2;
  let j = 0;
  // Thirty-two columns at a time, all rows for each (the columns' strip of b stays in cache):
  // eight sums in registers, each value of a serving all eight.
  for (; j + 32 <= cols; j += 32) {
    const bj = b + (<usize>j << 2);
    let to = out + (<usize>j << 2);
    for (let r = 0; r < rows; r++, to += oRow) {
      let s0 = f32x4.splat(0);
      let s1 = f32x4.splat(0);
      let s2 = f32x4.splat(0);
      let s3 = f32x4.splat(0);
      let s4 = f32x4.splat(0);
      let s5 = f32x4.splat(0);
      let s6 = f32x4.splat(0);
      let s7 = f32x4.splat(0);
      const end = nz + (<usize>load<i32>(starts + (<usize>(r + 1) << 2)) << 3);
      for (let e = nz + (<usize>load<i32>(starts + (<usize>r << 2)) << 3); e < end; e += 8) {
        const p = bj + <usize>load<u32>(e);
        const x = v128.load32_splat(e, 4);
        s0 = f32x4.add(s0, f32x4.mul(x, v128.load(p)));
        s1 = f32x4.add(s1, f32x4.mul(x, v128.load(p, 16)));
        s2 = f32x4.add(s2, f32x4.mul(x, v128.load(p, 32)));
        s3 = f32x4.add(s3, f32x4.mul(x, v128.load(p, 48)));
        s4 = f32x4.add(s4, f32x4.mul(x, v128.load(p, 64)));
        s5 = f32x4.add(s5, f32x4.mul(x, v128.load(p, 80)));
        s6 = f32x4.add(s6, f32x4.mul(x, v128.load(p, 96)));
        s7 = f32x4.add(s7, f32x4.mul(x, v128.load(p, 112)));
      }
      v128.store(to, s0);
      v128.store(to, s1, 16);
      v128.store(to, s2, 32);
      v128.store(to, s3, 48);
      v128.store(to, s4, 64);
      v128.store(to, s5, 80);
      v128.store(to, s6, 96);
      v128.store(to, s7, 112);
    }
  }
  for (; j + 4 <= cols; j += 4) {
    const bj = b + (<usize>j << 2);
    let to = out + (<usize>j << 2);
    for (let r = 0; r < rows; r++, to += oRow) {
      let s = f32x4.splat(0);
      const end = nz + (<usize>load<i32>(starts + (<usize>(r + 1) << 2)) << 3);
      for (let e = nz + (<usize>load<i32>(starts + (<usize>r << 2)) << 3); e < end; e += 8) s = f32x4.add(s, f32x4.mul(v128.load32_splat(e, 4), v128.load(bj + <usize>load<u32>(e))));
      v128.store(to, s);
    }
  }
  for (; j < cols; j++) {
    const bj = b + (<usize>j << 2);
    let to = out + (<usize>j << 2);
    for (let r = 0; r < rows; r++, to += oRow) {
      let s: f32 = 0;
      const end = nz + (<usize>load<i32>(starts + (<usize>(r + 1) << 2)) << 3);
      for (let e = nz + (<usize>load<i32>(starts + (<usize>r << 2)) << 3); e < end; e += 8) s += load<f32>(e, 4) * load<f32>(bj + <usize>load<u32>(e));
      store<f32>(to, s);
    }
  }
}
