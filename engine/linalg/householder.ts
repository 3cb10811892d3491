// Householder reduction of a dense symmetric matrix to tridiagonal form, A = Q·T·Qᵀ: the
// first half of `eigh` (the classical tred2 step), with optional accumulation of Q.

/** The tridiagonal T = QᵀAQ: diagonal `d` and off-diagonal `e`, e[i] = T[i][i+1] = T[i+1][i]. */
export interface Tridiagonal {
  /** Diagonal of T (length n). */
  d: Float64Array;
  /** Off-diagonal of T in e[0 … n−2]; e[n−1] = 0 (length n, the layout `tridiagonalQL` wants). */
  e: Float64Array;
}

/**
 * Reduces the symmetric n×n matrix held in `work` (row-major) to tridiagonal form by n − 2
 * Householder reflections, T = H_{n−3}⋯H_0 · A · H_0⋯H_{n−3}. Only the lower triangle of
 * `work` is read (like numpy.linalg.eigh's default UPLO='L'); `work` is overwritten.
 *
 * With `accumulate`, `work` ends holding the orthogonal Q = H_0⋯H_{n−3} (so A = Q·T·Qᵀ);
 * otherwise its contents are scratch. Costs (4/3)n³ flops, plus (4/3)n³ to accumulate Q.
 *
 * Reflection k acts on rows and columns k+1 … n−1 and maps column k of the current matrix
 * below the diagonal, x, onto a multiple of e₁: H = I − v·vᵀ/h with v = x − αe₁,
 * α = −sign(x₁)·‖x‖ (the sign that avoids cancellation in x₁ − α) and h = ‖v‖²/2. The
 * reflector vectors are kept in the (unused) upper triangle of `work`, row k holding v for
 * reflection k, which is what lets Q be accumulated in place afterwards.
 */
export function tridiagonalize(work: Float64Array, n: number, accumulate: boolean): Tridiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const h = new Float64Array(n); // h[k] = ‖v_k‖²/2, or 0 where reflection k is the identity
  const v = new Float64Array(n); // the current reflector, entries k+1 … n−1
  const p = new Float64Array(n); // scratch: B·v / h, then the rank-2 update vector

  for (let k = 0; k < n - 2; k++) {
    const rowK = k * n;
    d[k] = work[rowK + k];

    // x = column k below the diagonal. Scale it by Σ|x_i| so that squaring cannot overflow
    // or underflow; the scale cancels in v·vᵀ/h.
    let scale = 0;
    for (let i = k + 1; i < n; i++) scale += Math.abs(work[i * n + k]);
    if (scale === 0) {
      // Column already reduced: reflection k is the identity.
      e[k] = 0;
      h[k] = 0;
      continue;
    }
    let sigma = 0;
    for (let i = k + 1; i < n; i++) {
      const u = work[i * n + k] / scale;
      v[i] = u;
      sigma += u * u;
    }
    const x1 = v[k + 1];
    const alpha = x1 >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
    const hk = sigma - x1 * alpha; // = ‖v‖²/2 > 0
    v[k + 1] = x1 - alpha;
    e[k] = alpha * scale;
    h[k] = hk;
    for (let i = k + 1; i < n; i++) work[rowK + i] = v[i]; // keep v_k for accumulating Q

    // H·B·H for the trailing block B = A[k+1…, k+1…] (lower triangle only):
    //   p = B·v/h,  κ = vᵀp/(2h),  q = p − κ·v,  B ← B − v·qᵀ − q·vᵀ.
    symmetricProduct(work, n, k + 1, v, p);
    let vp = 0;
    for (let i = k + 1; i < n; i++) {
      p[i] /= hk;
      vp += v[i] * p[i];
    }
    const kappa = vp / (2 * hk);
    for (let i = k + 1; i < n; i++) p[i] -= kappa * v[i];
    symmetricRank2Update(work, n, k + 1, v, p);
  }
  // The last 2×2 block needs no reflection.
  if (n >= 2) {
    d[n - 2] = work[(n - 2) * n + n - 2];
    e[n - 2] = work[(n - 1) * n + n - 2];
  }
  if (n >= 1) d[n - 1] = work[n * n - 1];
  e[n - 1] = 0;

  if (accumulate) accumulateQ(work, n, h, p);
  return { d, e };
}

/**
 * p = B·v for the symmetric block B = work[start…, start…] stored in its lower triangle,
 * entries start … n−1 of p and v. Row by row: B_ij (j < i) contributes B_ij·v_j to p_i and,
 * as B_ji, B_ij·v_i to p_j. Rows go in pairs, so each load and store of p[j] serves both.
 */
