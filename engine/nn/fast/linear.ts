// Dense-layer kernels on row-major Float64Arrays: no allocation, contiguous inner loops.

/**
 * out[r, o] = Σ_i a[r, i]·w[o, i] + b[o] (b from `bias` at bOffset, or none when bOffset < 0):
 * rows of a against rows of w, four outputs at a time (then three, or two and one) so each loaded input serves several sums.
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
    if (outs - o === 3) {
      // Three left (a three-class output layer): one pass rather than a pair and a single.
      const w0 = wOffset + o * inner;
      const w1 = w0 + inner;
      const w2 = w1 + inner;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < inner; i++) {
        const x = a[ar + i];
        s0 += x * w[w0 + i];
        s1 += x * w[w1 + i];
        s2 += x * w[w2 + i];
      }
      out[or + o] = s0;
      out[or + o + 1] = s1;
      out[or + o + 2] = s2;
      o += 3;
    }
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

/** Rows per chunk of the weight gradient: a chunk of dz and a stays in cache while every tile passes over it. */
const GRADIENT_CHUNK = 128;

/**
 * dW[o, i] += Σ_r dz[r, o]·a[r, i] and db[o] += Σ_r dz[r, o] (db skipped when bOffset < 0), into
 * grad at the offsets. Tiles of two outputs × four inputs sum over a chunk of rows in locals,
 * so each loaded value serves several products and grad is written once per tile and chunk.
 */
export function accumulateLinearGradient(grad: Float64Array, wOffset: number, bOffset: number, dz: Float64Array, a: Float64Array, rows: number, outs: number, inner: number): void {
  const quads = inner - (inner % 4);
  for (let r0 = 0; r0 < rows; r0 += GRADIENT_CHUNK) {
    const r1 = Math.min(rows, r0 + GRADIENT_CHUNK);
    for (let o = 0; o < outs; o += 2) {
      const pair = o + 1 < outs;
      const w0 = wOffset + o * inner;
      const w1 = w0 + inner;
      for (let i = 0; i < quads; i += 4) {
        let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (let r = r0; r < r1; r++) {
          const g0 = dz[r * outs + o];
          const g1 = pair ? dz[r * outs + o + 1] : 0;
          const ar = r * inner + i;
          const a0 = a[ar], a1 = a[ar + 1], a2 = a[ar + 2], a3 = a[ar + 3];
          s00 += g0 * a0; s01 += g0 * a1; s02 += g0 * a2; s03 += g0 * a3;
          s10 += g1 * a0; s11 += g1 * a1; s12 += g1 * a2; s13 += g1 * a3;
        }
        grad[w0 + i] += s00; grad[w0 + i + 1] += s01; grad[w0 + i + 2] += s02; grad[w0 + i + 3] += s03;
        if (pair) {
          grad[w1 + i] += s10; grad[w1 + i + 1] += s11; grad[w1 + i + 2] += s12; grad[w1 + i + 3] += s13;
        }
      }
      for (let i = quads; i < inner; i++) {
        let s0 = 0, s1 = 0;
        for (let r = r0; r < r1; r++) {
          s0 += dz[r * outs + o] * a[r * inner + i];
          if (pair) s1 += dz[r * outs + o + 1] * a[r * inner + i];
        }
        grad[w0 + i] += s0;
        if (pair) grad[w1 + i] += s1;
      }
    }
    if (bOffset >= 0) for (let r = r0; r < r1; r++) for (let o = 0; o < outs; o++) grad[bOffset + o] += dz[r * outs + o];
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
