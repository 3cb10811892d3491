// Standardization (z-scores) fitted on the training rows only, and the constant input x₀ = 1.

/** Per-feature mean and standard deviation (population, ddof 0) that standardization divides by. */
export interface Standardization {
  mean: number[];
  std: number[];
}

/**
 * Fits mean and std per column of x [n, d] over the given rows. A feature that is constant on
 * those rows gets mean = its value and std = 1, so it standardizes to exactly 0.
 */
export function fitStandardization(x: Float64Array, d: number, rows: readonly number[]): Standardization {
  const mean: number[] = [];
  const std: number[] = [];
  for (let j = 0; j < d; j++) {
    const first = rows.length > 0 ? x[rows[0] * d + j] : 0;
    let sum = 0;
    let constant = true;
    for (const i of rows) {
      const v = x[i * d + j];
      sum += v;
      constant &&= v === first;
    }
    if (constant) {
      mean.push(first);
      std.push(1);
      continue;
    }
    const m = sum / rows.length;
    let ss = 0;
    for (const i of rows) ss += (x[i * d + j] - m) ** 2;
    mean.push(m);
    std.push(Math.sqrt(ss / rows.length));
  }
  return { mean, std };
}

/** Applies (x − mean) / std to every row of x [n, d], returning a new array. */
export function applyStandardization(x: Float64Array, d: number, s: Standardization): Float64Array {
  const out = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) out[k] = (x[k] - s.mean[k % d]) / s.std[k % d];
  return out;
}

/** Prepends a column of exact ones to x [n, d], giving [n, d + 1] (the bias as input x₀ = 1). */
export function prependConstant(x: Float64Array, d: number): Float64Array {
  const n = x.length / d;
  const out = new Float64Array(n * (d + 1));
  for (let i = 0; i < n; i++) {
    out[i * (d + 1)] = 1;
    out.set(x.subarray(i * d, (i + 1) * d), i * (d + 1) + 1);
  }
  return out;
}
