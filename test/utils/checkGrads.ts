// One helper checks any function in forward and reverse mode, to second order, against
// central differences and the adjoint identity ⟨v, J·u⟩ = ⟨Jᵀ·v, u⟩ (like autograd's
// check_grads and JAX's check_grads).
import { expect } from 'vitest';
import { add, fromData, jvp, mul, sum, vjp, type Fn, type Rng, type Tensor } from '../../engine/index.js';

export interface CheckGradsOptions {
  rng: Rng;
  /** 1: first derivatives; 2: also the derivatives of the jvp and of the vjp. */
  order?: number;
  /** Tolerance against central differences (relative). */
  rtol?: number;
  /** Tolerance of the adjoint identity (relative). */
  adjointTol?: number;
  /** Step of the central differences. */
  step?: number;
}

function randomLike(x: Tensor, rng: Rng): Tensor {
  return fromData(Float64Array.from(x.data, () => rng.normal()), x.shape);
}

function dot(a: Tensor, b: Tensor): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
  return s;
}

function norm(a: Float64Array): number {
  return Math.sqrt(a.reduce((s, v) => s + v * v, 0));
}

function relativeDifference(a: Float64Array, b: Float64Array): number {
  const diff = norm(a.map((v, i) => v - b[i]));
  const scale = Math.max(norm(a), norm(b));
  return scale === 0 ? 0 : diff / scale;
}

/** Central difference of f along the tangents u: (f(x + hu) − f(x − hu)) / 2h. */
export function directionalDifference(f: Fn, xs: Tensor[], us: Tensor[], h: number): Float64Array {
  const at = (sign: number) =>
    f(...xs.map((x, i) => fromData(x.data.map((v, k) => v + sign * h * us[i].data[k]), x.shape))).data;
  const plus = at(1);
  const minus = at(-1);
  return plus.map((v, k) => (v - minus[k]) / (2 * h));
}

/** Asserts f's jvp and vjp agree with central differences and with each other, to `order`. */
export function checkGrads(f: Fn, xs: Tensor[], opts: CheckGradsOptions): void {
  const { rng, order = 2, rtol = 1e-7, adjointTol = 1e-12, step = 1e-5 } = opts;
  const us = xs.map((x) => randomLike(x, rng));
  const [y, ju] = jvp(f, xs, us);
  const numeric = directionalDifference(f, xs, us, step);
  expect(relativeDifference(ju.data, numeric), 'jvp vs central differences').toBeLessThan(rtol);

  const v = randomLike(y, rng);
  const [, pullback] = vjp(f, xs);
  const vjs = pullback(v);
  vjs.forEach((g, i) => expect(g.shape, `vjp cotangent ${i} shape`).toEqual(xs[i].shape));
  const forward = dot(v, ju);
  const reverse = vjs.reduce((s, g, i) => s + dot(g, us[i]), 0);
  // Inner products are compared relative to their Cauchy–Schwarz bound ‖v‖·‖J·u‖.
  const scale = norm(v.data) * Math.max(norm(ju.data), norm(numeric));
  expect(Math.abs(forward - reverse), '⟨v, J·u⟩ = ⟨Jᵀ·v, u⟩').toBeLessThanOrEqual(adjointTol * scale);
  const fd = dot(v, fromData(numeric, y.shape));
  expect(Math.abs(reverse - fd), 'vjp vs central differences').toBeLessThanOrEqual(rtol * scale);

  if (order > 1) {
    const next = { ...opts, order: order - 1 };
    checkGrads((...zs) => jvp(f, zs, us)[1], xs, next);
    const ws = xs.map((x) => randomLike(x, rng));
    const pairing: Fn = (...zs) =>
      vjp(f, zs)[1](v).reduce<Tensor>((s, g, i) => add(s, sum(mul(g, ws[i]))), fromData(Float64Array.of(0), []));
    checkGrads(pairing, xs, next);
  }
}
