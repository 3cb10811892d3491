// The Hessian case's float64 reference, plain TypeScript and independent of the engine: the
// Hessian-vector product of X → W1·x + b1 → ReLU → W2·z + b2 → mean softmax CE written out by
// the R-operator (the formulas the numpy peer uses), Lanczos with full reorthogonalization, and
// the tridiagonal's eigenvalues by Sturm-sequence bisection.

/** The model and data, row-major: X [n, d], one-hot Y [n, c], θ = (W1 [h, d], b1 [h], W2 [c, h], b2 [c]) at the offsets. */
export interface ReluNet {
  n: number;
  d: number;
  h: number;
  c: number;
  X: Float64Array;
  Y: Float64Array;
  theta: Float64Array;
  at: { W1: number; b1: number; W2: number; b2: number };
}

/**
 * H·v: Ȧ = X·V1ᵀ + v_b1, Ż = 1[A > 0]·Ȧ, U̇ = Ż·W2ᵀ + Z·V2ᵀ + v_b2; G = (P − Y)/n,
 * Ġ = (P⊙U̇ − P·(PᵀU̇))/n; H·v for W2 = Ġᵀ·Z + Gᵀ·Ż, for W1 = (1[A > 0]⊙(Ġ·W2 + G·V2))ᵀ·X.
 */
export function reluNetHvp(net: ReluNet, v: Float64Array): Float64Array {
  const { n, d, h, c, X, Y, theta, at } = net;
  const out = new Float64Array(theta.length);
  const a = new Float64Array(h);
  const aDot = new Float64Array(h);
  const u = new Float64Array(c);
  const uDot = new Float64Array(c);
  const g = new Float64Array(c);
  const gDot = new Float64Array(c);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < h; j++) {
      let s = theta[at.b1 + j];
      let sDot = v[at.b1 + j];
      for (let k = 0; k < d; k++) {
        s += theta[at.W1 + j * d + k] * X[i * d + k];
        sDot += v[at.W1 + j * d + k] * X[i * d + k];
      }
      a[j] = s;
      aDot[j] = s > 0 ? sDot : 0; // Ż
    }
    let max = -Infinity;
    for (let o = 0; o < c; o++) {
      let s = theta[at.b2 + o];
      let sDot = v[at.b2 + o];
      for (let j = 0; j < h; j++) {
        const z = Math.max(a[j], 0);
        s += theta[at.W2 + o * h + j] * z;
        sDot += theta[at.W2 + o * h + j] * aDot[j] + v[at.W2 + o * h + j] * z;
      }
      u[o] = s;
      uDot[o] = sDot;
      max = Math.max(max, s);
    }
    let sum = 0;
    for (let o = 0; o < c; o++) sum += Math.exp(u[o] - max);
    let pu = 0;
    for (let o = 0; o < c; o++) pu += (Math.exp(u[o] - max) / sum) * uDot[o];
    for (let o = 0; o < c; o++) {
      const p = Math.exp(u[o] - max) / sum;
      g[o] = (p - Y[i * c + o]) / n;
      gDot[o] = (p * (uDot[o] - pu)) / n;
      out[at.b2 + o] += gDot[o];
      for (let j = 0; j < h; j++) out[at.W2 + o * h + j] += gDot[o] * Math.max(a[j], 0) + g[o] * aDot[j];
    }
    for (let j = 0; j < h; j++) {
      if (!(a[j] > 0)) continue;
      let back = 0;
      for (let o = 0; o < c; o++) back += gDot[o] * theta[at.W2 + o * h + j] + g[o] * v[at.W2 + o * h + j];
      out[at.b1 + j] += back;
      for (let k = 0; k < d; k++) out[at.W1 + j * d + k] += back * X[i * d + k];
    }
  }
  return out;
}

const dot = (x: Float64Array, y: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
};

/** The number of eigenvalues of the tridiagonal (alpha, beta) below x (Sturm sequence). */
function countBelow(alpha: number[], beta: number[], x: number): number {
  let count = 0;
  let q = 1;
  for (let i = 0; i < alpha.length; i++) {
    q = alpha[i] - x - (i > 0 ? (beta[i - 1] * beta[i - 1]) / q : 0);
    if (q === 0) q = 1e-300;
    if (q < 0) count++;
  }
  return count;
}

/** The k largest eigenvalues (largest first) of the symmetric operator `apply` on R^size, after `steps` Lanczos steps from `start`. */
export function topEigenvalues(apply: (v: Float64Array) => Float64Array, start: Float64Array, k: number, steps: number): Float64Array {
  const basis: Float64Array[] = [start.map((x) => x / Math.sqrt(dot(start, start)))];
  const alpha: number[] = [];
  const beta: number[] = [];
  for (let m = 0; m < steps; m++) {
    const q = basis[m];
    const w = apply(q);
    alpha.push(dot(q, w));
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const s = dot(b, w);
        for (let i = 0; i < w.length; i++) w[i] -= s * b[i];
      }
    }
    const r = Math.sqrt(dot(w, w));
    if (m === steps - 1) break;
    beta.push(r);
    basis.push(w.map((x) => x / r));
  }
  let bound = 0;
  for (let i = 0; i < alpha.length; i++) bound = Math.max(bound, Math.abs(alpha[i]) + (beta[i - 1] ?? 0) + (beta[i] ?? 0));
  return Float64Array.from({ length: k }, (_, j) => {
    // The (m − j)-th smallest: the least x with m − j eigenvalues below it.
    let lo = -bound;
    let hi = bound;
    for (let it = 0; it < 200 && hi - lo > 1e-15 * bound; it++) {
      const mid = (lo + hi) / 2;
      if (countBelow(alpha, beta, mid) >= alpha.length - j) hi = mid;
      else lo = mid;
    }
    return (lo + hi) / 2;
  });
}
