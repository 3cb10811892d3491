// Dense-layer kernels on row-major Float64Arrays: no allocation, contiguous inner loops.

/**
 * out[r, o] = Σ_i a[r, i]·w[o, i] + b[o] (b from `bias` at bOffset, or none when bOffset < 0):
 * rows of a against rows of w, four outputs at a time (then two, then one) so each loaded input serves several sums.
 */
export function linearInto(out: Float64Array, a: Float64Array, rows: number, inner: number, w: Float64Array, wOffset: number, outs: number, bias: Float64Array, bOffset: number): void {
  const quads = outs - (outs % 4);
  for (let r = 0; r < rows; r++) {
    const ar = r * inner;
    const or = r * outs;
    for (let o = 0; o < quads; o += 4) {
      const w0 = wOffset + o * inner;
      const w1 = w0 + inner;
      const w2 = w1 + inner;
      const w3 = w2 + inner;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < inner; i++) {
        const x = a[ar + i];
        s0 += x * w[w0 + i];
        s1 += x * w[w1 + i];
        s2 += x * w[w2 + i];
        s3 += x * w[w3 + i];
      }
      out[or + o] = s0;
      out[or + o + 1] = s1;
      out[or + o + 2] = s2;
      out[or + o + 3] = s3;
    }
    let o = quads;
    if (outs - o >= 2) {
      const w0 = wOffset + o * inner;
      const w1 = w0 + inner;
      let s0 = 0;
      let s1 = 0;
      for (let i = 0; i < inner; i++) {
        const x = a[ar + i];
        s0 += x * w[w0 + i];
        s1 += x * w[w1 + i];
      }
      out[or + o] = s0;
      out[or + o + 1] = s1;
      o += 2;
    }
    if (o < outs) {
      const w0 = wOffset + o * inner;
      let s0 = 0;
      for (let i = 0; i < inner; i++) s0 += a[ar + i] * w[w0 + i];
      out[or + o] = s0;
    }
    if (bOffset >= 0) for (let o = 0; o < outs; o++) out[or + o] += bias[bOffset + o];
  }
}

/** dW[o, i] += Σ_r dz[r, o]·a[r, i] and db[o] += Σ_r dz[r, o] (db skipped when bOffset < 0), into grad at the offsets. */
export function accumulateLinearGradient(grad: Float64Array, wOffset: number, bOffset: number, dz: Float64Array, a: Float64Array, rows: number, outs: number, inner: number): void {
  for (let r = 0; r < rows; r++) {
    const ar = r * inner;
    for (let o = 0; o < outs; o++) {
      const g = dz[r * outs + o];
      if (g === 0) continue;
      const wo = wOffset + o * inner;
      for (let i = 0; i < inner; i++) grad[wo + i] += g * a[ar + i];
      if (bOffset >= 0) grad[bOffset + o] += g;
    }
  }
}

/** da[r, i] += Σ_o dz[r, o]·w[o, i]: the gradient passed to the layer below. */
export function backpropInput(da: Float64Array, dz: Float64Array, w: Float64Array, wOffset: number, rows: number, outs: number, inner: number): void {
  for (let r = 0; r < rows; r++) {
    const ar = r * inner;
    for (let o = 0; o < outs; o++) {
      const g = dz[r * outs + o];
      if (g === 0) continue;
      const wo = wOffset + o * inner;
      for (let i = 0; i < inner; i++) da[ar + i] += g * w[wo + i];
    }
  }
}
