// A small surface file with a known formula, an uneven grid (na ≠ nb), accuracy, a path and
// optionally a few missing values: what the exporters' tests read back.
import { SURFACE_FORMAT, type SurfaceFile } from '../../../engine/io/index.js';

/** L(α, β) of the synthetic surface: a tilted bowl with a ripple, all positive. */
export function syntheticLoss(a: number, b: number): number {
  return 0.3 + 1.5 * a * a + 0.8 * (b - 0.2) ** 2 + 0.25 * Math.sin(3 * a) * Math.cos(2 * b) + 0.4 * a * b;
}

/** A surface file of `na`×`nb` points over [−1, 1]×[−0.8, 1.2]; `missing` grid points hold null. */
export function syntheticSurface(na = 13, nb = 9, options: { missing?: [number, number][]; trajectory?: boolean } = {}): SurfaceFile {
  const alpha = Array.from({ length: na }, (_, i) => -1 + (2 * i) / (na - 1));
  const beta = Array.from({ length: nb }, (_, j) => -0.8 + (2 * j) / (nb - 1));
  const loss = alpha.map((a) => beta.map((b) => syntheticLoss(a, b)));
  const accuracy = loss.map((row) => row.map((l) => Math.exp(-l)));
  for (const [i, j] of options.missing ?? []) {
    (loss[i] as (number | null)[])[j] = null;
    (accuracy[i] as (number | null)[])[j] = null;
  }
  const path = Array.from({ length: 12 }, (_, k) => {
    const t = k / 11;
    return { alpha: -0.9 + 0.95 * t, beta: 1.0 - 0.85 * t + 0.1 * Math.sin(6 * t) };
  });
  return {
    format: SURFACE_FORMAT,
    layout: [{ name: 'layers.0.weight', shape: [2, 2], offset: 0, role: 'weight' }],
    center: [0.5, -0.25, 1, 2],
    directions: [
      [1, 0, 0.5, 0],
      [0, 1, 0, -0.5],
    ],
    normalization: 'filter',
    split: 'train',
    norm: 'batch',
    alpha,
    beta,
    values: { loss, accuracy },
    ...(options.trajectory === false
      ? {}
      : { trajectory: path.map((p, k) => ({ step: k * 10, ...p, loss: syntheticLoss(p.alpha, p.beta) + 0.01, planeLoss: syntheticLoss(p.alpha, p.beta), distance: 0.1 * (11 - k) })) }),
    timing: { seconds: 0.5, workers: 2, points: na * nb },
  };
}