function symmetricProduct(work: Float64Array, n: number, start: number, v: Float64Array, p: Float64Array): void {
  for (let i = start; i < n; i++) p[i] = 0;
  let i = start;
  for (; i + 1 < n; i += 2) {
    const row0 = i * n;
    const row1 = row0 + n;
    const v0 = v[i];
    const v1 = v[i + 1];
    let acc0 = 0;
    let acc1 = 0;
    for (let j = start; j < i; j++) {
      const b0 = work[row0 + j];
      const b1 = work[row1 + j];
      const vj = v[j];
      acc0 += b0 * vj;
      acc1 += b1 * vj;
      p[j] += b0 * v0 + b1 * v1;
    }
    // The 2×2 diagonal block of the pair: B_ii, B_{i+1,i}, B_{i+1,i+1}.
    const b00 = work[row0 + i];
    const b10 = work[row1 + i];
    const b11 = work[row1 + i + 1];
    p[i] += acc0 + b00 * v0 + b10 * v1;
    p[i + 1] += acc1 + b10 * v0 + b11 * v1;
  }
  if (i < n) {
    const row = i * n;
    const vi = v[i];
    let acc = work[row + i] * vi;
    for (let j = start; j < i; j++) {
      const bij = work[row + j];
      acc += bij * v[j];
      p[j] += bij * vi;
    }
    p[i] += acc;
  }
}

/** B ← B − v·qᵀ − q·vᵀ on the lower triangle of the block work[start…, start…], rows in pairs. */
function symmetricRank2Update(work: Float64Array, n: number, start: number, v: Float64Array, q: Float64Array): void {
  let i = start;
  for (; i + 1 < n; i += 2) {
    const row0 = i * n;
    const row1 = row0 + n;
    const v0 = v[i];
    const v1 = v[i + 1];
    const q0 = q[i];
    const q1 = q[i + 1];
    for (let j = start; j <= i; j++) {
      const qj = q[j];
      const vj = v[j];
      work[row0 + j] -= v0 * qj + q0 * vj;
      work[row1 + j] -= v1 * qj + q1 * vj;
    }
    work[row1 + i + 1] -= v1 * q[i + 1] + q1 * v[i + 1];
  }
  if (i < n) {
    const row = i * n;
    const vi = v[i];
    const qi = q[i];
    for (let j = start; j <= i; j++) work[row + j] -= vi * q[j] + qi * v[j];
  }
}

/**
 * Overwrites `work` with Q = H_0·H_1⋯H_{n−3}, built from the right: Q ← H_k·Q for
 * k = n−3 … 0. Before H_k is applied, Q = H_{k+1}⋯H_{n−3} is the identity outside the
 * trailing block k+2 … n−1, so step k only touches the block k+1 … n−1, and reflector k
 * (stored in row k, columns k+1 …) is still intact: Q is built in place. Row and column
 * k+1 (old reduced-matrix entries and the spent reflector k+1) are reset to e_{k+1} first.
 */
function accumulateQ(work: Float64Array, n: number, h: Float64Array, r: Float64Array): void {
  for (let k = n - 2; k >= -1; k--) {
    const c = k + 1;
    for (let j = c; j < n; j++) work[c * n + j] = 0;
    for (let i = c + 1; i < n; i++) work[i * n + c] = 0;
    work[c * n + c] = 1;
    if (k >= 0 && k <= n - 3 && h[k] !== 0) applyReflector(work, n, k, h[k], r);
  }
}

/**
 * Q ← H_k·Q = Q − v·(vᵀQ)/h on rows and columns k+1 … n−1, with v in row k of `work`:
 * first r = vᵀQ, then row i of Q loses (v_i/h)·r. Both passes take four rows of Q at a time,
 * so each load and store of r serves four multiply-adds (about twice as fast in V8).
 */
function applyReflector(work: Float64Array, n: number, k: number, hk: number, r: Float64Array): void {
  const rowK = k * n;
  const start = k + 1;
  for (let j = start; j < n; j++) r[j] = 0;
  let i = start;
  for (; i + 3 < n; i += 4) {
    const v0 = work[rowK + i];
    const v1 = work[rowK + i + 1];
    const v2 = work[rowK + i + 2];
    const v3 = work[rowK + i + 3];
    const row0 = i * n;
    const row1 = row0 + n;
    const row2 = row1 + n;
    const row3 = row2 + n;
    for (let j = start; j < n; j++) r[j] += v0 * work[row0 + j] + v1 * work[row1 + j] + v2 * work[row2 + j] + v3 * work[row3 + j];
  }
  for (; i < n; i++) {
    const vi = work[rowK + i];
    const rowI = i * n;
    for (let j = start; j < n; j++) r[j] += vi * work[rowI + j];
  }

  i = start;
  for (; i + 3 < n; i += 4) {
    const f0 = work[rowK + i] / hk;
    const f1 = work[rowK + i + 1] / hk;
    const f2 = work[rowK + i + 2] / hk;
    const f3 = work[rowK + i + 3] / hk;
    const row0 = i * n;
    const row1 = row0 + n;
    const row2 = row1 + n;
    const row3 = row2 + n;
    for (let j = start; j < n; j++) {
      const rj = r[j];
      work[row0 + j] -= f0 * rj;
      work[row1 + j] -= f1 * rj;
      work[row2 + j] -= f2 * rj;
      work[row3 + j] -= f3 * rj;
    }
  }
  for (; i < n; i++) {
    const f = work[rowK + i] / hk;
    const rowI = i * n;
    for (let j = start; j < n; j++) work[rowI + j] -= f * r[j];
  }
}
