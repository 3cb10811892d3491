// Adam's and AdamW's WebAssembly update (engine/kernels/assembly/adam.ts, through applyUpdate)
// against the plain float64 loop of PyTorch's rule, bit for bit: θ, m and v.
import { describe, expect, it } from 'vitest';
import { applyUpdate, initOptimizerState, type OptimizerSpec } from '../../../engine/train/index.js';

/** The reference: Adam(W)'s update as a plain loop, each element in the kernel's order of operations. */
function referenceStep(spec: OptimizerSpec, t: number, theta: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, lr: number): void {
  const b1 = spec.beta1 ?? 0.9;
  const b2 = spec.beta2 ?? 0.999;
  const eps = spec.eps ?? 1e-8;
  const decay = spec.kind === 'adamw' ? lr * (spec.weightDecay ?? 0.01) : 0;
  const c1 = 1 - Math.pow(b1, t);
  const c2 = 1 - Math.pow(b2, t);
  for (let i = 0; i < theta.length; i++) {
    if (decay) theta[i] -= decay * theta[i];
    m[i] = b1 * m[i] + (1 - b1) * g[i];
    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
    theta[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
  }
}

/** A seeded generator of floats in [0, 1). */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Gradients spanning 1e-300 … 1e200 in magnitude (squares underflowing to 0 and overflowing to ∞), either sign, with exact zeros. */
function gradient(n: number, next: () => number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : (next() < 0.5 ? -1 : 1) * 10 ** (-300 + 500 * next())));
}

const bits = (a: Float64Array) => new BigUint64Array(a.buffer, a.byteOffset, a.length);

/**
 * Runs `steps` updates from θ₀ through applyUpdate and through the reference, with fresh
 * gradients each step, and the state's step count `t` started at `t0`; expects equal bits.
 */
function compare(spec: OptimizerSpec, n: number, steps: number, t0: number, seed: number): { theta0: Float64Array; theta: Float64Array; v: Float64Array } {
  const next = uniform(seed);
  const theta = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : (next() - 0.5) * 10 ** (6 * next() - 3)));
  const state = initOptimizerState(spec, n);
  state.t = t0;
  const theta0 = theta.slice();
  const ref = { theta: theta.slice(), m: new Float64Array(n), v: new Float64Array(n) };
  for (let k = 0; k < steps; k++) {
    const g = gradient(n, next);
    const lr = spec.lr * (1 + k);
    referenceStep(spec, t0 + k + 1, ref.theta, g, ref.m, ref.v, lr);
    applyUpdate(spec, state, theta, g.slice(), lr);
  }
  expect(state.t).toBe(t0 + steps);
  expect(bits(theta)).toEqual(bits(ref.theta));
  expect(bits(state.first!)).toEqual(bits(ref.m));
  expect(bits(state.second!)).toEqual(bits(ref.v));
  return { theta0, theta, v: ref.v };
}

describe('Adam in WebAssembly', () => {
  it.each([
    ['adam', { kind: 'adam', lr: 1e-3 }],
    ['adamw, λ = 0.1', { kind: 'adamw', lr: 1e-2, weightDecay: 0.1 }],
    ['adamw, default λ, own betas and ε', { kind: 'adamw', lr: 3e-4, beta1: 0.8, beta2: 0.95, eps: 1e-6 }],
  ] as [string, OptimizerSpec][])('%s gives the loop’s θ, m and v bit for bit, over several blocks and an odd tail', (_, spec) => {
    const { theta0, theta, v } = compare(spec, 2 * 2048 + 37, 4, 0, 1);
    // Not vacuous: θ moved and stayed finite, and the huge gradients took v to ∞.
    expect(theta.every(Number.isFinite)).toBe(true);
    expect(theta.filter((x, i) => x !== theta0[i]).length).toBeGreaterThan(theta.length / 2);
    expect(v.some((x) => x === Infinity)).toBe(true);
  });

  it('from t = 1 the first step moves θ by lr·sign(g) where g is moderate, and not at all where g = 0', () => {
    const spec: OptimizerSpec = { kind: 'adam', lr: 0.01 };
    const theta = Float64Array.of(1, -2, 3);
    const state = initOptimizerState(spec, 3);
    applyUpdate(spec, state, theta, Float64Array.of(0.5, -1, 0), spec.lr);
    expect([...theta]).toEqual([1 - (0.01 * 0.5) / (0.5 + 1e-8), -2 + (0.01 * 1) / (1 + 1e-8), 3]);
  });

  it('matches at a large t, where the bias corrections are 1', () => {
    compare({ kind: 'adamw', lr: 1e-3 }, 1001, 3, 1e6, 2);
  });

  it('matches on vectors of 1, 2 and 3 entries: the scalar tail alone, one SIMD step, both', () => {
    for (const n of [1, 2, 3]) compare({ kind: 'adam', lr: 1e-2 }, n, 3, 0, 10 + n);
  });

  it('keeps m and v across updates in its own memory: a zero gradient still moves θ by the momentum', () => {
    const spec: OptimizerSpec = { kind: 'adam', lr: 0.1 };
    const state = initOptimizerState(spec, 1);
    const theta = Float64Array.of(0);
    applyUpdate(spec, state, theta, Float64Array.of(1), spec.lr);
    applyUpdate(spec, state, theta, Float64Array.of(0), spec.lr);
    const m = 0.9 * (1 - 0.9);
    const v = 0.999 * (1 - 0.999);
    expect(state.first![0]).toBe(m);
    expect(state.second![0]).toBe(v);
    expect(theta[0]).toBe(-0.1 / (1 + 1e-8) - (0.1 * (m / (1 - Math.pow(0.9, 2)))) / (Math.sqrt(v / (1 - Math.pow(0.999, 2))) + 1e-8));
  });

  it('refuses θ of another length than its state, saying what to do', () => {
    const spec: OptimizerSpec = { kind: 'adam', lr: 0.1 };
    const state = initOptimizerState(spec, 3);
    expect(() => applyUpdate(spec, state, new Float64Array(4), new Float64Array(4), 0.1)).toThrow(/state is for 3 parameters, but θ has 4/);
  });
});
